package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The tone stack's measured magnitude response (impulse response, DFT) against the analog
 * prototypes of the sections its Javadoc specifies, evaluated in the test.
 */
class ToneStackResponseTest {
    private static final int SR = 48000;
    private static final int N = 1 << 16;

    // The documented design, per model: voicing (Hz, Q, dB), bass Hz, mid (Hz, Q), treble Hz,
    // presence Hz; presence Q 0.7; knob k -> 12 (k - 1) dB.
    private static final String[] MODELS = {"modern", "british", "american", "flat"};
    private static final double[][] SPEC = {
        {650, 0.7, -5, 90, 700, 0.8, 3200, 5000},
        {900, 0.8, 3, 120, 800, 0.7, 2500, 4000},
        {450, 0.6, -7, 80, 500, 0.6, 2200, 6000},
        {1000, 0.7, 0, 100, 1000, 0.7, 4000, 6000},
    };

    static double expectedDb(double[] s, double bass, double mid, double treble, double presence, double f) {
        double h = AnalogPrototypes.peaking(f, s[0], s[1], s[2], SR)
                * AnalogPrototypes.lowShelf(f, s[3], 12 * (bass - 1), SR)
                * AnalogPrototypes.peaking(f, s[4], s[5], 12 * (mid - 1), SR)
                * AnalogPrototypes.highShelf(f, s[6], 12 * (treble - 1), SR)
                * AnalogPrototypes.peaking(f, s[7], 0.7, 12 * (presence - 1), SR);
        return DspTestSupport.db(h);
    }

    @Test
    void everyModelMatchesItsAnalyticResponseWithinFiveHundredthsOfADecibel() {
        SplittableRandom random = new SplittableRandom(42);
        double[] freqs = DspTestSupport.logFrequencies(20, 20000, 36);
        double worst = 0;
        for (int m = 0; m < MODELS.length; m++) {
            double[][] settings = {
                {1, 1, 1, 1}, {0, 2, 0, 2}, {2, 0, 2, 0},
                {random.nextDouble(2), random.nextDouble(2), random.nextDouble(2), random.nextDouble(2)},
                {random.nextDouble(2), random.nextDouble(2), random.nextDouble(2), random.nextDouble(2)},
            };
            for (double[] k : settings) {
                Stage stage = DspTestSupport.build(StageType.TONE_STACK, SR, 100, "model", MODELS[m],
                        "bass", k[0], "mid", k[1], "treble", k[2], "presence", k[3]);
                double[] h = DspTestSupport.run(stage, DspTestSupport.impulse(N), 100);
                for (double f : freqs) {
                    double measured = DspTestSupport.db(DspTestSupport.dftMagnitude(h, 0, N, f, SR));
                    double expected = expectedDb(SPEC[m], k[0], k[1], k[2], k[3], f);
                    assertEquals(expected, measured, 0.05,
                            MODELS[m] + " knobs " + java.util.Arrays.toString(k) + " at " + f + " Hz");
                    worst = Math.max(worst, Math.abs(expected - measured));
                }
            }
        }
        System.out.println("tone stack: worst deviation from the analytic response " + worst + " dB");
    }

    @Test
    void flatModelWithEveryKnobOnOneIsExactlyUnity() {
        Stage stage = DspTestSupport.build(StageType.TONE_STACK, SR, 128, "model", "flat");
        double[] x = DspTestSupport.sine(440, 0.7, SR, 4800);
        assertArrayEquals(x, DspTestSupport.run(stage, x, 128), 0.0);
    }

    @Test
    void aKnobAtTwoBoostsItsBandByTwelveDecibelsOnTheFlatModel() {
        // Independent of the shape: a low shelf reaches its full gain far below its corner,
        // a high shelf far above, a peak exactly at its centre.
        Stage bass = DspTestSupport.build(StageType.TONE_STACK, SR, 128, "model", "flat", "bass", 2.0);
        double[] h = DspTestSupport.run(bass, DspTestSupport.impulse(N), 128);
        assertEquals(12, DspTestSupport.db(DspTestSupport.dftMagnitude(h, 0, N, 5, SR)), 0.05);
        Stage mid = DspTestSupport.build(StageType.TONE_STACK, SR, 128, "model", "flat", "mid", 0.0);
        h = DspTestSupport.run(mid, DspTestSupport.impulse(N), 128);
        assertEquals(-12, DspTestSupport.db(DspTestSupport.dftMagnitude(h, 0, N, 1000, SR)), 0.05);
    }
}
