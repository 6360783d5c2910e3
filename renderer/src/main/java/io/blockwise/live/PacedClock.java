package io.blockwise.live;

import java.util.concurrent.locks.LockSupport;

/**
 * A timer that releases one block per block period, as an audio device's callback would: block
 * {@code b} starts at {@code t0 + b * period} and is due at {@code t0 + (b + 1) * period}, where
 * {@code t0} is the moment block 0 was asked for. It waits with {@link LockSupport#parkNanos}
 * until about 100 us before the release, then spins, so a late wake-up of the parking thread does
 * not delay the block. It never drifts: each deadline is computed from {@code t0}, not from the
 * previous wake-up. When the driver asks for a block more than a whole period after its release
 * (an earlier block ran late by that much), {@code t0} moves forward by the delay, as a device's
 * stream goes on after an underrun without making up the lost time. Driver thread.
 */
public final class PacedClock implements BlockPacer {
    private static final long SPIN_NANOS = 100_000;

    private final int sampleRate;
    // The block period in picoseconds, so that long runs do not drift.
    private final long periodPicos;
    // t0. Written by the driver (sv: at block 0, and forward after an underrun); read by the
    // driver and by the control thread (lv, through nanosOfFrame).
    private volatile long startNanos;
    // Driver only.
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
        long behind = System.nanoTime() - release;
        if (behind > periodPicos / 1000) {
            // More than a whole period behind (the previous block missed its deadline by that
            // much): as a device after an underrun, the time lost is not made up; the timeline
            // restarts at this block, so one stall is one miss, not a miss for every later block.
            startNanos += behind;
            release += behind;
        }
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
