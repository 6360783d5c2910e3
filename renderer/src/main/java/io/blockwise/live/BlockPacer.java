package io.blockwise.live;

/**
 * When the driver may hand the audio thread its next block, and by when that block must be done:
 * the clock of a live session. {@link PacedClock} is a timer; an audio device whose blocking
 * writes pace the session plugs in here as well (with its {@link BlockSink}).
 */
public interface BlockPacer {
    /**
     * Driver thread. Waits until {@code block} (0, 1, 2, ... in order) may start and returns its
     * deadline, a {@link System#nanoTime()} value: a block whose hand-off back to the driver
     * completes after it is a deadline miss.
     */
    long awaitBlock(long block) throws InterruptedException;

    /**
     * Any thread. The {@link System#nanoTime()} at which frame {@code frame} is due (block 0
     * starts at frame 0), for the control thread that sends the scenario's events at their
     * wall-clock times. Valid once {@link #awaitBlock} has been called for block 0.
     */
    long nanosOfFrame(long frame);

    /** Makes the clock of a session. */
    interface Factory {
        /** Driver thread. A clock for blocks of {@code blockSize} frames at {@code sampleRate}. */
        BlockPacer create(int sampleRate, int blockSize);
    }
}
