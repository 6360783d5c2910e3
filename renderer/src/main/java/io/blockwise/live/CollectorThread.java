package io.blockwise.live;

import io.blockwise.rt.Collector;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

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
    private final Thread thread;
    // The latest turn asked for (block, frame; -1: none). Written by the bookkeeping thread
    // (frame first, then block, volatile), read by the collector thread (block, then frame).
    private final AtomicLong askedBlock = new AtomicLong(-1);
    private final AtomicLong askedFrame = new AtomicLong();
    // Written by the driver (volatile) when the session ends or fails.
    private volatile boolean stopping;
    // Written by the collector thread when a turn failed; read by the driver.
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    // Collector thread only until it ended (the driver reads it after join).
    private long turns;

    CollectorThread(Collector collector) {
        this.collector = collector;
        this.thread = new Thread(this::run, "blockwise-collector");
        thread.setDaemon(true);
        thread.start();
    }

    /** Bookkeeping thread. Asks for a turn after {@code block} (starting at {@code frame}). */
    void ask(long block, long frame) {
        askedFrame.set(frame);
        askedBlock.set(block);
    }

    private void run() {
        long done = -1;
        try {
            while (true) {
                boolean last = stopping;
                long block = askedBlock.get();
                if (block > done) {
                    collector.drain(block, askedFrame.get());
                    turns++;
                    done = block;
                } else if (last) {
                    return;
                } else {
                    LockSupport.parkNanos(IDLE_PARK_NANOS);
                }
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }

    /** Driver thread. Lets the collector run the turns asked for, then waits for it to end. */
    void finish() throws InterruptedException {
        stopping = true;
        thread.join();
        if (failure.get() != null) {
            throw new IllegalStateException("the collector failed: " + failure.get(), failure.get());
        }
    }

    /** Driver thread, when the session fails. */
    void abandon() {
        stopping = true;
        thread.interrupt();
    }

    /** Driver thread, after {@link #finish}. Turns run. */
    long turns() {
        return turns;
    }
}
