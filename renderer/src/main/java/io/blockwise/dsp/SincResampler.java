package io.blockwise.dsp;

/**
 * Band-limited resampling by any ratio of integer rates with a Kaiser-windowed sinc, for
 * preparing impulse responses. Control thread only: it allocates and runs in one go over the
 * whole signal.
 *
 * <p>Design (Kaiser's formulas): the low-pass sits at the lower of the two rates, pass band to
 * {@value #PASS_FRACTION} of it, stop band from {@value #STOP_FRACTION} of it (its Nyquist
 * frequency), {@value #STOPBAND_DB} dB of attenuation, so ripple and aliasing stay near
 * 10^(-120/20) = 1e-6 of full scale; Kaiser {@code beta = 0.1102 (A - 8.7)}, length
 * {@code (A - 7.95) / (2.285 dw)} taps of the input rate. Output frame {@code j} sits at input
 * position {@code j * from / to}, computed exactly in integers, so long signals do not drift.
 * The kernel is tabulated at {@value #TABLE_STEPS} points per zero crossing and linearly
 * interpolated; the interpolation error, below {@code h^2 / 8 |k''|} with {@code h = 1/4096}
 * zero crossings, is under 1e-8 per tap, well under the design ripple.
 */
public final class SincResampler {
    static final double STOPBAND_DB = 120;
    static final double PASS_FRACTION = 0.45;
    static final double STOP_FRACTION = 0.5;
    static final int TABLE_STEPS = 4096;

    private SincResampler() {
    }

    /**
     * Control thread. {@code x} (at {@code fromRate}) at {@code toRate}: exactly
     * {@code ceil(x.length * toRate / fromRate)} frames, the signal beyond both ends taken as
     * silence.
     */
    public static double[] resample(double[] x, int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("rates " + fromRate + " and " + toRate + " must be positive");
        }
        long outLength = ((long) x.length * toRate + fromRate - 1) / fromRate;
        if (outLength > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("resampled signal of " + outLength + " frames is too long");
        }
        if (fromRate == toRate) {
            return x.clone();
        }
        double low = Math.min(fromRate, toRate);
        double passHz = PASS_FRACTION * low;
        double stopHz = STOP_FRACTION * low;
        // In input samples: cutoff (cycles per sample) and transition width (radians per sample).
        double cutoff = 0.5 * (passHz + stopHz) / fromRate;
        double transition = 2 * StrictMath.PI * (stopHz - passHz) / fromRate;
        double halfWidth = 0.5 * (STOPBAND_DB - 7.95) / (2.285 * transition);
        double beta = 0.1102 * (STOPBAND_DB - 8.7);
        // Table over |t| in [0, halfWidth], step 1 / (2 cutoff TABLE_STEPS) input samples.
        double stepsPerSample = 2 * cutoff * TABLE_STEPS;
        int tableLength = (int) StrictMath.ceil(halfWidth * stepsPerSample) + 2;
        double[] table = new double[tableLength];
        double i0Beta = besselI0(beta);
        for (int m = 0; m < tableLength; m++) {
            double t = m / stepsPerSample;
            double r = t / halfWidth;
            double window = r >= 1 ? 0 : besselI0(beta * StrictMath.sqrt(1 - r * r)) / i0Beta;
            double arg = 2 * cutoff * t;
            double sinc = arg == 0 ? 1 : StrictMath.sin(StrictMath.PI * arg) / (StrictMath.PI * arg);
            table[m] = 2 * cutoff * sinc * window;
        }
        double[] y = new double[(int) outLength];
        int reach = (int) StrictMath.ceil(halfWidth);
        for (int j = 0; j < y.length; j++) {
            long num = (long) j * fromRate;
            long base = num / toRate;
            double frac = (double) (num % toRate) / toRate;
            long first = Math.max(0, base - reach);
            long last = Math.min(x.length - 1L, base + reach + 1);
            double acc = 0;
            for (long i = first; i <= last; i++) {
                double u = Math.abs(base - i + frac) * stepsPerSample;
                int m = (int) u;
                if (m + 1 >= tableLength) {
                    continue;
                }
                double f = u - m;
                acc += x[(int) i] * (table[m] + f * (table[m + 1] - table[m]));
            }
            y[j] = acc;
        }
        return y;
    }

    /** Modified Bessel function of the first kind, order 0, by its power series. */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 500; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }
}
