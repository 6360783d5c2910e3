package io.blockwise.dsp;

import java.util.Arrays;

/**
 * One 2x stage of {@link Oversampler}: a half-band FIR run as a two-branch polyphase filter in
 * both directions, each branch at the lower rate.
 *
 * <p>Up: with even-phase taps {@code g[0..M]} (M odd) and input {@code x}, the outputs are
 * {@code y[2n] = 2 sum_j g[j] x[n-j]} and {@code y[2n+1] = x[n - (M-1)/2]} (the other branch is
 * the centre tap alone, a pure delay). Down: {@code y[n] = sum_j g[j] v[2n-2j] + v[2n-M] / 2}.
 * Both delay by M samples of the higher rate. The taps are symmetric, so each pair
 * {@code (j, M-j)} is summed before its one multiply.
 *
 * <p>Histories live at the front of linear buffers (the newest block is appended after them and
 * the tail moved to the front afterwards), allocated for the largest block on the control thread.
 */
final class HalfbandStage {
    private final int m;
    private final int half;
    private final double[] g;
    private final double[] g2;
    private final double[] upIn;
    private final double[] downEven;
    private final double[] downOdd;

    /** Control thread. Stage {@code stage} of a cascade; {@code maxIn} low-rate frames a call. */
    HalfbandStage(int stage, int maxIn) {
        g = HalfbandDesign.evenPhase(stage);
        m = g.length - 1;
        half = (m + 1) / 2;
        g2 = new double[half];
        for (int j = 0; j < half; j++) {
            g2[j] = 2 * g[j];
        }
        upIn = new double[m + maxIn];
        downEven = new double[m + maxIn];
        downOdd = new double[half + maxIn];
    }

    /** Any thread. Delay of the stage in each direction, samples of the higher rate. */
    int delayHighRate() {
        return m;
    }

    /** Any thread. Even-phase taps (for tests of the design). */
    double[] evenPhase() {
        return g.clone();
    }

    long bytes() {
        return 8L * (g.length + g2.length + upIn.length + downEven.length + downOdd.length);
    }

    /** Owner thread. Writes {@code 2n} samples to {@code out[0..)} from {@code in[off..off+n)}. */
    void up(double[] in, int off, int n, double[] out) {
        double[] b = upIn;
        System.arraycopy(in, off, b, m, n);
        int centre = (m - 1) / 2;
        for (int i = 0; i < n; i++) {
            int p = m + i;
            double acc = 0;
            for (int j = 0; j < half; j++) {
                acc += g2[j] * (b[p - j] + b[p - m + j]);
            }
            out[2 * i] = acc;
            out[2 * i + 1] = b[p - centre];
        }
        System.arraycopy(b, n, b, 0, m);
    }

    /** Owner thread. Reads {@code 2n} samples from {@code in[0..)}, writes {@code out[off..off+n)}. */
    void down(double[] in, int n, double[] out, int off) {
        double[] e = downEven;
        double[] o = downOdd;
        for (int i = 0; i < n; i++) {
            e[m + i] = in[2 * i];
            o[half + i] = in[2 * i + 1];
        }
        for (int i = 0; i < n; i++) {
            int p = m + i;
            double acc = 0.5 * o[i];
            for (int j = 0; j < half; j++) {
                acc += g[j] * (e[p - j] + e[p - m + j]);
            }
            out[off + i] = acc;
        }
        System.arraycopy(e, n, e, 0, m);
        System.arraycopy(o, n, o, 0, half);
    }

    void reset() {
        Arrays.fill(upIn, 0);
        Arrays.fill(downEven, 0);
        Arrays.fill(downOdd, 0);
    }
}
