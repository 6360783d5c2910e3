package io.blockwise.render;

import io.blockwise.engine.Engine;
import io.blockwise.rt.AllocationMeter;

/**
 * The audio role's own thread, {@code blockwise-rt}, handed one block at a time by the driver.
 * The hand-off spins ({@link Thread#onSpinWait}) on both sides: a park/unpark round trip costs
 * about 26 us a block on these machines, a spin about 0.6 us. While it waits for the next block
 * (outside {@code process()}) the audio thread falls back to {@link Thread#yield} after a burst of
 * spins, so an idle render does not starve the driver on a 2-core machine.
 *
 * <p>Around every {@code process()} call the thread reads its exact allocated-bytes counter; the
 * difference is handed back with the block and logged as {@code rt-alloc} when nonzero.
 */
public final class RtThread implements AutoCloseable {
    /** Name of the audio thread, for per-thread accounting and JFR filters. */
    public static final String NAME = "blockwise-rt";

    private static final int OP_BLOCK = 1, OP_SHUTDOWN = 2, OP_EXIT = 3;
    private static final int SPINS_BEFORE_YIELD = 1 << 12;

    private final Engine engine;
    private final Thread thread;

    // Request fields: written by the driver (plain) before its volatile write of `requested`;
    // read by rt after its volatile read of `requested`.
    private double[] in;
    private double[] out;
    private int frames;
    private long startFrame;
    private int op;

    // Result fields: written by rt (plain) before its volatile write of `completed`; read by the
    // driver after its volatile read of `completed`.
    private long allocatedBytes;
    private long processNanos;
    private Throwable failure;

    // Hand-off counters. requested: written by the driver, read by rt. completed: written by rt,
    // read by the driver. Volatile (sv/lv) on both sides: each orders the plain fields above.
    private volatile long requested;
    private volatile long completed;

    /** Control thread. Starts the audio thread; its start publishes the engine's set-up state. */
    public RtThread(Engine engine) {
        this.engine = engine;
        this.thread = new Thread(this::run, NAME);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Control thread. Has the audio thread process one block and waits for it. Returns the bytes
     * the audio thread allocated inside {@code process()}.
     */
    public long processBlock(double[] input, double[] output, int frameCount, long blockStartFrame) {
        in = input;
        out = output;
        frames = frameCount;
        startFrame = blockStartFrame;
        return handOff(OP_BLOCK);
    }

    /** Control thread. Has the audio thread run {@link Engine#shutdown()}; returns its allocated bytes. */
    public long shutdownEngine() {
        return handOff(OP_SHUTDOWN);
    }

    /** Control thread. Wall time the audio thread spent in the last call, in ns. */
    public long lastProcessNanos() {
        return processNanos;
    }

    private long handOff(int operation) {
        op = operation;
        long target = requested + 1;
        requested = target;
        int spins = 0;
        while (completed != target) {
            if (++spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        if (failure != null) {
            Throwable f = failure;
            failure = null;
            throw new IllegalStateException("the audio thread failed: " + f, f);
        }
        return allocatedBytes;
    }

    private void run() {
        // Touch the counter once so that its first call's own costs are not in block 0.
        AllocationMeter.currentThreadAllocatedBytes();
        long done = 0;
        while (true) {
            int spins = 0;
            while (requested == done) {
                if (++spins < SPINS_BEFORE_YIELD) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            int operation = op;
            if (operation == OP_EXIT) {
                completed = done + 1;
                return;
            }
            try {
                long t0 = System.nanoTime();
                long before = AllocationMeter.currentThreadAllocatedBytes();
                if (operation == OP_BLOCK) {
                    engine.process(in, out, frames, startFrame);
                } else {
                    engine.shutdown();
                }
                long after = AllocationMeter.currentThreadAllocatedBytes();
                processNanos = System.nanoTime() - t0;
                allocatedBytes = after - before;
            } catch (Throwable t) {
                failure = t;
            }
            done++;
            completed = done;
        }
    }

    /** Control thread. Stops the audio thread and waits for it to end. */
    @Override
    public void close() {
        if (!thread.isAlive()) {
            return;
        }
        handOff(OP_EXIT);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
