package io.blockwise.dsp;

import static io.blockwise.dsp.DynamicsTestSupport.SR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The compressor against its definition: the static curve and the attack/release constants. */
class CompressorTest {

    @Test
    void steadySinesFollowTheStaticCurveWithinHalfADecibel() {
        double t = -30, ratio = 4, makeup = 6;
        double worst = 0;
        for (double in = -80; in <= 0; in += 5) {
            Stage c = DspTestSupport.build(StageType.COMPRESSOR, SR, 128, "threshold", t, "ratio", ratio,
                    "attack", 10.0, "release", 100.0, "makeup", makeup);
            double[] x = DspTestSupport.sine(DynamicsTestSupport.HZ, Math.pow(10, in / 20), SR, SR);
            double out = DynamicsTestSupport.levelDb(DspTestSupport.run(c, x, 128), SR / 5);
            double expected = (in <= t ? in : t + (in - t) / ratio) + makeup;
            assertEquals(expected, out, 0.5, "input " + in + " dBFS");
            worst = Math.max(worst, Math.abs(expected - out));
        }
        System.out.println("compressor static curve: worst deviation " + worst + " dB");
    }

    @Test
    void attackAndReleaseReachSixtyThreePercentOfAGainStepInOneTimeConstant() {
        double attackMs = 50, releaseMs = 500;
        Stage c = DspTestSupport.build(StageType.COMPRESSOR, SR, 128, "threshold", -20.0, "ratio", 4.0,
                "attack", attackMs, "release", releaseMs, "makeup", 0.0);
        int up = SR / 2, down = 2 * SR, frames = 5 * SR;
        int[] starts = {0, up, down};
        double[] levels = {-40, 0, -40};
        double[] x = DynamicsTestSupport.steppedSine(frames, starts, levels);
        double[] y = DspTestSupport.run(c, x, 128);
        double[] g = DynamicsTestSupport.gainDb(x, y, DynamicsTestSupport.peaks(frames, starts, levels));
        // Below the threshold the gain is 0 dB; at 0 dBFS it settles to (T - in)(1 - 1/R) = -15 dB.
        assertEquals(0, DynamicsTestSupport.gainNear(g, up - SR / 100), 1e-6);
        double full = -15;
        // Within 0.15 dB: the detector's ripple at 2 kHz (about +-0.17 dB of level, times
        // 1 - 1/R), smoothed 10x faster down (attack) than up (release), settles a little low.
        assertEquals(full, DynamicsTestSupport.gainNear(g, down - SR / 50), 0.15);
        int a = DynamicsTestSupport.firstCrossing(g, up, full * (1 - Math.exp(-1)), true);
        double attackMeasured = (a - up) * 1000.0 / SR;
        assertEquals(attackMs, attackMeasured, attackMs * 0.1, "attack time constant, ms");
        int r = DynamicsTestSupport.firstCrossing(g, down, full * Math.exp(-1), false);
        double releaseMeasured = (r - down) * 1000.0 / SR;
        assertEquals(releaseMs, releaseMeasured, releaseMs * 0.1, "release time constant, ms");
        assertTrue(DynamicsTestSupport.lastGain(g) > -0.05, "released fully");
        System.out.println("compressor: attack " + attackMeasured + " ms (set " + attackMs + "), release "
                + releaseMeasured + " ms (set " + releaseMs + ")");
    }
}
