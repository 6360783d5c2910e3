package io.blockwise.dsp;

import java.util.SplittableRandom;

/**
 * The tests' independent reference: textbook time-domain convolution in double precision,
 * {@code y[n] = sum_i x[i] h[n - i]}, skipping zero input samples so that sparse inputs against
 * long IRs stay affordable.
 */
final class DirectConvolution {
    private DirectConvolution() {
    }

    /** Full linear convolution, {@code x.length + h.length - 1} samples. */
    static double[] convolve(double[] x, double[] h) {
        double[] y = new double[x.length + h.length - 1];
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            if (xi == 0.0) {
                continue;
            }
            for (int k = 0; k < h.length; k++) {
                y[i + k] += xi * h[k];
            }
        }
        return y;
    }

    /** Uniform random values in [-1, 1). */
    static double[] noise(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * r.nextDouble() - 1;
        }
        return x;
    }

    /** 10 log10(error energy / reference energy) over the whole of {@code reference}. */
    static double errorDb(double[] actual, double[] reference) {
        double e = 0, s = 0;
        for (int i = 0; i < reference.length; i++) {
            double d = actual[i] - reference[i];
            e += d * d;
            s += reference[i] * reference[i];
        }
        return 10 * Math.log10(e / s);
    }

    /** Runs {@code c} over {@code x} in blocks of {@code block} frames (the last may be shorter). */
    static double[] run(Convolver c, double[] x, int block) {
        double[] y = new double[x.length];
        double[] in = new double[block];
        double[] out = new double[block];
        for (int off = 0; off < x.length; off += block) {
            int n = Math.min(block, x.length - off);
            System.arraycopy(x, off, in, 0, n);
            c.process(in, out, 0, n);
            System.arraycopy(out, 0, y, off, n);
        }
        return y;
    }
}
