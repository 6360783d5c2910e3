package io.blockwise.dsp;

/**
 * The time-domain half of {@link PitchShifter}: reads each synthesis grain {@code ratio} times
 * faster (which turns the vocoder's time stretch into a pitch shift at the original duration) and
 * overlap-adds it into the output ring.
 *
 * <p>Why this is exact in time: the vocoder places grain m at {@code m * ratio * hop} on the
 * stretched time axis, and reading that axis {@code ratio} times faster puts it back at
 * {@code m * hop}, the position of its analysis frame. So every grain lands, shortened by
 * {@code ratio}, centred on its own analysis frame plus a constant delay, and the output needs no
 * resampler state between frames. Output sample {@code j} frames from a grain's centre reads the
 * grain at {@code tau = ratio * j}; these positions are the same for every grain, so the cubic
 * Lagrange weights (on the grain's half-sample grid, which the vocoder's zero-padded inverse
 * transform interpolates band-limited), the Hann synthesis window and the overlap-add
 * normalisation are folded into one table computed here, once.
 *
 * <p>Normalisation: a stationary partial comes out of grain m as {@code w(tau) A cos(...)} with
 * {@code w} the Hann analysis window; multiplied by the Hann synthesis window and summed over
 * grains spaced {@code hop} apart, the envelope is {@code sum_m w(ratio (n - m hop))^2}, a
 * function of {@code n mod hop} only. Dividing each output position by it makes the gain exactly
 * one at every ratio (the textbook constant 1.5 of Hann squared at 4x overlap is the
 * {@code ratio = 1} case).
 */
final class GrainResampler {
    private final int reach;      // J: grain taps j in [-J, J] with ratio * |j| < size / 2
    private final int grainMask;  // grain length (2 size) - 1
    private int[] base;           // per j: first of the four grain indices
    private double[] weights;     // per j: four weights, synthesis window and normalisation included

    /** Control thread. Builds the table for grains of {@code size} samples read at {@code ratio}. */
    GrainResampler(int size, int hop, double ratio) {
        int halfSize = size / 2;
        int j = (int) Math.floor(halfSize / ratio);
        while (j > 0 && ratio * j >= halfSize) {
            j--;
        }
        reach = j;
        grainMask = 2 * size - 1;
        int taps = 2 * reach + 1;
        double[] norm = new double[hop];
        for (int t = -reach; t <= reach; t++) {
            double w = hann(ratio * t, size);
            norm[Math.floorMod(t, hop)] += w * w;
        }
        base = new int[taps];
        weights = new double[4 * taps];
        for (int t = -reach; t <= reach; t++) {
            double tau = ratio * t;
            // Synthesis window over the envelope; 2 undoes the zero-padded inverse's halving.
            double gain = 2 * hann(tau, size) / norm[Math.floorMod(t, hop)];
            double pos = 2 * tau; // on the half-sample grid
            double cell = Math.floor(pos);
            double f = pos - cell;
            int i = t + reach;
            base[i] = (int) cell - 1;
            weights[4 * i] = gain * (-f * (f - 1) * (f - 2) / 6);
            weights[4 * i + 1] = gain * ((f + 1) * (f - 1) * (f - 2) / 2);
            weights[4 * i + 2] = gain * (-(f + 1) * f * (f - 2) / 2);
            weights[4 * i + 3] = gain * ((f + 1) * f * (f - 1) / 6);
        }
    }

    /** Centred Hann window of length {@code size}, continuous in {@code tau}. */
    static double hann(double tau, int size) {
        if (Math.abs(tau) >= size / 2.0) {
            return 0;
        }
        return 0.5 + 0.5 * StrictMath.cos(2 * StrictMath.PI * tau / size);
    }

    /** J: a grain touches the {@code 2 J + 1} output samples around its centre. */
    int reach() {
        return reach;
    }

    /**
     * Owner thread. Adds {@code grain} (half-sample grid, centre at index 0) to {@code out}, a
     * power-of-two ring indexed by {@code & mask}, centred at absolute sample {@code centre}.
     */
    void overlapAdd(double[] grain, double[] out, int mask, long centre) {
        long first = centre - reach;
        for (int i = 0, taps = 2 * reach + 1; i < taps; i++) {
            int b = base[i];
            int w = 4 * i;
            double s = weights[w] * grain[b & grainMask]
                    + weights[w + 1] * grain[(b + 1) & grainMask]
                    + weights[w + 2] * grain[(b + 2) & grainMask]
                    + weights[w + 3] * grain[(b + 3) & grainMask];
            out[(int) ((first + i) & mask)] += s;
        }
    }

    long bytes() {
        return 4L * base.length + 8L * weights.length;
    }

    void release() {
        base = null;
        weights = null;
    }
}
