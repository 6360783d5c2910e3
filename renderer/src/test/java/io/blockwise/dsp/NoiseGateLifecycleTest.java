package io.blockwise.dsp;

import static io.blockwise.dsp.DynamicsTestSupport.SR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The gate's parameter glides, its defaults, {@code reset()}, the hold's exact length and the
 * hand-over to a stage at another rate, each against the documented behaviour: a second gate
 * prepared with the values a glide reaches, the static curve {@code (in - T)(ratio - 1)} dB, the
 * hold in frames.
 */
class NoiseGateLifecycleTest {
    private static final int BLOCK = 128;

    /**
     * Levels: open (-20, long enough for the slowest attack to settle on exactly 0 dB), closing
     * (-60: hold, then release), opening again (-20: attack).
     */
    private static double[] openCloseOpen() {
        int[] starts = {0, (int) (1.2 * SR), (int) (1.5 * SR)};
        double[] levels = {-20, -60, -20};
        return DynamicsTestSupport.steppedSine((int) (1.8 * SR), starts, levels);
    }

    private static Stage gate(int sampleRate, double threshold, double ratio, double attack, double hold,
            double release) {
        return DspTestSupport.build(StageType.NOISE_GATE, sampleRate, BLOCK, "threshold", threshold, "ratio", ratio,
                "attack", attack, "hold", hold, "release", release);
    }

    private static double[] withValue(int index, double value) {
        double[] v = {-40, 2, 5, 50, 50};
        v[index] = value;
        return v;
    }

    private static Stage gate(double[] v) {
        return gate(SR, v[0], v[1], v[2], v[3], v[4]);
    }

    @Test
    void eachParameterGlidedToANewValueBehavesExactlyAsAGatePreparedWithThatValueOnceTheGlideIsOver() {
        String[] names = {"threshold", "ratio", "attack", "hold", "release"};
        double[] changed = {-30, 4, 30, 150, 200};
        double[] x = openCloseOpen();
        // Both gates are fully open (exactly 0 dB) well before the level first falls at 1.2 s, so
        // from there on their states are the same and every frame must match.
        int from = (int) (1.15 * SR);
        for (int k = 0; k < names.length; k++) {
            Stage glided = gate(withValue(0, -40));
            assertEquals(Stage.PARAM_APPLIED,
                    glided.setParameter(StageType.globalParamId(names[k]), changed[k]));
            double[] y = DspTestSupport.run(glided, x, BLOCK);
            double[] expected = DspTestSupport.run(gate(withValue(k, changed[k])), x, BLOCK);
            double[] old = DspTestSupport.run(gate(withValue(0, -40)), x, BLOCK);
            DspTestSupport.assertEndsAsPrepared(names[k], expected, y, old, from, 1e-12, 1e-4);
        }
    }

    @Test
    void aRatioChangeGlidesOverTwentyMillisecondsInsteadOfJumping() {
        // Threshold -40, a steady -60 dBFS sine: gain (in - T)(R - 1) = -20 dB at ratio 2, -60 dB
        // at ratio 4. Fast attack and release so the gain follows the requested one closely.
        int change = 187 * BLOCK; // about 0.5 s, on a block boundary
        int frames = change + SR / 10;
        double[] x = DynamicsTestSupport.steppedSine(frames, new int[] {0}, new double[] {-60});
        Stage g = gate(SR, -40, 2, 0.1, 0, 1);
        double[] y = x.clone();
        for (int off = 0; off < frames; off += BLOCK) {
            if (off == change) {
                g.setParameter(StageType.globalParamId("ratio"), 4.0);
            }
            g.process(y, off, Math.min(BLOCK, frames - off));
        }
        double[] gain = DynamicsTestSupport.gainDb(x, y, DynamicsTestSupport.peaks(frames, new int[] {0},
                new double[] {-60}));
        assertEquals(-20, DynamicsTestSupport.gainNear(gain, change - SR / 100), 0.5, "before the change");
        // 2 ms into the 20 ms glide the ratio is 2.2 (requested gain -24 dB), the gain lagging
        // it by about the 1 ms release: between -20 and -25 dB, far from the -60 dB a jump gives.
        double early = DynamicsTestSupport.gainNear(gain, change + 2 * SR / 1000);
        assertTrue(early > -26 && early < -20.5, "2 ms into the glide: " + early + " dB");
        // 10 ms in: ratio 3, requested gain -40 dB.
        assertEquals(-40, DynamicsTestSupport.gainNear(gain, change + SR / 100), 3.0, "halfway");
        assertEquals(-60, DynamicsTestSupport.gainNear(gain, change + SR / 20), 1.0, "after the glide");
    }

