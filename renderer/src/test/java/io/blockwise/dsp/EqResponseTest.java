package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The equaliser against the analytic response of its documented design, computed here. */
class EqResponseTest {
    private static final int N = 1 << 16;

    /** The documented centres: 25 Hz * 800^(k/15). */
    static double centre(int k) {
        return 25 * Math.pow(800, k / 15.0);
    }

    /** The documented Q: sqrt(r)/(r-1), r = 800^(1/15). */
    static double q() {
        double r = Math.pow(800, 1 / 15.0);
        return Math.sqrt(r) / (r - 1);
    }

    private static Stage eq(int sr, double[] gains) {
        Object[] pairs = new Object[32];
        for (int k = 0; k < 16; k++) {
            pairs[2 * k] = "band_" + k;
            pairs[2 * k + 1] = gains[k];
        }
        return DspTestSupport.build(StageType.EQ, sr, 100, pairs);
    }

    @Test
    void randomSettingsMatchTheProductOfSixteenPeakingSectionsWithinFiveHundredthsOfADecibel() {
        int sr = 48000;
        SplittableRandom random = new SplittableRandom(7);
        double[] freqs = DspTestSupport.logFrequencies(20, 20000, 40);
        double worst = 0;
        for (int trial = 0; trial < 4; trial++) {
            double[] gains = new double[16];
            for (int k = 0; k < 16; k++) {
                gains[k] = -12 + 24 * random.nextDouble();
            }
            double[] h = DspTestSupport.run(eq(sr, gains), DspTestSupport.impulse(N), 100);
            for (double f : freqs) {
                double expected = 1;
                for (int k = 0; k < 16; k++) {
                    expected *= AnalogPrototypes.peaking(f, centre(k), q(), gains[k], sr);
                }
                double measured = DspTestSupport.db(DspTestSupport.dftMagnitude(h, 0, N, f, sr));
                assertEquals(DspTestSupport.db(expected), measured, 0.05, "at " + f + " Hz, trial " + trial);
                worst = Math.max(worst, Math.abs(DspTestSupport.db(expected) - measured));
            }
        }
        System.out.println("eq: worst deviation from the analytic response " + worst + " dB");
    }

    @Test
    void eachBandAloneHasItsSetGainAtItsCentreWithinATenthOfADecibel() {
        int sr = 48000;
        for (int k = 0; k < 16; k++) {
            double setting = k % 2 == 0 ? 9.5 : -7.25;
            double[] gains = new double[16];
            gains[k] = setting;
            double[] h = DspTestSupport.run(eq(sr, gains), DspTestSupport.impulse(N), 100);
            double measured = DspTestSupport.db(DspTestSupport.dftMagnitude(h, 0, N, centre(k), sr));
            assertEquals(setting, measured, 0.1, "band " + k);
        }
    }

    @Test
    void aBandAtOrAboveNinetyPercentOfNyquistIsUnityWhateverItsSetting() {
        // At 44.1 kHz band 15 (20 kHz) is above 0.9 * 22050 = 19845 Hz.
        int sr = 44100;
        double[] gains = new double[16];
        gains[15] = 12;
        double[] x = DspTestSupport.sine(15000, 0.5, sr, 4410);
        assertArrayEquals(x, DspTestSupport.run(eq(sr, gains), x, 100), 0.0);
        // ...while band 14 (12.8 kHz) is not disabled there.
        gains[15] = 0;
        gains[14] = 12;
        double[] h = DspTestSupport.run(eq(sr, gains), DspTestSupport.impulse(N), 100);
        assertEquals(12, DspTestSupport.db(DspTestSupport.dftMagnitude(h, 0, N, centre(14), sr)), 0.1);
    }
}
