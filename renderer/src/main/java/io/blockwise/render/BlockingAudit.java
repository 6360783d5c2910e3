package io.blockwise.render;

import io.blockwise.rt.LogEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The blocking half of the audit ({@code render --jfr}): a Java Flight Recorder recording of every
 * monitor enter and wait, park, sleep and file or socket I/O, with no threshold and with stack
 * traces. After the render, each such event on {@code blockwise-rt} whose stack is inside
 * {@code Engine.process} or {@code Engine.shutdown} becomes an {@code rt-block} event, attributed
 * to the block whose hand-off interval (wall clock, taken by the driver around each block) holds
 * its start time. JFR delivers events late and starting it perturbs compiled code, so it is
 * opt-in; a correct engine logs none, so the log stays deterministic. Control thread.
 */
final class BlockingAudit implements AutoCloseable {
    private static final String[] BLOCKING_EVENTS = {"jdk.JavaMonitorEnter", "jdk.JavaMonitorWait",
        "jdk.ThreadPark", "jdk.ThreadSleep", "jdk.FileRead", "jdk.FileWrite", "jdk.SocketRead", "jdk.SocketWrite"};

    private final Recording recording = new Recording();
    private long[] blockStartNanos = new long[1024];
    private long[] blockEndNanos = new long[1024];
    private int blocks;

    private BlockingAudit() {
        for (String name : BLOCKING_EVENTS) {
            recording.enable(name).withThreshold(Duration.ZERO).withStackTrace();
        }
        recording.setToDisk(true);
        recording.start();
    }

    /** Control thread. Starts recording. */
    static BlockingAudit start() {
        return new BlockingAudit();
    }

    /** Control thread. Notes that block {@code block} ran on the audio thread between these instants (epoch ns). */
    void block(long block, long startEpochNanos, long endEpochNanos) {
        if (block >= blockStartNanos.length) {
            blockStartNanos = Arrays.copyOf(blockStartNanos, blockStartNanos.length * 2);
            blockEndNanos = Arrays.copyOf(blockEndNanos, blockEndNanos.length * 2);
        }
        blockStartNanos[(int) block] = startEpochNanos;
        blockEndNanos[(int) block] = endEpochNanos;
        blocks = (int) block + 1;
    }

    /** Control thread. Epoch nanoseconds now (the clock JFR's event times are converted to). */
    static long nowEpochNanos() {
        java.time.Instant t = java.time.Instant.now();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /**
     * Control thread. Stops recording and returns the {@code rt-block} events, in time order;
     * {@code blockSize} gives each its frame.
     */
    List<LogEvent> finish(int blockSize, Path scratchFolder) {
        recording.stop();
        List<LogEvent> found = new ArrayList<>();
        try {
            Path file = Files.createTempFile(scratchFolder, ".rt-block", ".jfr");
            try {
                recording.dump(file);
                for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                    if (e.getThread() == null || !RtThread.NAME.equals(e.getThread().getJavaName())) {
                        continue;
                    }
                    RecordedStackTrace st = e.getStackTrace();
                    if (st == null || !insideEngine(st)) {
                        continue;
                    }
                    long t = e.getStartTime().getEpochSecond() * 1_000_000_000L + e.getStartTime().getNano();
                    long block = blockAt(t);
                    RecordedFrame top = st.getFrames().get(0);
                    found.add(new LogEvent(block, block * blockSize, "rt", "rt-block")
                            .str("call", e.getEventType().getName().substring("jdk.".length()))
                            .str("at", top.getMethod().getType().getName() + "." + top.getMethod().getName()
                                    + ":" + top.getLineNumber()));
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JFR recording: " + e.getMessage(), e);
        }
        found.sort((a, b) -> Long.compare(a.block(), b.block()));
        return found;
    }

    private long blockAt(long epochNanos) {
        for (int b = 0; b < blocks; b++) {
            if (epochNanos <= blockEndNanos[b]) {
                return b;
            }
        }
        return blocks; // the shutdown hand-off
    }

    private static boolean insideEngine(RecordedStackTrace st) {
        for (RecordedFrame f : st.getFrames()) {
            if (f.getMethod().getType().getName().equals("io.blockwise.engine.Engine")) {
                String n = f.getMethod().getName();
                if (n.equals("process") || n.equals("shutdown")) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void close() {
        recording.close();
    }
}
