package io.blockwise.dsp;

/**
 * A second-order IIR section in transposed direct form II, with the RBJ audio-EQ-cookbook
 * designs. Plain state, no arrays: owners embed it. {@code design*} methods are pure arithmetic and
 * allocate nothing, so the audio thread may redesign a section when a parameter glides (they use
 * {@link RtMath}'s sin, cos and powers of ten: StrictMath's allocate on JDK 17 and 25).
 */
public final class Biquad {
    private double b0 = 1, b1, b2, a1, a2;
    private double z1, z2;

    /** Owner thread. Second-order low-pass at {@code hz} with quality {@code q}. */
    public void designLowpass(double sampleRate, double hz, double q) {
        double w = 2 * StrictMath.PI * hz / sampleRate;
        double cos = RtMath.cos(w);
        double alpha = RtMath.sin(w) / (2 * q);
        double a0 = 1 + alpha;
        set((1 - cos) / 2 / a0, (1 - cos) / a0, (1 - cos) / 2 / a0, -2 * cos / a0, (1 - alpha) / a0);
    }

    /** Owner thread. Second-order high-pass at {@code hz} with quality {@code q}. */
    public void designHighpass(double sampleRate, double hz, double q) {
        double w = 2 * StrictMath.PI * hz / sampleRate;
        double cos = RtMath.cos(w);
        double alpha = RtMath.sin(w) / (2 * q);
        double a0 = 1 + alpha;
        set((1 + cos) / 2 / a0, -(1 + cos) / a0, (1 + cos) / 2 / a0, -2 * cos / a0, (1 - alpha) / a0);
    }

    /** Owner thread. Peaking EQ at {@code hz}, {@code gainDb}, quality {@code q}. */
    public void designPeaking(double sampleRate, double hz, double q, double gainDb) {
        double a = RtMath.pow10(gainDb / 40);
        double w = 2 * StrictMath.PI * hz / sampleRate;
        double cos = RtMath.cos(w);
        double alpha = RtMath.sin(w) / (2 * q);
        double a0 = 1 + alpha / a;
        set((1 + alpha * a) / a0, -2 * cos / a0, (1 - alpha * a) / a0, -2 * cos / a0, (1 - alpha / a) / a0);
    }

    /** Owner thread. Low shelf at {@code hz} with shelf slope 1 and {@code gainDb}. */
    public void designLowShelf(double sampleRate, double hz, double gainDb) {
        double a = RtMath.pow10(gainDb / 40);
        double w = 2 * StrictMath.PI * hz / sampleRate;
        double cos = RtMath.cos(w);
        double alpha = RtMath.sin(w) / 2 * StrictMath.sqrt(2);
        double sq = 2 * StrictMath.sqrt(a) * alpha;
        double a0 = (a + 1) + (a - 1) * cos + sq;
        set(a * ((a + 1) - (a - 1) * cos + sq) / a0, 2 * a * ((a - 1) - (a + 1) * cos) / a0,
                a * ((a + 1) - (a - 1) * cos - sq) / a0, -2 * ((a - 1) + (a + 1) * cos) / a0,
                ((a + 1) + (a - 1) * cos - sq) / a0);
    }

    /** Owner thread. High shelf at {@code hz} with shelf slope 1 and {@code gainDb}. */
    public void designHighShelf(double sampleRate, double hz, double gainDb) {
        double a = RtMath.pow10(gainDb / 40);
        double w = 2 * StrictMath.PI * hz / sampleRate;
        double cos = RtMath.cos(w);
        double alpha = RtMath.sin(w) / 2 * StrictMath.sqrt(2);
        double sq = 2 * StrictMath.sqrt(a) * alpha;
        double a0 = (a + 1) - (a - 1) * cos + sq;
        set(a * ((a + 1) + (a - 1) * cos + sq) / a0, -2 * a * ((a - 1) + (a + 1) * cos) / a0,
                a * ((a + 1) + (a - 1) * cos - sq) / a0, 2 * ((a - 1) - (a + 1) * cos) / a0,
                ((a + 1) - (a - 1) * cos - sq) / a0);
    }

    /**
     * Owner thread. Second-order all-pass at {@code hz} with quality {@code q}: unit magnitude,
     * phase 0 at DC to -360 degrees at Nyquist. With q = 1/sqrt(2) it equals the sum of the
     * squared Butterworth low- and high-pass at the same frequency (a Linkwitz-Riley 4th-order
     * crossover's sum), which is what a band that skips a crossover needs for phase alignment.
     */
    public void designAllpass(double sampleRate, double hz, double q) {
        double w = 2 * StrictMath.PI * hz / sampleRate;
        double cos = RtMath.cos(w);
        double alpha = RtMath.sin(w) / (2 * q);
        double a0 = 1 + alpha;
        set((1 - alpha) / a0, -2 * cos / a0, 1, -2 * cos / a0, (1 - alpha) / a0);
    }

    /**
     * Owner thread. Writes b0, b1, b2, a1, a2 into {@code dst[off..off+5)} without allocating, so a
     * section can serve as a designer for filters that keep their coefficients elsewhere.
     */
    public void copyCoefficients(double[] dst, int off) {
        dst[off] = b0;
        dst[off + 1] = b1;
        dst[off + 2] = b2;
        dst[off + 3] = a1;
        dst[off + 4] = a2;
    }

    /** Owner thread. Sets normalised coefficients (a0 = 1). */
    public void set(double b0, double b1, double b2, double a1, double a2) {
        this.b0 = b0;
        this.b1 = b1;
        this.b2 = b2;
        this.a1 = a1;
        this.a2 = a2;
    }

    /** Owner thread. One sample. */
    public double process(double x) {
        double y = b0 * x + z1;
        z1 = b1 * x - a1 * y + z2;
        z2 = b2 * x - a2 * y;
        return y;
    }

    /** Owner thread. In place over {@code len} frames. */
    public void process(double[] buf, int off, int len) {
        double s1 = z1, s2 = z2;
        for (int i = off, end = off + len; i < end; i++) {
            double x = buf[i];
            double y = b0 * x + s1;
            s1 = b1 * x - a1 * y + s2;
            s2 = b2 * x - a2 * y;
            buf[i] = y;
        }
        // Flush denormals in the state so a decaying tail never slows the loop.
        z1 = Math.abs(s1) < 1e-30 ? 0 : s1;
        z2 = Math.abs(s2) < 1e-30 ? 0 : s2;
    }

    /** Owner thread. Clears the state. */
    public void reset() {
        z1 = 0;
        z2 = 0;
    }

    /** Any thread. Coefficient b0 (for tests of the design against the analytic response). */
    public double[] coefficients() {
        return new double[] {b0, b1, b2, a1, a2};
    }
}
