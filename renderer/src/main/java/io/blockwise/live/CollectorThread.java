package io.blockwise.live;

import io.blockwise.rt.Collector;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The collector of a live session on its own thread ({@code blockwise-collector}): the
 * bookkeeping thread asks for a turn after a block whose collector schedule says so, and the
 * collector frees what the audio thread retired so far, its lines at the block of the latest turn
 * asked for. Its reachability check waits for the audio thread to be between blocks
 * ({@link BlockGate}); nobody waits for the collector.
 */
final class CollectorThread {
    private static final long IDLE_PARK_NANOS = 1_000_000;

    private final Collector collector;
    // The latest turn asked for (block, frame; -1: none). Written by the bookkeeping thread
    // (frame first, then block, volatile), read by the collector thread (block, then frame).
    private final AtomicLong askedBlock = new AtomicLong(-1);
    private final AtomicLong askedFrame = new AtomicLong();
    // Collector thread only: the latest turn run.
    private long done = -1;
    // Collector thread only until it ended (the driver reads it after join).
    private long turns;
    private final PollingThread thread;

    CollectorThread(Collector collector) {
        this.collector = collector;
        this.thread = new PollingThread("blockwise-collector", "the collector", IDLE_PARK_NANOS, this::turn);
    }

    /** Bookkeeping thread. Asks for a turn after {@code block} (starting at {@code frame}). */
    void ask(long block, long frame) {
        askedFrame.set(frame);
        askedBlock.set(block);
    }

    /** Collector thread. Runs the latest turn asked for, if it has not run yet. */
    private boolean turn() {
        long block = askedBlock.get();
        if (block <= done) {
            return false;
        }
        collector.drain(block, askedFrame.get());
        turns++;
        done = block;
        return true;
    }

    /** Driver thread. Lets the collector run the turns asked for, then waits for it to end. */
    void finish() throws InterruptedException {
        thread.finish();
    }

    /** Driver thread, when the session fails. */
    void abandon() {
        thread.abandon();
    }

    /** Driver thread, after {@link #finish}. Turns run. */
    long turns() {
        return turns;
    }
}
