package io.blockwise.render;

import org.HdrHistogram.Histogram;

/**
 * The audio thread's {@code process()} time per block, in a fixed-size histogram (HdrHistogram,
 * 3 significant digits, 1 ns to 1 minute): its memory does not grow with the render's length, so
 * a ten-hour render at block size 1 keeps the same few tens of kilobytes as a one-second one.
 * Values above a minute are clamped to a minute. Control thread.
 */
public final class ProcessTimes {
    private static final long MAX_NANOS = 60_000_000_000L;

    private final Histogram histogram = new Histogram(MAX_NANOS, 3);
    private long totalNanos;

    /** Control thread. Records one block's process time. */
    public void record(long nanos) {
        long v = Math.max(1, Math.min(MAX_NANOS, nanos));
        histogram.recordValue(v);
        totalNanos += nanos;
    }

    /** Blocks recorded. */
    public long count() {
        return histogram.getTotalCount();
    }

    /** Sum of every block's time, in ns (exact, not from the histogram). */
    public long totalNanos() {
        return totalNanos;
    }

    /** The {@code q}-quantile (0..1) in ns, within 0.1 %; 0 when nothing was recorded. */
    public long quantileNanos(double q) {
        return count() == 0 ? 0 : histogram.getValueAtPercentile(q * 100);
    }

    /** The largest time in ns (within 0.1 %); 0 when nothing was recorded. */
    public long maxNanos() {
        return count() == 0 ? 0 : histogram.getMaxValue();
    }

    /** Adds every value of {@code other} (pooling several renders). */
    public void add(ProcessTimes other) {
        histogram.add(other.histogram);
        totalNanos += other.totalNanos;
    }
}
