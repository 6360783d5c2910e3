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
     * its samples up to {@code maxAge} frames old; see the class comment. The one-shot hand-over:
     * {@link #copyAhead} of every age with both rings where they stand.
     */
    static void copy(double[] from, int fromStart, int fromLength, int fromWrite, double fromRate,
            double[] to, int toStart, int toLength, int toWrite, double toRate, double lagSeconds, int maxAge) {
        copyAhead(from, fromStart, fromLength, fromWrite, fromRate, to, toStart, toLength, toWrite, toRate,
                lagSeconds, 1, maxAge, 0, 0);
    }

    /**
     * Audio thread only. Part of the copy {@link #copy} makes at the hand-over's frame T, made
     * before it: the target ages {@code maxAge} down to {@code minAge} (ages at T, counted at the
     * target's rate; {@code maxAge} clamped to the target's length), oldest first, each slot
     * written exactly as {@link #copy} writes it at T, while the target ring will still advance
     * {@code toAhead} frames before T and the source {@code fromAhead} (0 and 0: T is now, the
     * one-shot copy). Stops at the first age that is not yet safe: one the target will still write
     * itself before T ({@code k <= toAhead}), or one that reads (with its interpolation
     * neighbours, clamped as at T) a source sample not yet written ({@code age at T <= fromAhead}).
     * Ages from there down are younger still and not safe either.
     *
     * <p>Why a value copied now is the value copied at T: a target slot of age {@code k > toAhead}
     * at T is not written by the target before T (it writes the slots of ages {@code toAhead} down
     * to 1), and a source sample of age {@code a} at T ({@code fromAhead < a <= fromLength}) is in
     * the ring now, {@code a - fromAhead} frames old, and is not rewritten before T (the source
     * rewrites only the slots older than {@code fromLength - fromAhead} now, which are older than
     * its length at T). Both hold only if the rings advance exactly {@code toAhead} and
     * {@code fromAhead} frames before T; the caller checks that at T.
     *
     * <p>Returns the age it stopped at, the next to copy ({@code minAge - 1} when it copied the
     * whole range); ages it passed are done, including those the source has not heard at T (a
     * negative lag), which keep the target's own sample as {@link #copy} leaves them.
     */
    static int copyAhead(double[] from, int fromStart, int fromLength, int fromWrite, double fromRate,
            double[] to, int toStart, int toLength, int toWrite, double toRate, double lagSeconds,
            int minAge, int maxAge, long toAhead, long fromAhead) {
        double step = fromRate / toRate;
        double lag = lagSeconds * fromRate;
        int first = Math.min(toLength, maxAge);
        int low = Math.max(1, minAge);
        // Both rings' next writes at T: age k at T is at slot (write at T - k).
        int fromAt = (int) Math.floorMod(fromWrite + fromAhead, (long) fromLength);
        int toAt = (int) Math.floorMod(toWrite + toAhead, (long) toLength);
        int slot = Math.floorMod(toAt - first, toLength);
        int k = first;
        for (; k >= low; k--, slot = slot == toLength - 1 ? 0 : slot + 1) {
            if (k <= toAhead) {
                break; // the target still writes this slot itself before T
            }
            double age = k * step + lag;
            if (age < 1) {
                continue; // not heard by the source yet at T: the target's own sample stays
            }
            if (age > fromLength) {
                age = fromLength;
            }
            int whole = (int) age;
            double f = age - whole;
            if ((f == 0 ? whole : Math.max(1, whole - 1)) <= fromAhead) {
                break; // the youngest sample it reads is not in the source ring yet
            }
            double x0 = at(from, fromStart, fromLength, fromAt, whole);
            if (f == 0) {
                to[toStart + slot] = x0;
                continue;
            }
            // Ages grow into the past: x1 is older than x0, xm younger; clamped to the ring.
            double xm = at(from, fromStart, fromLength, fromAt, Math.max(1, whole - 1));
            double x1 = at(from, fromStart, fromLength, fromAt, Math.min(fromLength, whole + 1));
            double xp = at(from, fromStart, fromLength, fromAt, Math.min(fromLength, whole + 2));
            double c1 = 0.5 * (x1 - xm);
            double c2 = xm - 2.5 * x0 + 2 * x1 - 0.5 * xp;
            double c3 = 0.5 * (xp - xm) + 1.5 * (x0 - x1);
            to[toStart + slot] = ((c3 * f + c2) * f + c1) * f + x0;
        }
        return k;
    }

    /** The sample {@code age} frames old (1..length) of a ring whose next write is {@code write}. */
    private static double at(double[] ring, int start, int length, int write, int age) {
        int i = write - age;
        return ring[start + (i < 0 ? i + length : i)];
    }
}
