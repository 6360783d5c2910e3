package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The power amp's defining properties: bounded output, crossover distortion by class, sag. */
class PowerAmpTest {
    private static final int SR = 48000;

    /** THD: RMS of harmonics 2..15 over the fundamental, of a 1 kHz tone (whole cycles). */
    static double thd(double[] y, int from, int to) {
        double fundamental = DspTestSupport.amplitudeAt(y, from, to, 1000, SR);
        double harmonics = 0;
        for (int k = 2; k <= 15; k++) {
            double a = DspTestSupport.amplitudeAt(y, from, to, 1000.0 * k, SR);
            harmonics += a * a;
        }
        return Math.sqrt(harmonics) / fundamental;
    }

    @Test
    void outputNeverExceedsFullScaleWhateverTheInput() {
        SplittableRandom random = new SplittableRandom(99);
        for (String cls : new String[] {"A", "AB", "B"}) {
            Stage amp = DspTestSupport.build(StageType.POWER_AMP, SR, 128, "class", cls, "drive", 1.0, "sag", 0.0);
            double[] x = new double[SR];
            for (int n = 0; n < x.length; n++) {
                x[n] = random.nextDouble(-100, 100);
            }
            for (double v : DspTestSupport.run(amp, x, 128)) {
                assertTrue(Math.abs(v) <= 1, cls + ": " + v);
            }
        }
    }

    @Test
    void classBHasCrossoverDistortionOnSmallSignalsThatClassADoesNot() {
        // drive 0 is -6 dB: a 0.1 sine reaches the output stage at 0.05, the size of B's notch.
        double[] x = DspTestSupport.sine(1000, 0.1, SR, SR);
        double[] thd = new double[3];
        String[] classes = {"A", "AB", "B"};
        for (int c = 0; c < 3; c++) {
            Stage amp = DspTestSupport.build(StageType.POWER_AMP, SR, 128, "class", classes[c], "drive", 0.0, "sag", 0.0);
            thd[c] = thd(DspTestSupport.run(amp, x, 128), SR / 2, SR);
        }
        System.out.printf("power amp THD of a small 1 kHz sine: A %.5f%%, AB %.3f%%, B %.2f%%%n",
                100 * thd[0], 100 * thd[1], 100 * thd[2]);
        assertTrue(thd[0] < 0.001, "class A THD " + thd[0]);
        assertTrue(thd[2] > 0.10, "class B THD " + thd[2]);
        assertTrue(thd[1] > 10 * thd[0] && thd[1] < thd[2], "class AB THD " + thd[1] + " between");
        // The crossover notch is a small-signal effect: at six times the level B's THD more
        // than halves.
        double[] loud = DspTestSupport.sine(1000, 0.02, SR, SR);
        Stage a = DspTestSupport.build(StageType.POWER_AMP, SR, 128, "class", "A", "drive", 1.0, "sag", 0.0);
        Stage b = DspTestSupport.build(StageType.POWER_AMP, SR, 128, "class", "B", "drive", 1.0, "sag", 0.0);
        double thdA = thd(DspTestSupport.run(a, loud, 128), SR / 2, SR);
        double thdB = thd(DspTestSupport.run(b, loud, 128), SR / 2, SR);
        assertTrue(thdB < thd[2] / 2, "B at a larger level: " + thdB + " vs " + thd[2] + " (A: " + thdA + ")");
    }

    @Test
    void sagLowersTheHeadroomUnderASustainedLoudSignal() {
        double[] x = DspTestSupport.sine(200, 1.0, SR, SR);
        Stage stiff = DspTestSupport.build(StageType.POWER_AMP, SR, 128, "drive", 1.0, "sag", 0.0);
        Stage sagging = DspTestSupport.build(StageType.POWER_AMP, SR, 128, "drive", 1.0, "sag", 1.0);
        double peakStiff = peak(DspTestSupport.run(stiff, x, 128), SR / 2, SR);
        double peakSag = peak(DspTestSupport.run(sagging, x, 128), SR / 2, SR);
        // h = 1 - 0.5 sag min(1, envelope), and the envelope of a driven, near-square output of
        // height h settles at h: h = 1 - 0.5 h, so h = 2/3 at full sag.
        assertTrue(peakStiff > 0.95, "without sag " + peakStiff);
        assertEquals(2.0 / 3, peakSag, 0.02, "with sag");
    }

    private static double peak(double[] y, int from, int to) {
        double p = 0;
        for (int n = from; n < to; n++) {
            p = Math.max(p, Math.abs(y[n]));
        }
        return p;
    }
}
