package io.blockwise.dsp;

import static io.blockwise.dsp.DynamicsTestSupport.SR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The gate (downward expander) against its definition: static curve, attack, hold, release. */
class NoiseGateTest {

    @Test
    void steadySinesFollowTheExpanderCurveWithinHalfADecibel() {
        double t = -40, ratio = 2;
        double worst = 0;
        for (double in = -80; in <= 0; in += 5) {
            Stage gate = DspTestSupport.build(StageType.NOISE_GATE, SR, 128, "threshold", t, "ratio", ratio,
                    "attack", 1.0, "hold", 50.0, "release", 100.0);
            double[] x = DspTestSupport.sine(DynamicsTestSupport.HZ, Math.pow(10, in / 20), SR, SR);
            double out = DynamicsTestSupport.levelDb(DspTestSupport.run(gate, x, 128), SR / 5);
            double expected = in >= t ? in : t + (in - t) * ratio;
            assertEquals(expected, out, 0.5, "input " + in + " dBFS");
            worst = Math.max(worst, Math.abs(expected - out));
        }
        System.out.println("gate static curve: worst deviation " + worst + " dB");
    }

    @Test
    void attackOpensAndReleaseClosesWithTheirTimeConstants() {
        double attackMs = 50, releaseMs = 500;
        Stage gate = DspTestSupport.build(StageType.NOISE_GATE, SR, 128, "threshold", -40.0, "ratio", 2.0,
                "attack", attackMs, "hold", 0.0, "release", releaseMs);
        int open = 4 * SR, close = 5 * SR, frames = 9 * SR;
        int[] starts = {0, open, close};
        double[] levels = {-60, -20, -60};
        double[] x = DynamicsTestSupport.steppedSine(frames, starts, levels);
        double[] y = DspTestSupport.run(gate, x, 128);
        double[] g = DynamicsTestSupport.gainDb(x, y, DynamicsTestSupport.peaks(frames, starts, levels));
        // At -60 dBFS the gain is (in - T)(R - 1) = -20 dB; above the threshold 0 dB.
        double closed = -20;
        // Within 0.25 dB: the detector's ripple at 2 kHz (about +-0.17 dB of level, times R - 1),
        // smoothed 10x faster upwards (attack) than downwards (release), settles a little high.
        assertEquals(closed, DynamicsTestSupport.gainNear(g, open - SR / 50), 0.25);
        int a = DynamicsTestSupport.firstCrossing(g, open, closed * Math.exp(-1), false);
        double attackMeasured = (a - open) * 1000.0 / SR;
        assertEquals(attackMs, attackMeasured, attackMs * 0.1, "attack (opening) time constant, ms");
        assertEquals(0, DynamicsTestSupport.gainNear(g, close - SR / 50), 1e-6);
        int r = DynamicsTestSupport.firstCrossing(g, close, closed * (1 - Math.exp(-1)), true);
        double releaseMeasured = (r - close) * 1000.0 / SR;
        assertEquals(releaseMs, releaseMeasured, releaseMs * 0.1, "release (closing) time constant, ms");
        System.out.println("gate: attack " + attackMeasured + " ms (set " + attackMs + "), release "
                + releaseMeasured + " ms (set " + releaseMs + ")");
    }

    @Test
    void holdKeepsTheGateFullyOpenForTheHoldTimeAfterTheLevelFalls() {
        double holdMs = 200;
        Stage gate = DspTestSupport.build(StageType.NOISE_GATE, SR, 128, "threshold", -40.0, "ratio", 10.0,
                "attack", 1.0, "hold", holdMs, "release", 20.0);
        int fall = SR, frames = 2 * SR;
        int[] starts = {0, fall};
        double[] levels = {-20, -60};
        double[] x = DynamicsTestSupport.steppedSine(frames, starts, levels);
        double[] y = DspTestSupport.run(gate, x, 128);
        double[] g = DynamicsTestSupport.gainDb(x, y, DynamicsTestSupport.peaks(frames, starts, levels));
        int closing = DynamicsTestSupport.firstCrossing(g, fall, -0.01, true);
        double heldMs = (closing - fall) * 1000.0 / SR;
        // The hold counts from the moment the detector's level drops below the threshold, which for
        // a 40 dB step down with its 2 ms mean-square average is 2 ms * ln(10^(20/10)) = 9.2 ms in.
        double crossingMs = 2 * Math.log(100);
        assertEquals(holdMs + crossingMs, heldMs, 1.0, "gate stayed open, ms");
        double last = DynamicsTestSupport.lastGain(g);
        // (in - T)(R - 1) = (-60 + 40) * 9 = -180 dB once closed; within 2 dB because the
        // detector's +-0.17 dB ripple is multiplied by R - 1 = 9 and smoothed asymmetrically.
        assertEquals(-180, last, 2.0, "closed after the release");
    }
}
