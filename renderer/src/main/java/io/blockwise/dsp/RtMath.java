package io.blockwise.dsp;

/**
 * Deterministic math that is safe on the audio thread even when interpreted. Measured on JDK 17
 * with {@code -Xint}: {@code StrictMath.pow} allocates 96 bytes on every call (its Java port of
 * fdlibm builds objects that only C2's escape analysis removes), while {@code exp}, {@code log},
 * {@code sin}, {@code cos}, {@code tanh}, {@code sqrt} and {@code atan2} allocate nothing after their
 * first call. (On JDK 25, interpreted {@code sin}, {@code cos} and {@code tan} also allocate 32 bytes a
 * call; the project targets 17 and CI runs 17.) Every result is a pure function of its arguments
 * through StrictMath, so it is bit-identical on every JVM.
 */
public final class RtMath {
    private static final double LN10_OVER_20 = StrictMath.log(10) / 20;

    private RtMath() {
    }

    /** Any thread. {@code x^y} for {@code x > 0}, as {@code exp(y ln x)}. */
    public static double pow(double x, double y) {
        return StrictMath.exp(y * StrictMath.log(x));
    }

    /** Any thread. Linear gain for {@code db} decibels: {@code 10^(db/20)}. */
    public static double dbToGain(double db) {
        return StrictMath.exp(db * LN10_OVER_20);
    }

    /** Any thread. Decibels for a linear gain {@code g > 0}: {@code 20 log10 g}. */
    public static double gainToDb(double g) {
        return StrictMath.log(g) / LN10_OVER_20;
    }
}
