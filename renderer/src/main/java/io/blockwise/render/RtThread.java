package io.blockwise.render;

import io.blockwise.engine.Engine;
import io.blockwise.rt.AllocationMeter;

/**
 * The audio role's own thread, {@code blockwise-rt}, handed <em>runs</em> of blocks by the driver
 * (one control thread to one audio thread).
 *
 * <p>Why runs: the offline schedule knows before a block which blocks need the control side
 * (a message due, a collector or writer turn with work to do). Between those meetings the audio
 * thread processes block after block on its own and stops early, after the block, at the first
 * block that published something the control side reads per block (an event in the ring, a new
 * tuner value, a change of the clip flag, an allocation). So the driver meets it exactly where a
 * block-by-block schedule would have done something, and the log and WAV are byte-identical to
 * one, while the hand-offs fall from one per block to one per run. A hand-off per block collapsed
 * when other processes held the cores: each wait then lasted a scheduler time slice.
 *
 * <p>Both sides wait the same way ({@link Waiter}): spin briefly, then yield, then park until the
 * other side unparks them, so a waiting thread gives its core away instead of fighting for it.
 *
 * <p>Around every {@code process()} call the thread reads its exact allocated-bytes counter and
 * {@link System#nanoTime()}; both are stored per block of the run in preallocated arrays the
 * driver reads after the run. Nothing here allocates on the audio thread after start-up.
 */
public final class RtThread implements AutoCloseable {
    /** Name of the audio thread, for per-thread accounting and JFR filters. */
    public static final String NAME = "blockwise-rt";

    private static final int OP_RUN = 1, OP_SHUTDOWN = 2, OP_EXIT = 3;

    private final Engine engine;
    private final Thread thread;
    private final int maxRunBlocks;
    private final int blockSize;
    // The block buffers process() works on, and the per-block results of a run. Written by rt
    // (plain) during a run; read by the driver (plain) after its volatile read of `completed`.
    private final double[] blockIn;
    private final double[] blockOut;
    private final long[] runAllocatedBytes;
    private final long[] runProcessNanos;
    private final long[] runStartNanos;

    // Request fields: written by the driver (plain) before its volatile write of `requested`;
    // read by rt after its volatile read of `requested`.
    private double[] runIn;
    private double[] runOut;
    private int runBlocks;
    private long runFirstFrame;
    private long lastFrameExclusive;
    private int op;
    private Thread driver;

    // Result fields: written by rt (plain) before its volatile write of `completed`; read by the
    // driver after its volatile read of `completed`.
    private int blocksDone;
    private Throwable failure;

    // Hand-off counters. requested: written by the driver (sv), read by rt (lv). completed:
    // written by rt (sv), read by the driver (lv). Each volatile store orders the plain fields
    // above it; each side's Waiter re-reads the counter after announcing that it parks, so a
    // wake-up is never lost (sequentially consistent volatile accesses on both sides).
    private volatile long requested;
    private volatile long completed;
    private final Waiter rtWaiter = new Waiter(Side.AUDIO);
    private final Waiter driverWaiter = new Waiter(Side.DRIVER);

