package io.blockwise.dsp;

/**
 * Estimated cost of the convolver's pieces of work, in hundredths of a nanosecond, measured
 * (minimum of many runs) on the project's 2-core x86-64 with JDK 17: a JTransforms real FFT
 * about 0.35 ns per {@code n log2 n} (0.43 at 128 points, 0.28 at 8192), a complex
 * multiply-accumulate in the packed layout 0.85 ns per bin, a join or split pass about 3 ns per k
 * (it reads and writes four complex values), a gather or scatter about 0.5 ns per sample. Two uses, both relative: {@link PartitionPlan}
 * compares partitionings with it, and {@link PartitionLevel} places its units along the period
 * with it. Wrong by a factor applied to everything, it would change nothing.
 */
final class ConvolverCost {
    private static final long FFT_PER_N_LOG_N = 35;
    private static final long MAC_PER_BIN = 85;
    private static final long PASS_PER_K = 300;
    private static final long COPY_PER_SAMPLE = 50;
    private static final long FIR_PER_TAP = 30;

    private ConvolverCost() {
    }

    /** Gathering (or scattering) {@code size} samples and one JTransforms real FFT of that size. */
    static long leaf(int size) {
        return FFT_PER_N_LOG_N * size * log2(size) + COPY_PER_SAMPLE * size;
    }

    /** A join or split pass over {@code k} values. */
    static long pass(int k) {
        return PASS_PER_K * k;
    }

    /** Multiply-accumulate over {@code bins} complex bins. */
    static long mac(int bins) {
        return MAC_PER_BIN * bins;
    }

    /** A direct FIR of {@code taps} taps, per sample. */
    static long firPerSample(int taps) {
        return FIR_PER_TAP * taps;
    }

    /**
     * Everything a segment of {@code count} partitions of {@code hop} taps does per period:
     * forward and inverse transforms of size {@code 2 hop} with leaves of at most
     * {@code maxLeaf} points, and {@code count} spectral products.
     */
    static long period(int hop, int count, int maxLeaf) {
        int size = 2 * hop;
        int depth = Math.max(0, log2(size) - log2(maxLeaf));
        int leaf = size >> depth;
        long transform = (1L << depth) * leaf(leaf) + depth * pass(size / 4 + 1);
        return 2 * transform + (long) count * mac(hop);
    }

    static int log2(int n) {
        return 31 - Integer.numberOfLeadingZeros(n);
    }
}