    @Test
    void aPreparedGateStartsWithTheDocumentedDefaults() {
        // Defaults: threshold -60, ratio 10, attack 1, hold 50, release 100.
        NoiseGate bare = new NoiseGate();
        bare.prepare(new ProcessSpec(SR, BLOCK));
        int[] starts = {0, SR / 2, SR};
        double[] levels = {-30, -70, -30};
        double[] x = DynamicsTestSupport.steppedSine(3 * SR / 2, starts, levels);
        double[] y = DspTestSupport.run(bare, x, BLOCK);
        double[] expected = DspTestSupport.run(gate(SR, -60, 10, 1, 50, 100), x, BLOCK);
        DspTestSupport.assertSameFrames(expected, y);
        double[] gain = DynamicsTestSupport.gainDb(x, y, DynamicsTestSupport.peaks(x.length, starts, levels));
        // At -70 dBFS: (-70 + 60)(10 - 1) = -90 dB (ripple of the detector times R - 1 = 9).
        assertEquals(-90, DynamicsTestSupport.gainNear(gain, SR - SR / 50), 2.0, "closed at -70 dBFS");
        assertEquals(0, DynamicsTestSupport.lastGain(gain), 1e-9, "open at -30 dBFS");
    }

    @Test
    void resetAfterClosingWithGlidesUnderWayGivesAFreshGateAtTheGlidesTargets() {
        double[] closing = DynamicsTestSupport.steppedSine(SR / 2, new int[] {0}, new double[] {-60});
        Stage g = gate(SR, -40, 2, 1, 50, 20);
        double[] y0 = DspTestSupport.run(g, closing, BLOCK);
        double closedGain = 20 * Math.log10(Math.abs(y0[y0.length - 12] / closing[closing.length - 12]));
        assertEquals(-20, closedGain, 0.5, "closed before the reset");
        g.setParameter(StageType.globalParamId("threshold"), -70.0);
        g.setParameter(StageType.globalParamId("ratio"), 4.0);
        g.reset();
        int[] starts = {0, SR / 4, SR / 2};
        double[] levels = {-60, -80, -60};
        double[] x = DynamicsTestSupport.steppedSine(3 * SR / 4, starts, levels);
        double[] y = DspTestSupport.run(g, x, BLOCK);
        double[] expected = DspTestSupport.run(gate(SR, -70, 4, 1, 50, 20), x, BLOCK);
        DspTestSupport.assertSameFrames(expected, y);
    }

    /** First frame at or after {@code from} where the gate changed the signal. */
    private static int firstChanged(double[] x, double[] y, int from) {
        for (int n = from; n < x.length; n++) {
            if (y[n] != x[n]) {
                return n;
            }
        }
        return -1;
    }

    /** A sine with no zero samples (a zero sample cannot show a gain). */
    private static double[] fallingSine(int sampleRate, int frames, int fall) {
        double[] x = new double[frames];
        for (int n = 0; n < frames; n++) {
            double a = n < fall ? 0.1 : 0.001;
            x[n] = a * Math.sin(2 * Math.PI * 1000 * n / sampleRate + 0.3);
        }
        return x;
    }

    @Test
    void theGainStaysExactlyZeroDecibelsForExactlyTheHoldTimeAfterTheLevelFalls() {
        int fall = SR / 2;
        double[] x = fallingSine(SR, SR, fall);
        // Without a hold the gate starts closing on the first frame the detector is below the
        // threshold; with 10 ms (480 frames) it starts exactly 480 frames later.
        double[] noHold = DspTestSupport.run(gate(SR, -40, 10, 1, 0, 1), x, BLOCK);
        double[] held = DspTestSupport.run(gate(SR, -40, 10, 1, 10, 1), x, BLOCK);
        int below = firstChanged(x, noHold, fall);
        int closing = firstChanged(x, held, fall);
        assertTrue(below > fall, "the level fell below the threshold after the step");
        assertEquals(480, closing - below, "frames held fully open");
    }

