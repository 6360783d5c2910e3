package io.blockwise.dsp;

/**
 * Copies the content of one ring buffer (a delay line, a reverb's comb or all-pass line) into
 * another at a different sample rate, by age, for a stage's state hand-over
 * ({@link Stage#takeStateFrom}).
 *
 * <p>A ring is {@code length} slots of an array from {@code start}, with {@code write} the slot
 * written next: the sample {@code k} frames old ({@code k = 1..length}) is at slot
 * {@code (write - k) mod length}, and the slot {@code write} itself holds the oldest
 * ({@code k = length}). The target's sample {@code k} frames old (at its rate, up to a given
 * {@code maxAge}; older ones are left as they are) takes the value the
 * source held {@code k / toRate + lagSeconds} seconds old, interpolated between the source's
 * frames with 4-point Catmull-Rom (the interpolation the delay's own read head uses): exact at
 * whole frames (a rebuild at the same rate and no lag copies the ring bit for bit), a far flatter
 * passband than linear interpolation's (at the worst, half-frame position, 0.13 dB down at 7/48 of
 * the source rate and 1.1 dB at a quarter of it, where linear is 0.9 and 3 dB down), and 4 reads a
 * sample.
 * Ages beyond the source's oldest read its oldest. Ages the source has not heard yet (with a
 * negative lag: younger than its newest sample) keep the target's own content, which the target
 * heard itself. No anti-alias filter: a ring taken to a lower rate keeps whatever the source held
 * above the new Nyquist frequency (distortion harmonics the old path's down-sampler would have
 * removed), folded down.
 *
 * <p>Never allocates; any thread that owns both rings (the audio thread, at a hand-over).
 */
final class RingResampler {
    private RingResampler() {
    }

    /**
     * Audio thread only. Refills the target ring {@code to[toStart, toStart + toLength)} (next write
     * {@code toWrite}, at {@code toRate}) from the source ring {@code from} (at {@code fromRate}),
     * its samples up to {@code maxAge} frames old; see the class comment.
     */
    static void copy(double[] from, int fromStart, int fromLength, int fromWrite, double fromRate,
            double[] to, int toStart, int toLength, int toWrite, double toRate, double lagSeconds, int maxAge) {
        double step = fromRate / toRate;
        double lag = lagSeconds * fromRate;
        int slot = toWrite;
        int last = Math.min(toLength, maxAge);
        for (int k = 1; k <= last; k++) {
            slot = slot == 0 ? toLength - 1 : slot - 1; // (toWrite - k) mod toLength
            double age = k * step + lag;
            if (age < 1) {
                continue; // not heard by the source yet: the target's own sample stays
            }
            if (age > fromLength) {
                age = fromLength;
            }
            int whole = (int) age;
            double f = age - whole;
            double x0 = at(from, fromStart, fromLength, fromWrite, whole);
            if (f == 0) {
                to[toStart + slot] = x0;
                continue;
            }
            // Ages grow into the past: x1 is older than x0, xm younger; clamped to the ring.
            double xm = at(from, fromStart, fromLength, fromWrite, Math.max(1, whole - 1));
            double x1 = at(from, fromStart, fromLength, fromWrite, Math.min(fromLength, whole + 1));
            double xp = at(from, fromStart, fromLength, fromWrite, Math.min(fromLength, whole + 2));
            double c1 = 0.5 * (x1 - xm);
            double c2 = xm - 2.5 * x0 + 2 * x1 - 0.5 * xp;
            double c3 = 0.5 * (xp - xm) + 1.5 * (x0 - x1);
            to[toStart + slot] = ((c3 * f + c2) * f + c1) * f + x0;
        }
    }

    /** The sample {@code age} frames old (1..length) of a ring. */
    private static double at(double[] ring, int start, int length, int write, int age) {
        int i = write - age;
        return ring[start + (i < 0 ? i + length : i)];
    }
}
