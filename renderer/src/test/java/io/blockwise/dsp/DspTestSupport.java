package io.blockwise.dsp;

import io.blockwise.engine.StageFactory;
import io.blockwise.scenario.StageSpec;

/** Helpers shared by the DSP tests: building stages, running signals, measuring spectra. */
final class DspTestSupport {
    private DspTestSupport() {
    }

    /** A prepared stage of {@code type} at {@code sampleRate}, defaults but for the overrides. */
    static Stage build(StageType type, int sampleRate, int maxBlock, Object... nameValuePairs) {
        StageSpec spec = StageSpec.defaults(type);
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            String name = (String) nameValuePairs[i];
            Object value = nameValuePairs[i + 1];
            if (value instanceof String) {
                spec = spec.withChoice(type.choice().indexOf((String) value));
            } else {
                int index = type.paramIndex(name);
                if (index < 0) {
                    throw new IllegalArgumentException(type.formatName() + " has no " + name);
                }
                spec = spec.with(index, ((Number) value).doubleValue());
            }
        }
        return StageFactory.build(spec, new ProcessSpec(sampleRate, maxBlock));
    }

    /** Runs {@code in} through {@code stage} in blocks of {@code block} frames; returns a copy. */
    static double[] run(Stage stage, double[] in, int block) {
        double[] out = in.clone();
        for (int off = 0; off < out.length; off += block) {
            stage.process(out, off, Math.min(block, out.length - off));
        }
        return out;
    }

    static double[] sine(double hz, double amp, int sampleRate, int frames) {
        double[] x = new double[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = amp * Math.sin(2 * Math.PI * hz * i / sampleRate);
        }
        return x;
    }

    static double[] impulse(int frames) {
        double[] x = new double[frames];
        x[0] = 1;
        return x;
    }

    /** |sum_n x[n] e^{-j 2 pi f n / sr}| over {@code x[from..to)}, by a rotating phasor. */
    static double dftMagnitude(double[] x, int from, int to, double hz, int sampleRate) {
        double w = -2 * Math.PI * hz / sampleRate;
        double cr = Math.cos(w), ci = Math.sin(w);
        double pr = 1, pi = 0;
        double re = 0, im = 0;
        for (int n = from; n < to; n++) {
            re += x[n] * pr;
            im += x[n] * pi;
            double t = pr * cr - pi * ci;
            pi = pr * ci + pi * cr;
            pr = t;
            if ((n & 1023) == 0) {
                // Renormalise the phasor so rounding does not drift its magnitude.
                double mag = Math.hypot(pr, pi);
                pr /= mag;
                pi /= mag;
            }
        }
        return Math.hypot(re, im);
    }

    /** Amplitude of the {@code hz} component of {@code x[from..to)} (window of whole cycles). */
    static double amplitudeAt(double[] x, int from, int to, double hz, int sampleRate) {
        return 2 * dftMagnitude(x, from, to, hz, sampleRate) / (to - from);
    }

    static double db(double linear) {
        return 20 * Math.log10(linear);
    }

    /** Largest |x[n] - x[n-1]| for n in (from, to). */
    static double maxStep(double[] x, int from, int to) {
        double m = 0;
        for (int n = Math.max(1, from); n < to; n++) {
            m = Math.max(m, Math.abs(x[n] - x[n - 1]));
        }
        return m;
    }

    /** Root mean square of {@code x[from..to)}. */
    static double rms(double[] x, int from, int to) {
        double s = 0;
        for (int n = from; n < to; n++) {
            s += x[n] * x[n];
        }
        return Math.sqrt(s / (to - from));
    }

    /** Logarithmically spaced frequencies from {@code lo} to {@code hi}, {@code count} of them. */
    static double[] logFrequencies(double lo, double hi, int count) {
        double[] f = new double[count];
        for (int i = 0; i < count; i++) {
            f[i] = lo * Math.pow(hi / lo, i / (double) (count - 1));
        }
        return f;
    }

    /** Asserts {@code got} equals {@code expected} exactly, frame by frame (the first differing frame named). */
    static void assertSameFrames(double[] expected, double[] got) {
        for (int n = 0; n < got.length; n++) {
            org.junit.jupiter.api.Assertions.assertEquals(expected[n], got[n], 0.0, "frame " + n);
        }
    }

    /**
     * Asserts {@code y} is a delay's response to an impulse: {@code dry} at frame 0, echo k of
     * {@code first * feedback^(k-1)} every {@code period} frames, and exact silence elsewhere
     * (within 1e-15).
     */
    static void assertEchoTrain(double[] y, double dry, double first, double feedback, int period) {
        for (int n = 0; n < y.length; n++) {
            double expected = n == 0 ? dry : n % period == 0 ? first * Math.pow(feedback, n / period - 1) : 0;
            org.junit.jupiter.api.Assertions.assertEquals(expected, y[n], 1e-15, "frame " + n);
        }
    }

    /**
     * A glided stage, once its glide is over: {@code got} equals {@code expected} (a stage prepared
     * with the glide's target) within {@code tolerance} at every frame from {@code from}, and the
     * old value's output {@code old} differs from {@code expected} somewhere by more than
     * {@code minOldDiff} (so the change is one the signal shows and the check can fail).
     */
    static void assertEndsAsPrepared(String what, double[] expected, double[] got, double[] old, int from,
            double tolerance, double minOldDiff) {
        double oldDiff = 0;
        for (int n = from; n < expected.length; n++) {
            org.junit.jupiter.api.Assertions.assertEquals(expected[n], got[n], tolerance, what + " at frame " + n);
            oldDiff = Math.max(oldDiff, Math.abs(old[n] - expected[n]));
        }
        org.junit.jupiter.api.Assertions.assertTrue(oldDiff > minOldDiff,
                what + ": old and new values sound the same (" + oldDiff + ")");
    }
}
