package io.blockwise.render;

/**
 * Seeds for independent random streams, derived from the scenario seed with SplitMix64, so that
 * each input source (and each note of a pluck) draws from its own stream: adding a source never
 * changes another source's noise.
 */
public final class Seeds {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() { }

    /**
     * Any thread. The seed of stream {@code stream} of {@code seed}: the ({@code stream}+1)-th output
     * of SplitMix64 started at state {@code seed} (the same value as the ({@code stream}+1)-th
     * {@code new SplittableRandom(seed).nextLong()}).
     */
    public static long derive(long seed, long stream) {
        return mix64(seed + (stream + 1) * GOLDEN_GAMMA);
    }

    /** Stafford's variant 13 finaliser, as in SplitMix64. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
