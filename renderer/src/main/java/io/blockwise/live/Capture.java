package io.blockwise.live;

import io.blockwise.engine.Command;
import io.blockwise.rt.RtEvent;
import io.blockwise.rt.RtEventRing;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioWriter;
import io.blockwise.scenario.TimedMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the audio thread of a live session applied (or refused), in its order, each at its block:
 * written as a {@code blockwise/1} scenario whose offline render reproduces the session's
 * {@code output.wav} and the audio thread's log lines byte for byte.
 *
 * <p>Why that holds: offline, an event at frame {@code b * blockSize} is sent before block
 * {@code b} and, with at most {@code maxMessagesPerBlock} due and room in the queue, applied in
 * block {@code b} in file order. The audio thread applied at most {@code maxMessagesPerBlock}
 * commands per block, so writing each at its block's first frame, in the order applied, with a
 * queue at least that large, makes the offline audio thread take exactly the same commands in the
 * same blocks. Their sequence numbers are their queue positions, which are the applied order in
 * both; their resource ids and take numbers were given in queue order (the order lock of
 * {@code EngineHandle.submit}), as offline. Input, seed, set-up, collector and writer schedules
 * are the session's, and the duration is the blocks it ran.
 *
 * <p>Threads: the senders (any control thread) record each message with its sequence number once
 * queued ({@link #sent}); the driver records the applied order as it logs the audio thread's
 * events ({@link #event}, after {@link #at}). A sender may record its message after the audio
 * thread applied it, so messages are matched to sequence numbers only at the end, once every
 * sender has stopped.
 */
public final class Capture implements RtEventRing.Sink {
    // Written by any sending thread, read by the driver at the end: a concurrent map.
    private final Map<Long, Message> sent = new ConcurrentHashMap<>();
    // Driver only: the block and sequence number of each applied or refused command, in order.
    private long[] blocks = new long[1024];
    private long[] seqs = new long[1024];
    private int count;
    private long block;

    /** Any control thread, after its message was queued with sequence number {@code seq}. */
    public void sent(long seq, Message message) {
        sent.put(seq, message);
    }

    /** Driver thread. The block whose audio-thread events follow. */
    public void at(long blockIndex) {
        this.block = blockIndex;
    }

    /** Driver thread, while it logs the audio thread's events. */
    @Override
    public void event(int type, Object ref, Object ref2, int code, long a, long b) {
        if (type == RtEvent.APPLY || type == RtEvent.REJECT) {
            if (count == seqs.length) {
                blocks = Arrays.copyOf(blocks, count * 2);
                seqs = Arrays.copyOf(seqs, count * 2);
            }
            blocks[count] = block;
            seqs[count] = ((Command) ref).seq();
            count++;
        }
    }

    /** Driver thread. Commands the audio thread took so far. */
    public int count() {
        return count;
    }

    /**
     * Driver thread, after every sender stopped. The capture of a session of {@code live} that
     * ran {@code blockCount} blocks, to be written to {@code file} (its IR paths relative to it).
     */
    public Scenario scenario(Scenario live, long blockCount, Path file) {
        List<TimedMessage> events = new ArrayList<>(count);
        int bs = live.blockSize();
        for (int i = 0; i < count; i++) {
            Message m = sent.get(seqs[i]);
            if (m == null) {
                throw new IllegalStateException("the audio thread took command " + seqs[i]
                        + ", which no sender recorded");
            }
            events.add(new TimedMessage(blocks[i] * bs, i, null, m));
        }
        Scenario.Limits l = live.limits();
        Scenario.Limits limits = new Scenario.Limits(Math.max(l.queueCapacity(), l.maxMessagesPerBlock()),
                l.maxMessagesPerBlock(), l.maxChainLength());
        String description = "live capture of " + live.name() + ": " + count + " messages as the audio thread took them";
        return new Scenario(file, live.name(), description, live.sampleRate(), bs, blockCount * bs, live.seed(),
                live.inputs(), live.output(), live.setup(), live.collector(), live.writer(), limits, events);
    }

    /**
     * Driver thread. Writes {@code capture} to its file atomically (temporary file, then rename),
     * as compact JSON (a minute of churn is tens of thousands of events).
     */
    public static void write(Scenario capture) throws IOException {
        Path file = capture.file().toAbsolutePath();
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, ScenarioWriter.toCompactJson(capture));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
