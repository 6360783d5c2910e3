package io.blockwise.analysis;

import java.util.Random;

/** Test signals synthesised from their definitions, and the encodings a WAV would store them in. */
final class Signals {
    static final int SR = 48000;
    static final double Q16 = 0x1p-15;
    static final double QFLOAT = 0x1p-24;

    private Signals() { }

    static double amp(double dbfs) {
        return Math.pow(10, dbfs / 20);
    }

    /** {@code amp sin(2 pi hz n / SR + phase)}, plus {@code jump} radians from frame {@code jumpAt} on. */
    static double[] sine(double hz, double amp, int frames, double phase, int jumpAt, double jump) {
        double[] x = new double[frames];
        double w = 2 * Math.PI * hz / SR;
        for (int n = 0; n < frames; n++) {
            x[n] = amp * Math.sin(w * n + phase + (n >= jumpAt ? jump : 0));
        }
        return x;
    }

    static double[] sine(double hz, double amp, int frames) {
        return sine(hz, amp, frames, 0.3, Integer.MAX_VALUE, 0);
    }

    /** The first frame at or after {@code from} where {@code ok(x[n]/amp)} holds for the clean sine. */
    static int frameWhere(double[] x, double amp, int from, java.util.function.DoublePredicate ok) {
        for (int n = from; n < x.length; n++) {
            if (ok.test(x[n] / amp)) {
                return n;
            }
        }
        throw new AssertionError("no such frame");
    }

    /** Log sweep from {@code f0} to {@code f1} Hz over the whole length. */
    static double[] logSweep(double f0, double f1, double amp, int frames) {
        double[] x = new double[frames];
        double t1 = frames / (double) SR;
        double k = Math.log(f1 / f0);
        for (int n = 0; n < frames; n++) {
            double t = n / (double) SR;
            x[n] = amp * Math.sin(2 * Math.PI * f0 * t1 / k * (Math.exp(t / t1 * k) - 1));
        }
        return x;
    }

    /** Gaussian white noise of RMS {@code rms}, seeded. */
    static double[] gaussian(double rms, int frames, long seed) {
        Random r = new Random(seed);
        double[] x = new double[frames];
        for (int n = 0; n < frames; n++) {
            x[n] = rms * r.nextGaussian();
        }
        return x;
    }

    /**
     * Adds a Karplus-Strong pluck (noise burst of peak {@code amp} through the averaging loop with
     * loss {@code g}) at {@code hz} from frame {@code at}.
     */
    static void pluck(double[] x, int at, double hz, double amp, double g, long seed) {
        int period = (int) Math.round(SR / hz);
        double[] line = new double[period];
        Random r = new Random(seed);
        for (int i = 0; i < period; i++) {
            line[i] = amp * (2 * r.nextDouble() - 1);
        }
        int i = 0;
        for (int n = at; n < x.length; n++) {
            double out = line[i];
            int next = (i + 1) % period;
            line[i] = g * 0.5 * (line[i] + line[next]);
            i = next;
            x[n] += out;
        }
    }

    /** Rounded to 16-bit PCM steps, clamped like a 16-bit file. */
    static double[] pcm16(double[] x) {
        double[] y = new double[x.length];
        for (int n = 0; n < x.length; n++) {
            y[n] = Math.max(-32768, Math.min(32767, Math.rint(x[n] * 32768))) / 32768;
        }
        return y;
    }

    /** Rounded to float32. */
    static double[] float32(double[] x) {
        double[] y = new double[x.length];
        for (int n = 0; n < x.length; n++) {
            y[n] = (float) x[n];
        }
        return y;
    }
}