    /**
     * Control thread. Starts the audio thread (its start publishes the engine's set-up state);
     * runs hold at most {@code maxRunBlocks} blocks of {@code blockSize} frames.
     */
    public RtThread(Engine engine, int blockSize, int maxRunBlocks) {
        if (maxRunBlocks < 1 || blockSize < 1) {
            throw new IllegalArgumentException("maxRunBlocks " + maxRunBlocks + " and blockSize " + blockSize
                    + " must be positive");
        }
        this.engine = engine;
        this.blockSize = blockSize;
        this.maxRunBlocks = maxRunBlocks;
        this.blockIn = new double[blockSize];
        this.blockOut = new double[blockSize];
        this.runAllocatedBytes = new long[maxRunBlocks];
        this.runProcessNanos = new long[maxRunBlocks];
        this.runStartNanos = new long[maxRunBlocks];
        this.thread = new Thread(this::run, NAME);
        thread.setDaemon(true);
        // The highest Java priority: in a live session (where the JVM may map it to a nice value)
        // the audio thread wins a core over the control and churn threads. No effect on output.
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    /** Control thread. A thread handed one block at a time (the primer, tests, benchmarks). */
    public RtThread(Engine engine) {
        this(engine, engine.config().maxBlockFrames(), 1);
    }

    /**
     * Control thread. Has the audio thread process the one block {@code input} (of
     * {@code frameCount} frames, starting at {@code blockStartFrame}) into {@code output}, and
     * waits for it. Returns the bytes the audio thread allocated inside {@code process()}.
     */
    public long processBlock(double[] input, double[] output, int frameCount, long blockStartFrame) {
        processRun(input, output, 1, blockStartFrame, blockStartFrame + frameCount);
        return runAllocatedBytes[0];
    }

    /** Control thread. Wall time of the last block's {@code process()}, in ns. */
    public long lastProcessNanos() {
        return runProcessNanos[blocksDone - 1];
    }

    /**
     * Control thread. The {@link System#nanoTime()} at which the last block's {@code process()}
     * began on the audio thread (live mode tells a late wake-up of the audio thread from a long
     * block with it).
     */
    public long lastProcessStartNanos() {
        return runStartNanos[blocksDone - 1];
    }

    /** Any thread. The audio thread's id, which JFR records with each event ({@link RtSanitizer}). */
    public long threadId() {
        return thread.getId();
    }

    /** Any thread. The most blocks one run may hold. */
    public int maxRunBlocks() {
        return maxRunBlocks;
    }

    /**
     * Control thread. Has the audio thread process up to {@code blocks} consecutive blocks, the
     * first starting at frame {@code firstFrame}, with input taken from {@code in} and output
     * written to {@code out} (block k at offset {@code k * blockSize}); the last block ends at
     * {@code endFrame} at the latest (a short final block). The audio thread stops early after a
     * block that published something the control side must see at that block. Returns the
     * number of blocks processed (at least 1); their allocated bytes and process times are then
     * in {@link #allocatedBytes(int)} and {@link #processNanos(int)}.
     */
    public int processRun(double[] in, double[] out, int blocks, long firstFrame, long endFrame) {
        if (blocks < 1 || blocks > maxRunBlocks) {
            throw new IllegalArgumentException("a run holds 1.." + maxRunBlocks + " blocks, not " + blocks);
        }
        runIn = in;
        runOut = out;
        runBlocks = blocks;
        runFirstFrame = firstFrame;
        lastFrameExclusive = endFrame;
        handOff(OP_RUN);
        return blocksDone;
    }

    /** Control thread, after a run: the bytes block {@code k} of it allocated inside {@code process()}. */
    public long allocatedBytes(int k) {
        return runAllocatedBytes[k];
    }

    /** Control thread, after a run: the wall time of block {@code k}'s {@code process()}, in ns. */
    public long processNanos(int k) {
        return runProcessNanos[k];
    }

    /** Control thread. Has the audio thread run {@link Engine#shutdown()}; returns its allocated bytes. */
    public long shutdownEngine() {
        handOff(OP_SHUTDOWN);
        return runAllocatedBytes[0];
    }

    private void handOff(int operation) {
        op = operation;
        driver = Thread.currentThread();
        long target = requested + 1;
        requested = target;
        rtWaiter.wake(thread);
        driverWaiter.reset();
        while (completed != target) {
            driverWaiter.idle(this, target);
        }
        if (failure != null) {
            Throwable f = failure;
            failure = null;
            throw new IllegalStateException("the audio thread failed: " + f, f);
        }
    }

    /** The two sides of the hand-off: the audio thread waits for a request, the driver for its completion. */
    enum Side { AUDIO, DRIVER }

    /** Used by {@link Waiter}: whether the side waiting for {@code target} may stop waiting. */
    boolean arrived(long target, Side side) {
        return side == Side.AUDIO ? requested >= target : completed == target;
    }

    private void run() {
        // Touch the counter once so that its first call's own costs are not in block 0.
        AllocationMeter.currentThreadAllocatedBytes();
        long done = 0;
        while (true) {
            rtWaiter.reset();
            while (requested == done) {
                rtWaiter.idle(this, done + 1);
            }
            int operation = op;
            if (operation == OP_EXIT) {
                completed = done + 1;
                driverWaiter.wake(driver);
                return;
            }
            try {
                if (operation == OP_RUN) {
                    blocksDone = runBlocks();
                } else {
                    long before = AllocationMeter.currentThreadAllocatedBytes();
                    engine.shutdown();
                    runAllocatedBytes[0] = AllocationMeter.currentThreadAllocatedBytes() - before;
                }
            } catch (Throwable t) {
                failure = t;
            }
            done++;
            completed = done;
            driverWaiter.wake(driver);
        }
    }

    // Audio thread. Never allocates: the arrays were sized by the constructor.
    private int runBlocks() {
        long frame = runFirstFrame;
        // Unchanged from block to block until the run ends, so one read per block suffices.
        long stamp = engine.publicationStamp();
        for (int k = 0; k < runBlocks; k++) {
            int frames = (int) Math.min(blockSize, lastFrameExclusive - frame);
            System.arraycopy(runIn, k * blockSize, blockIn, 0, frames);
            long t0 = System.nanoTime();
            long before = AllocationMeter.currentThreadAllocatedBytes();
            engine.process(blockIn, blockOut, frames, frame);
            long allocated = AllocationMeter.currentThreadAllocatedBytes() - before;
            runProcessNanos[k] = System.nanoTime() - t0;
            runStartNanos[k] = t0;
            runAllocatedBytes[k] = allocated;
            System.arraycopy(blockOut, 0, runOut, k * blockSize, frames);
            frame += frames;
            if (allocated != 0 || engine.publicationStamp() != stamp) {
                return k + 1;
            }
        }
        return runBlocks;
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
