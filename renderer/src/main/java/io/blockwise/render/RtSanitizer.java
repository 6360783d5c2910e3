package io.blockwise.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The real-time sanitizer ({@code --jfr}): a Java Flight Recorder recording, with stack traces and
 * no threshold, of every monitor enter and wait, park, sleep, file and socket read and write, and
 * of the allocations JFR sees (a new TLAB, or an object outside one). After the run, the events on
 * the audio thread (by thread id) whose stack is inside {@code Engine.process} or
 * {@code Engine.shutdown} become {@link RtSanitizerReport} findings, each attributed to the block
 * whose hand-off window (wall clock, noted by the driver with {@link #block}) holds its start time.
 *
 * <p>What it costs and misses: JFR starts in about a second the first time in a JVM, perturbs
 * compiled code, and delivers events only when the recording is dumped, so it is opt-in and its
 * findings are read after the run. Blocking calls are recorded every time. Allocations are seen
 * by JFR only when they refill the thread's TLAB or do not fit one, so a few bytes a block are
 * counted exactly by the allocation meter ({@code rt-alloc}) but get a stack only once the audio
 * thread's TLAB fills up; run the JVM with {@code -XX:-UseTLAB} to give every allocation a stack.
 * Control thread.
 */
public final class RtSanitizer implements AutoCloseable {
    /** The blocking events, each recorded every time it happens (threshold 0). */
    static final String[] BLOCKING_EVENTS = {"jdk.JavaMonitorEnter", "jdk.JavaMonitorWait",
        "jdk.ThreadPark", "jdk.ThreadSleep", "jdk.FileRead", "jdk.FileWrite", "jdk.SocketRead", "jdk.SocketWrite"};
    /** The allocation events: not throttled (unlike {@code jdk.ObjectAllocationSample}), fired at TLAB refills. */
    static final String[] ALLOCATION_EVENTS = {"jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB"};

    private final Recording recording = new Recording();
    private long[] blockStartNanos = new long[1024];
    private long[] blockEndNanos = new long[1024];
    private int blocks;

    private RtSanitizer() {
        recording.setName("blockwise-rt-sanitizer");
        for (String name : BLOCKING_EVENTS) {
            recording.enable(name).withThreshold(Duration.ZERO).withStackTrace();
        }
        for (String name : ALLOCATION_EVENTS) {
            recording.enable(name).withStackTrace();
        }
        recording.setToDisk(true);
        recording.start();
    }

    /** Control thread. Starts recording. */
    public static RtSanitizer start() {
        return new RtSanitizer();
    }

    /**
     * Control thread. Notes that block {@code block} ran on the audio thread between these instants
     * (epoch ns, {@link #nowEpochNanos}); blocks are noted in order. Without any, findings have
     * block -1.
     */
    public void block(long block, long startEpochNanos, long endEpochNanos) {
        if (block >= blockStartNanos.length) {
            int n = (int) Math.max(block + 1, blockStartNanos.length * 2L);
            blockStartNanos = Arrays.copyOf(blockStartNanos, n);
            blockEndNanos = Arrays.copyOf(blockEndNanos, n);
        }
        for (int skipped = blocks; skipped < block; skipped++) {
            // Blocks handed off in one run with this one: their windows end where it starts, so
            // the windows stay in time order and what happened in the run goes to its last block.
            blockStartNanos[skipped] = startEpochNanos;
            blockEndNanos[skipped] = startEpochNanos;
        }
        blockStartNanos[(int) block] = startEpochNanos;
        blockEndNanos[(int) block] = endEpochNanos;
        blocks = (int) block + 1;
    }

    /** Any thread. Epoch nanoseconds now (the clock JFR's event times are converted to). */
    public static long nowEpochNanos() {
        return epochNanos(Instant.now());
    }

    /**
     * Control thread. Stops recording and returns what happened on the thread {@code audioThreadId}
     * inside the engine, in time order; the recording is dumped to a temporary file in
     * {@code scratchFolder} and deleted.
     */
    public RtSanitizerReport finish(long audioThreadId, Path scratchFolder) {
        recording.stop();
        List<RtSanitizerReport.Finding> found = new ArrayList<>();
        try {
            Path file = Files.createTempFile(scratchFolder, ".rt-sanitizer", ".jfr");
            try {
                recording.dump(file);
                try (RecordingFile events = new RecordingFile(file)) {
                    while (events.hasMoreEvents()) {
                        RtSanitizerReport.Finding f = finding(events.readEvent(), audioThreadId);
                        if (f != null) {
                            found.add(f);
                        }
                    }
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JFR recording: " + e.getMessage(), e);
        }
        found.sort((a, b) -> Long.compare(a.epochNanos(), b.epochNanos()));
        return new RtSanitizerReport(true, found);
    }

    private RtSanitizerReport.Finding finding(RecordedEvent e, long audioThreadId) {
        if (e.getThread() == null || e.getThread().getJavaThreadId() != audioThreadId) {
            return null;
        }
        RecordedStackTrace st = e.getStackTrace();
        List<String> frames = st == null ? null : framesInsideEngine(st);
        if (frames == null) {
            return null;
        }
        String type = e.getEventType().getName();
        long t = epochNanos(e.getStartTime());
        String call = type.substring("jdk.".length());
        boolean allocation = type.startsWith("jdk.ObjectAllocation");
        return new RtSanitizerReport.Finding(allocation ? RtSanitizerReport.ALLOCATION : call, call, detail(e, type),
                allocation ? e.getLong("allocationSize") : 0, blockAt(t), t, frames);
    }

    /** What was waited on or allocated: the class, the path, the peer; "" when JFR says nothing. */
    private static String detail(RecordedEvent e, String type) {
        switch (type) {
            case "jdk.JavaMonitorEnter":
            case "jdk.JavaMonitorWait":
                return className(e, "monitorClass");
            case "jdk.ThreadPark":
                return className(e, "parkedClass");
            case "jdk.ObjectAllocationInNewTLAB":
            case "jdk.ObjectAllocationOutsideTLAB":
                return className(e, "objectClass");
            case "jdk.FileRead":
            case "jdk.FileWrite":
                return e.hasField("path") && e.getString("path") != null ? e.getString("path") : "";
            case "jdk.SocketRead":
            case "jdk.SocketWrite":
                return e.getString("host") + ":" + e.getInt("port");
            default:
                return "";
        }
    }

    private static String className(RecordedEvent e, String field) {
        if (!e.hasField(field)) {
            return "";
        }
        RecordedClass c = e.getValue(field);
        return c == null ? "" : javaName(c.getName());
    }

    /** A class's name as Java source writes it: {@code [D} is {@code double[]}. */
    static String javaName(String binaryName) {
        int dims = 0;
        while (dims < binaryName.length() && binaryName.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return binaryName;
        }
        String element = binaryName.substring(dims);
        String base = switch (element) {
            case "Z" -> "boolean";
            case "B" -> "byte";
            case "C" -> "char";
            case "S" -> "short";
            case "I" -> "int";
            case "J" -> "long";
            case "F" -> "float";
            case "D" -> "double";
            default -> element.startsWith("L") && element.endsWith(";")
                    ? element.substring(1, element.length() - 1) : element;
        };
        return base + "[]".repeat(dims);
    }

    private long blockAt(long epochNanos) {
        if (blocks == 0) {
            return -1;
        }
        // The first block whose window ends at or after the event (windows are in time order).
        int lo = 0;
        int hi = blocks; // blocks: the shutdown hand-off, after the last window
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (blockEndNanos[mid] >= epochNanos) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * The frames from the top down to the engine's {@code process} or {@code shutdown} (inclusive),
     * as {@code class.method:line}; null when the stack is not inside the engine.
     */
    private static List<String> framesInsideEngine(RecordedStackTrace st) {
        List<String> frames = new ArrayList<>();
        for (RecordedFrame f : st.getFrames()) {
            String type = f.getMethod().getType().getName();
            String method = f.getMethod().getName();
            frames.add(type + "." + method + ":" + f.getLineNumber());
            if (type.equals("io.blockwise.engine.Engine") && (method.equals("process") || method.equals("shutdown"))) {
                return frames;
            }
        }
        return null;
    }

    private static long epochNanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    @Override
    public void close() {
        recording.close();
    }
}
