package io.blockwise.fuzz;

/**
 * The timing a draft resolves against: rate, block size, duration and the chain limit. Drafts
 * carry timing-free descriptions (a block number and an anchor, a fraction of Nyquist) so that
 * jqwik shrinks each part on its own; they become frames and hertz only here, once the whole
 * scenario's timing is known.
 */
record Timing(int sampleRate, int blockSize, long durationFrames, int maxChainLength, boolean spread) {

    /** A short render's timing: block numbers of {@link TimeDraft}s are taken modulo the block count. */
    Timing(int sampleRate, int blockSize, long durationFrames, int maxChainLength) {
        this(sampleRate, blockSize, durationFrames, maxChainLength, false);
    }

    long blockCount() {
        return (durationFrames + blockSize - 1) / blockSize;
    }

    double nyquist() {
        return sampleRate / 2.0;
    }

    /** Frames of {@code ms} milliseconds, at least {@code min}. */
    long frames(int ms, long min) {
        return Math.max(min, Math.round(ms * (double) sampleRate / 1000));
    }

    /** A frame inside the render: clamped to {@code 0..duration-1}. */
    long clampFrame(long frame) {
        return Math.max(0, Math.min(durationFrames - 1, frame));
    }

    /**
     * A frequency the reader accepts here (more than 0, below Nyquist): {@code hz} itself when it
     * fits, otherwise one hertz below Nyquist (an edge worth hitting).
     */
    double frequency(double hz) {
        return hz < nyquist() ? hz : nyquist() - 1;
    }
}
