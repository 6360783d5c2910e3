package io.blockwise.live;

import java.util.concurrent.locks.LockSupport;

/**
 * A timer that releases one block per block period, as an audio device's callback would: block
 * {@code b} starts at {@code t0 + b * period} and is due at {@code t0 + (b + 1) * period}, where
 * {@code t0} is the moment block 0 was asked for. It waits with {@link LockSupport#parkNanos}
 * until about 100 us before the release, then spins, so a late wake-up of the parking thread does
 * not delay the block. It never drifts: each deadline is computed from {@code t0}, not from the
 * previous wake-up. Driver thread.
 */
public final class PacedClock implements BlockPacer {
    private static final long SPIN_NANOS = 100_000;

    private final int sampleRate;
    // The block period in picoseconds, so that long runs do not drift.
    private final long periodPicos;
    // Written once by the driver at block 0; read by the driver, and by threads the driver starts
    // after that (Thread.start orders the write before them).
    private long startNanos;
    private boolean started;

    /** Driver thread. A clock of {@code blockSize} frames per block at {@code sampleRate}. */
    public PacedClock(int sampleRate, int blockSize) {
        this.periodPicos = Math.round(blockSize * 1e12 / sampleRate);
        this.sampleRate = sampleRate;
    }

    /** Driver thread. */
    @Override
    public long awaitBlock(long block) throws InterruptedException {
        if (!started) {
            startNanos = System.nanoTime();
            started = true;
        }
        long release = startNanos + block * periodPicos / 1000;
        while (true) {
            long left = release - System.nanoTime();
            if (left <= 0) {
                break;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (left > SPIN_NANOS) {
                LockSupport.parkNanos(left - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
        return startNanos + (block + 1) * periodPicos / 1000;
    }

    /** Any thread started by the driver after it asked for block 0. */
    @Override
    public long nanosOfFrame(long frame) {
        return startNanos + Math.round(frame * 1e9 / sampleRate);
    }
}
