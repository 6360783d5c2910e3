package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** IR preparation (trim, resample, normalise, limit) and the synthetic IR. */
class ImpulseResponsesTest {

    /** Noise whose last sample is loud, so nothing at its end is silence. */
    private static double[] loudToTheEnd(long seed, int n) {
        double[] x = DirectConvolution.noise(seed, n);
        for (int i = 0; i < n; i++) {
            x[i] *= 0.3;
        }
        x[n - 1] = 0.25;
        return x;
    }

    @Test
    void aNonSilentIrLastsItsDurationAtTheTargetRate() {
        double[] half = loudToTheEnd(1, 22050); // 0.5 s at 44.1 kHz
        assertEquals(24000, ImpulseResponses.prepare(half, 44100, 48000).length);
        assertEquals(11025, ImpulseResponses.prepare(loudToTheEnd(2, 24000), 96000, 44100).length);
    }

    @Test
    void trailingSamplesBelowMinus120DbRelativeToThePeakAreTrimmed() {
        double[] x = new double[6000];
        System.arraycopy(loudToTheEnd(3, 1000), 0, x, 0, 1000);
        x[200] = 0.8; // the peak
        Arrays.fill(x, 1000, 6000, 0.8e-7); // -140 dB relative to the peak
        assertEquals(1000, ImpulseResponses.prepare(x, 48000, 48000).length);
        Arrays.fill(x, 1000, 6000, 0.8e-5); // -100 dB: part of the IR
        assertEquals(6000, ImpulseResponses.prepare(x, 48000, 48000).length);
    }

    @Test
    void thePeakIsNormalisedToOneAndTheShapeKept() {
        double[] x = loudToTheEnd(4, 3000);
        x[17] = -0.6;
        double[] y = ImpulseResponses.prepare(x, 48000, 48000);
        assertEquals(-1.0, y[17]);
        for (int i = 0; i < x.length; i++) {
            assertTrue(Math.abs(y[i]) <= 1.0);
            assertEquals(x[i] / 0.6, y[i], 1e-15);
        }
    }

    @Test
    void anIrLongerThanTenSecondsIsRejectedWithItsLength() {
        IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
                () -> ImpulseResponses.prepare(loudToTheEnd(5, 600000), 48000, 48000));
        assertEquals("IR is 12.5 s after preparation; allowed: at most 10 s", same.getMessage());
        IllegalArgumentException resampled = assertThrows(IllegalArgumentException.class,
                () -> ImpulseResponses.prepare(loudToTheEnd(6, 551250), 44100, 48000));
        assertEquals("IR is 12.5 s after preparation; allowed: at most 10 s", resampled.getMessage());
        assertEquals(480000, ImpulseResponses.prepare(loudToTheEnd(7, 480000), 48000, 48000).length);
    }

    @Test
    void silenceAndGarbageAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ImpulseResponses.prepare(new double[100], 48000, 48000));
        assertThrows(IllegalArgumentException.class, () -> ImpulseResponses.prepare(new double[0], 48000, 48000));
        double[] nan = loudToTheEnd(8, 100);
        nan[5] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> ImpulseResponses.prepare(nan, 48000, 48000));
        assertThrows(IllegalArgumentException.class,
                () -> ImpulseResponses.synthetic(1, 48000, 480001, 100));
    }

    @Test
    void theSyntheticIrIsDeterministicPerSeedAndPeakNormalised() {
        double[] a = ImpulseResponses.synthetic(42, 48000, 14400, 2880);
        double[] b = ImpulseResponses.synthetic(42, 48000, 14400, 2880);
        double[] c = ImpulseResponses.synthetic(43, 48000, 14400, 2880);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        double peak = 0;
        for (double v : a) {
            peak = Math.max(peak, Math.abs(v));
        }
        assertEquals(1.0, peak);
    }

    /**
     * The energy envelope of amplitude e^(-t/d) is e^(-2t/d): ln(window energy) falls by 2/d per
     * frame. Tolerance: the lowpassed noise has about 2 x 5 kHz / 48 kHz x 480 = 100 independent
     * samples per 480-frame window, so ln of a window's energy scatters by about sqrt(2/100) = 0.14;
     * a least-squares slope over 100 windows spanning 48000 frames then has a standard error of
     * 0.14 / sqrt(100 x 48000^2 / 12) = 1.0e-6 per frame, 0.25 % of 2/d; 2 % is 8 standard errors,
     * while a wrong law (e^(-t/d) energy, or amplitude e^(-2t/d)) is off by 50 % or 100 %.
     */
    @Test
    void theSyntheticIrDecaysAtTheExpectedRate() {
        int decay = 4800;
        for (long seed = 1; seed <= 3; seed++) {
            double[] ir = ImpulseResponses.synthetic(seed, 48000, 48000, decay);
            int window = 480;
            int n = ir.length / window;
            double[] t = new double[n];
            double[] logEnergy = new double[n];
            for (int w = 0; w < n; w++) {
                double e = 0;
                for (int i = w * window; i < (w + 1) * window; i++) {
                    e += ir[i] * ir[i];
                }
                t[w] = w * window;
                logEnergy[w] = Math.log(e);
            }
            double slope = slope(t, logEnergy);
            double expected = -2.0 / decay;
            assertEquals(expected, slope, 0.02 * Math.abs(expected), "seed " + seed);
        }
    }

    private static double slope(double[] x, double[] y) {
        double mx = 0, my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0, sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }
}
