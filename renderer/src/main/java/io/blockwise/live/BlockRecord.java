package io.blockwise.live;

import io.blockwise.dsp.TunerSnapshot;

/**
 * What the driver hands on about one block to the bookkeeping thread: the rendered samples, what
 * the audio thread published at the end of the block (the tuner's reading, the clip flag, how far
 * its events reach in the relay), and the block's timeline. One preallocated record per slot of
 * the {@link BlockRing}: the driver fills it, the bookkeeping thread reads it; the ring's release
 * and acquire order the two (fields plain).
 */
final class BlockRecord {
    final double[] out;
    final TunerSnapshot tuner = new TunerSnapshot();
    long block;
    long frame;
    int frames;
    boolean clip;
    /** The relay's index after this block's events. */
    long eventsEnd;
    long allocatedBytes;
    long processNanos;
    // The timeline, System.nanoTime() values (see DeadlineMisses.record).
    long release;
    long deadline;
    long asked;
    long woke;
    long handOff;
    long rtStart;
    long done;
    // The sanitizer's window of the block, epoch nanoseconds (0 without it).
    long windowStartEpoch;
    long windowEndEpoch;

    BlockRecord(int blockSize) {
        out = new double[blockSize];
    }
}
