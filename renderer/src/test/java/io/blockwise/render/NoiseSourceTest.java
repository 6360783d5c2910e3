package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.scenario.SourceSpec;
import io.blockwise.scenario.SourceSpec.NoiseColor;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;

class NoiseSourceTest {
    private static final int SR = 48000;
    private static final int N = 1 << 20;
    private static final int SEGMENT = 8192;

    private static double[] noise(NoiseColor color, double amp, long seed) {
        return TestScenarios.render(TestScenarios.of(SR, N, seed, new SourceSpec.Noise(color, amp)), 4096);
    }

    private static double rms(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s / x.length);
    }

    @Test
    void whiteNoiseIsUniformWithMeanZeroAndRmsAmpOverRootThree() {
        double amp = 0.3;
        double[] x = noise(NoiseColor.WHITE, amp, 1);
        double mean = 0;
        for (double v : x) {
            assertTrue(v >= -amp && v < amp, "out of [-amp, amp): " + v);
            mean += v;
        }
        mean /= x.length;
        double sigma = amp / Math.sqrt(3);
        assertEquals(0, mean, 4 * sigma / Math.sqrt(N), "mean within four standard errors");
        assertEquals(sigma, rms(x), sigma * 0.01);
    }

    /**
     * Welch power spectrum (Hann window, non-overlapping segments), then the mean power per bin in
     * each octave band [f, 2f) for f = 50, 100, ..., 6400 Hz (up to 12.8 kHz), in dB.
     */
    private static double[] octaveBandsDb(double[] x) {
        double[] psd = new double[SEGMENT / 2];
        DoubleFFT_1D fft = new DoubleFFT_1D(SEGMENT);
        double[] seg = new double[SEGMENT];
        for (int start = 0; start + SEGMENT <= x.length; start += SEGMENT) {
            for (int i = 0; i < SEGMENT; i++) {
                double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / SEGMENT);
                seg[i] = x[start + i] * w;
            }
            fft.realForward(seg);
            for (int k = 1; k < SEGMENT / 2; k++) {
                psd[k] += seg[2 * k] * seg[2 * k] + seg[2 * k + 1] * seg[2 * k + 1];
            }
        }
        double binHz = (double) SR / SEGMENT;
        double[] bands = new double[8];
        for (int b = 0; b < bands.length; b++) {
            double lo = 50 * Math.pow(2, b);
            int k0 = (int) Math.ceil(lo / binHz);
            int k1 = (int) Math.ceil(2 * lo / binHz);
            double sum = 0;
            for (int k = k0; k < k1; k++) {
                sum += psd[k];
            }
            bands[b] = 10 * Math.log10(sum / (k1 - k0));
        }
        return bands;
    }

    /** Least-squares slope of dB against octave number. */
    private static double slope(double[] db) {
        double mx = (db.length - 1) / 2.0;
        double my = 0;
        for (double v : db) {
            my += v / db.length;
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < db.length; i++) {
            num += (i - mx) * (db[i] - my);
            den += (i - mx) * (i - mx);
        }
        return num / den;
    }

    @Test
    void pinkNoiseFallsThreeDecibelsPerOctave() {
        double[] db = octaveBandsDb(noise(NoiseColor.PINK, 0.5, 3));
        double s = slope(db);
        assertEquals(-3, s, 1, "fitted slope " + s + " dB/oct over 50 Hz .. 12.8 kHz");
        for (int i = 1; i < db.length; i++) {
            assertEquals(-3, db[i] - db[i - 1], 0.5, "step into octave from " + 50 * (1 << i) + " Hz");
        }
    }

    @Test
    void whiteNoiseSpectrumIsFlatSoThePinkMeasurementCanTellTheDifference() {
        double s = slope(octaveBandsDb(noise(NoiseColor.WHITE, 0.5, 3)));
        assertEquals(0, s, 0.3);
    }

    @Test
    void pinkNoiseHasTheSameRmsAsWhiteNoiseAtTheSameAmp() {
        double white = 0.4 / Math.sqrt(3);
        double pink = rms(noise(NoiseColor.PINK, 0.4, 11));
        assertEquals(white, pink, white * 0.05, "pink RMS " + pink + " vs white " + white);
    }

    @Test
    void pinkPowerGainMatchesTheSumOfTheSquaredImpulseResponse() {
        // Brute-force sum of h[n]^2 from the filter run on a unit impulse (the closed form's check).
        double[] a = {0.99886, 0.99332, 0.96900, 0.86650, 0.55000, -0.7616};
        double[] g = {0.0555179, 0.0750759, 0.1538520, 0.3104856, 0.5329522, -0.0168980};
        double[] b = new double[6];
        double b6 = 0;
        double sum = 0;
        for (int n = 0; n < 200_000; n++) {
            double w = n == 0 ? 1 : 0;
            double out = b6 + w * 0.5362;
            for (int k = 0; k < 6; k++) {
                b[k] = a[k] * b[k] + w * g[k];
                out += b[k];
            }
            b6 = w * 0.115926;
            sum += out * out;
        }
        assertEquals(sum, NoiseSource.pinkPowerGain(), sum * 1e-9);
    }
}