    @Test
    void aGateHandedOverAtTwiceTheRateKeepsItsHoldInTimeAndAClosedOneStaysClosed() {
        int fall = SR / 2;
        int handOver = fall + 40 * SR / 1000; // 40 ms into a 100 ms hold (detector crossing aside)
        double[] x = fallingSine(SR, SR, fall);
        Stage from = gate(SR, -40, 10, 1, 100, 1);
        Stage twin = gate(SR, -40, 10, 1, 100, 1);
        double[] head = java.util.Arrays.copyOf(x, handOver);
        DspTestSupport.run(from, head, BLOCK);
        double[] twinOut = DspTestSupport.run(twin, x, BLOCK);
        int twinClosing = firstChanged(x, twinOut, handOver) - handOver;
        assertTrue(twinClosing > 0, "still held at the hand-over");

        int sr2 = 2 * SR;
        Stage to = gate(sr2, -40, 10, 1, 100, 1);
        assertTrue(to.takeStateFrom(from, 0.0));
        double[] x2 = new double[sr2 / 2];
        for (int n = 0; n < x2.length; n++) {
            x2[n] = 0.001 * Math.sin(2 * Math.PI * 1000 * (n + 2.0 * handOver) / sr2 + 0.3);
        }
        double[] y2 = DspTestSupport.run(to, x2, BLOCK);
        int closing = firstChanged(x2, y2, 0);
        // The rest of the hold, in time: twice as many frames at twice the rate (within a frame
        // of rounding).
        assertEquals(2.0 * twinClosing, closing, 2.0, "frames until the handed-over gate closes");
        // And once closed, at -60 dBFS: (-60 + 40)(10 - 1) = -180 dB.
        double closed = 20 * Math.log10(Math.abs(y2[y2.length - 5] / x2[x2.length - 5]));
        assertEquals(-180, closed, 2.0, "closed after the hold");

        // A closed gate handed over stays closed from its first frame (a fresh one starts open).
        Stage to2 = gate(sr2, -40, 10, 1, 100, 1);
        assertTrue(to2.takeStateFrom(to, 0.0));
        double[] y3 = DspTestSupport.run(to2, x2, BLOCK);
        for (int n = 0; n < 96; n++) {
            double g = 20 * Math.log10(Math.abs(y3[n] / x2[n]));
            assertEquals(-180, g, 3.0, "frame " + n + " after handing over a closed gate");
        }
    }

    @Test
    void aRatioGlideInProgressCarriesOnAcrossAHandOver() {
        // -60 dBFS at threshold -40: gain -20 dB at ratio 2, -60 dB at ratio 4. The hand-over
        // comes 10 ms into the 20 ms glide, when the ratio is 3 (-40 dB).
        double[] x = DynamicsTestSupport.steppedSine(SR, new int[] {0}, new double[] {-60});
        int change = SR / 2;
        int handOver = change + SR / 100;
        Stage from = gate(SR, -40, 2, 0.1, 0, 1);
        double[] head = java.util.Arrays.copyOf(x, handOver);
        for (int off = 0; off < handOver; off += 96) {
            if (off == change) {
                from.setParameter(StageType.globalParamId("ratio"), 4.0);
            }
            from.process(head, off, Math.min(96, handOver - off));
        }
        int sr2 = 2 * SR;
        Stage to = gate(sr2, -40, 2, 0.1, 0, 1);
        // The edit reached the new path too (it is built from the same description).
        to.setParameter(StageType.globalParamId("ratio"), 4.0);
        assertTrue(to.takeStateFrom(from, 0.0));
        double[] x2 = new double[sr2 / 10];
        for (int n = 0; n < x2.length; n++) {
            x2[n] = 0.001 * Math.sin(2 * Math.PI * 1000 * (n + 2.0 * handOver) / sr2);
        }
        double[] y2 = DspTestSupport.run(to, x2, BLOCK);
        double[] gain = DynamicsTestSupport.gainDb(x2, y2, DynamicsTestSupport.peaks(x2.length, new int[] {0},
                new double[] {-60}));
        // 2 ms after the hand-over the ratio is 3.2: requested gain -44 dB (lagging by ~1 ms).
        assertEquals(-43, DynamicsTestSupport.gainNear(gain, sr2 / 500), 3.0, "2 ms after the hand-over");
        assertEquals(-60, DynamicsTestSupport.gainNear(gain, sr2 / 20), 1.0, "after the glide");
    }
}
