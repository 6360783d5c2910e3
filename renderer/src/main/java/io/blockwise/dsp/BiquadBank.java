package io.blockwise.dsp;

/**
 * Several second-order sections (transposed direct form II) kept in one flat {@code double[]},
 * each of which can glide its coefficients linearly, sample by sample, to a new design.
 *
 * <p>Why: a stage whose filter parameters glide redesigns its sections every
 * {@link #GLIDE_SEGMENT} frames (a design costs a cos, a sin and a pow), and interpolating the
 * coefficients between two designs makes every sample's filter a small step from the previous
 * one, so a glide never steps the output the way a coefficient jump every segment would. One flat
 * array keeps the byte count exact and the whole bank allocated once, on the control thread.
 *
 * <p>Owned by the stage's owner thread; nothing here allocates after construction.
 */
final class BiquadBank {
    /** Frames between redesigns while a parameter glides. */
    static final int GLIDE_SEGMENT = 16;

    /**
     * Owner thread. The next segment of {@code glide} (which is gliding): {@link #GLIDE_SEGMENT}
     * frames, or what is left of it. A stage redesigns a section only when its previous segment
     * has run out ({@link #rampLeft} 0) and splits its work at the segment's end, so segments are
     * counted from the glide's start and never from a block's: where blocks begin is not heard
     * (the fuzzer's block-size property found an EQ glide differing by 0.5 % between block sizes
     * 163 and 326 when segments restarted at every block).
     */
    static int segment(LinearSmoother glide) {
        return Math.min(GLIDE_SEGMENT, glide.remainingFrames());
    }

    /** Owner thread. Frames left in section {@code k}'s coefficient glide (0: none). */
    int rampLeft(int k) {
        return (int) s[k * STRIDE + REM];
    }

    static final int STRIDE = 18;
    private static final int B0 = 0, A2 = 4, INC = 5, TARGET = 10, Z1 = 15, Z2 = 16, REM = 17;
    private static final double FLUSH = 1e-30;

    private final double[] s;
    private final int count;

    /** Control thread. {@code count} sections, each the identity (b0 = 1) with empty state. */
    BiquadBank(int count) {
        this.count = count;
        this.s = new double[count * STRIDE];
        for (int k = 0; k < count; k++) {
            s[k * STRIDE + B0] = 1;
            s[k * STRIDE + TARGET] = 1;
        }
    }

    /** Any thread. Payload bytes of the bank's array. */
    long bytes() {
        return 8L * s.length;
    }

    int count() {
        return count;
    }

    /**
     * Owner thread. Makes {@code designer}'s coefficients the target of section {@code k}, reached
     * linearly over {@code frames} frames (0: at once).
     */
    void setTarget(int k, Biquad designer, int frames) {
        int p = k * STRIDE;
        designer.copyCoefficients(s, p + TARGET);
        if (frames <= 0) {
            System.arraycopy(s, p + TARGET, s, p + B0, 5);
            s[p + REM] = 0;
            return;
        }
        for (int c = 0; c < 5; c++) {
            s[p + INC + c] = (s[p + TARGET + c] - s[p + B0 + c]) / frames;
        }
        s[p + REM] = frames;
    }

    /**
     * Owner thread. True when section {@code k} is exactly the identity with empty state and no
     * glide: then running it would return its input unchanged and leave its state at zero (for
     * b = a and zero state, y = x and both state updates are exactly 0), so callers may skip it.
     */
    boolean isIdentity(int k) {
        int p = k * STRIDE;
        return s[p + REM] == 0 && s[p + Z1] == 0 && s[p + Z2] == 0 && s[p] == 1
                && s[p + 1] == s[p + 3] && s[p + 2] == s[p + A2];
    }

    /** Owner thread. Filters {@code buf[off..off+len)} in place through section {@code k}. */
    void process(int k, double[] buf, int off, int len) {
        int p = k * STRIDE;
        double[] st = s;
        double b0 = st[p], b1 = st[p + 1], b2 = st[p + 2], a1 = st[p + 3], a2 = st[p + 4];
        double z1 = st[p + Z1], z2 = st[p + Z2];
        int i = off;
        int end = off + len;
        int rem = (int) st[p + REM];
        if (rem > 0) {
            double d0 = st[p + INC], d1 = st[p + INC + 1], d2 = st[p + INC + 2];
            double e1 = st[p + INC + 3], e2 = st[p + INC + 4];
            int rampEnd = Math.min(end, off + rem);
            for (; i < rampEnd; i++) {
                b0 += d0;
                b1 += d1;
                b2 += d2;
                a1 += e1;
                a2 += e2;
                double x = buf[i];
                double y = b0 * x + z1;
                z1 = b1 * x - a1 * y + z2;
                z2 = b2 * x - a2 * y;
                buf[i] = y;
            }
            rem -= rampEnd - off;
            st[p + REM] = rem;
            if (rem == 0) {
                // Land exactly on the design, not on the sum of the increments.
                b0 = st[p + TARGET];
                b1 = st[p + TARGET + 1];
                b2 = st[p + TARGET + 2];
                a1 = st[p + TARGET + 3];
                a2 = st[p + TARGET + 4];
            }
            st[p] = b0;
            st[p + 1] = b1;
            st[p + 2] = b2;
            st[p + 3] = a1;
            st[p + 4] = a2;
        }
        for (; i < end; i++) {
            double x = buf[i];
            double y = b0 * x + z1;
            z1 = b1 * x - a1 * y + z2;
            z2 = b2 * x - a2 * y;
            buf[i] = y;
        }
        // Flush tiny state so a decaying tail never turns subnormal (slow) and so a section
        // that returned to the identity becomes skippable.
        st[p + Z1] = Math.abs(z1) < FLUSH ? 0 : z1;
        st[p + Z2] = Math.abs(z2) < FLUSH ? 0 : z2;
    }

    /** Owner thread. Clears every state and lands every glide on its target. */
    void reset() {
        for (int k = 0; k < count; k++) {
            int p = k * STRIDE;
            System.arraycopy(s, p + TARGET, s, p + B0, 5);
            s[p + Z1] = 0;
            s[p + Z2] = 0;
            s[p + REM] = 0;
        }
    }
}
