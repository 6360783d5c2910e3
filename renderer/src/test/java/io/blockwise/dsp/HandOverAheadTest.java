package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A ring stage's hand-over spread over the warm-up ({@link Stage#planHandOver},
 * {@link Stage#handOverAhead}, then {@link Stage#takeStateFrom} at T), driven block by block as the
 * engine's {@code ChainPaths} drives it, at {@value #PER_FRAME} samples per engine frame: no block's
 * work ahead exceeds its budget, what is left at T is only the ages the stages write in the last
 * block, and the state after T is bit for bit that of a twin stage that took the one-shot copy at T.
 * The twin runs the same input and is the reference; the budget per block is checked on the
 * values {@code handOverAhead} returns and on {@code handOverLeft}.
 */
class HandOverAheadTest {
    static final int SR = 48000;
    static final int BLOCK = 128;
    static final int PER_FRAME = 256;
    private static final double[][] NO_STATE = new double[0][];

    /** What a warm-up did: the planned work, the most done ahead in one block, the rest at T. */
    record Run(long work, long warmUp, long mostAhead, long restAtT) {
    }

    /**
     * Runs {@code from} (at {@code ff} x SR, already full) beside {@code to} and {@code twin} (at
     * {@code tf} x SR, fresh) through a warm-up as ChainPaths would make it, with a hand-over at
     * its end into both, {@code to} with the work spread and {@code twin} one-shot; then checks
     * that their state is the same, bit for bit, and so is their output after T. {@code midWay}, if
     * any, runs at the warm-up's middle block.
     */
    private static Run warmUp(Stage from, Stage to, Stage twin, int ff, int tf, double lagSeconds, long minWarmUp,
            SplittableRandom r, Runnable midWay) {
        long work = to.planHandOver(from);
        assertEquals(work, to.handOverLeft(), "nothing done yet");
        long warmUp = Math.max(minWarmUp, (work + PER_FRAME - 1) / PER_FRAME);
        // ChainPaths's budget: 256 samples a frame, or the rate the rings' young ages become safe.
        long perFrame = Math.max(PER_FRAME, (long) to.handOverRings() * tf);
        long left = warmUp;
        long mostAhead = 0;
        long restAtT = -1;
        long blocks = 0;
        while (restAtT < 0) {
            if (blocks++ == warmUp / BLOCK / 2 && midWay != null) {
                midWay.run();
            }
            long budget = perFrame * BLOCK;
            long before = to.handOverLeft();
            long done = to.handOverAhead(from, lagSeconds, left, SR, budget);
            assertTrue(done >= 0 && done <= budget, done + " done ahead in a block whose budget is " + budget);
            if (midWay == null) {
                assertEquals(before - done, to.handOverLeft(), "what is left goes down by what was done");
            }
            mostAhead = Math.max(mostAhead, done);
            int first = (int) Math.min(left, BLOCK);
            run(from, to, twin, ff, tf, first, r, midWay == null);
            left -= first;
            if (left == 0) {
                restAtT = to.handOverLeft();
                assertTrue(to.takeStateFrom(from, lagSeconds));
                assertTrue(twin.takeStateFrom(from, lagSeconds));
                assertEquals(0, to.handOverLeft(), "the hand-over is done");
                double[][] a = state(to);
                double[][] b = state(twin);
                for (int i = 0; i < a.length; i++) {
                    assertArrayEquals(b[i], a[i], "state array " + i + " at T");
                }
                run(from, to, twin, ff, tf, BLOCK - first, r, true);
            }
        }
        // After T the two play the same, the echoes of the old line included.
        run(from, to, twin, ff, tf, (int) (2.1 * SR), r, true);
        return new Run(work, warmUp, mostAhead, restAtT);
    }

    /**
     * {@code frames} engine frames of noise: {@code from} at its rate, {@code to} and {@code twin}
     * the same at theirs, their outputs compared when {@code same}: before T too, as a delay's
     * read head must not read what was copied ahead (it would play the old line's echoes where
     * the twin plays its own warm-up, and feed them back into its young ages).
     */
    private static void run(Stage from, Stage to, Stage twin, int ff, int tf, int frames, SplittableRandom r,
            boolean same) {
        double[] x = noise(r, frames * ff);
        from.processWithBypass(x, new double[x.length], 0, x.length);
        double[] y = noise(r, frames * tf);
        double[] z = y.clone();
        to.processWithBypass(y, new double[y.length], 0, y.length);
        twin.processWithBypass(z, new double[z.length], 0, z.length);
        if (same) {
            assertArrayEquals(z, y, "the two new stages' outputs");
        }
    }

    private static double[] noise(SplittableRandom r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble(-0.5, 0.5);
        }
        return x;
    }

    private static double[][] state(Stage s) {
        return s instanceof Delay d ? d.stateArrays() : s instanceof Reverb v ? v.stateArrays() : NO_STATE;
    }

    private static Stage delay(int rate, double ms) {
        return delay(rate, ms, 0.5);
    }

    private static Stage delay(int rate, double ms, double feedback) {
        return DspTestSupport.build(StageType.DELAY, rate, BLOCK * 16, "time", ms, "feedback", feedback, "mix", 0.5);
    }

    /** The old stage, filled: {@code seconds} of noise. */
    private static Stage filled(Stage s, int factor, double seconds, SplittableRandom r) {
        double[] x = noise(r, (int) (seconds * SR * factor));
        s.processWithBypass(x, new double[x.length], 0, x.length);
        return s;
    }

    @Test
    void aTwoSecondDelayTakenFrom1xTo16xIsCopiedWithinTheBudgetOfEachBlockAndEndsAsTheOneShotCopy() {
        SplittableRandom r = new SplittableRandom(1);
        Stage from = filled(delay(SR, 2000), 1, 2.2, r);
        Stage to = delay(16 * SR, 2000);
        Stage twin = delay(16 * SR, 2000);
        double lag = 41.7 / SR; // about the 16x oversampler's up-path latency
        Run run = warmUp(from, to, twin, 1, 16, lag, 2 * 83 + 240, r, null);
        // The read head reaches 2 s at 16x plus the interpolator's 3: 1,536,003 samples, at 256
        // a frame a warm-up of 6,001 frames (125 ms) instead of 406.
        assertEquals(1_536_003, run.work());
        assertEquals(6001, run.warmUp());
        assertEquals(PER_FRAME * BLOCK, run.mostAhead(), "the budget is used to the full");
        // T falls 113 frames into the last block (6001 - 46 * 128): what is left there is the
        // ages the new stage writes itself in those frames, and the 4 its read head reads
        // before T.
        assertTrue(run.restAtT() <= 113 * 16 + 4, "left at T: " + run.restAtT());
        System.out.printf("2 s delay 1x -> 16x: %d samples, warm-up %d frames, at most %d ahead a block, %d at T%n",
                run.work(), run.warmUp(), run.mostAhead(), run.restAtT());
    }

    @Test
    void aDelayTakenDownFrom16xTo1xWithANegativeLagEndsAsTheOneShotCopy() {
        // The youngest ages at T, which the old stage had not heard yet (the lag), keep the new
        // stage's own samples, with the feedback of what its read head read in the warm-up.
        SplittableRandom r = new SplittableRandom(2);
        Stage from = filled(delay(16 * SR, 700), 16, 0.8, r);
        Stage to = delay(SR, 700);
        Stage twin = delay(SR, 700);
        double lag = -41.7 / SR;
        Run run = warmUp(from, to, twin, 16, 1, lag, 240, r, null);
        assertEquals(33_603, run.work());
        assertEquals(240, run.warmUp(), "a short copy does not lengthen the warm-up");
        // 240 = 128 + 112: the rest at T is the 112 frames the new stage writes in the last
        // block, the 42 the old one had not heard when they were copied ahead, and the 4 the
        // read head reads before T.
        assertTrue(run.restAtT() <= 112 + 43 + 4, "left at T: " + run.restAtT());
    }

    @Test
    void aReverbTakenFrom2xTo16xIsCopiedLineAfterLineWithinTheBudgetAndEndsAsTheOneShotCopy() {
        SplittableRandom r = new SplittableRandom(3);
        Stage from = filled(DspTestSupport.build(StageType.REVERB, 2 * SR, BLOCK * 16, "roomSize", 0.9, "mix", 0.5), 2, 0.3, r);
        Stage to = DspTestSupport.build(StageType.REVERB, 16 * SR, BLOCK * 16, "roomSize", 0.9, "mix", 0.5);
        Stage twin = DspTestSupport.build(StageType.REVERB, 16 * SR, BLOCK * 16, "roomSize", 0.9, "mix", 0.5);
        Run run = warmUp(from, to, twin, 2, 16, 12.5 / SR, 2 * 83 + 240, r, null);
        long lines = 0;
        for (int t : Reverb.COMB_TUNING) {
            lines += Reverb.scaledLength(t, 16 * SR);
        }
        for (int t : Reverb.ALLPASS_TUNING) {
            lines += Reverb.scaledLength(t, 16 * SR);
        }
        assertEquals(lines, run.work(), "every line whole");
        assertEquals((lines + PER_FRAME - 1) / PER_FRAME, run.warmUp());
        // Up to 16 x the last block's frames per line are left at T, twelve lines.
        assertTrue(run.restAtT() <= 12 * 16 * BLOCK, "left at T: " + run.restAtT());
    }

    @Test
    void twoBypassedDelaysRunNoFramesSoTheCopyIsDoneAheadButForTheFourAgesAtTheReadHead() {
        SplittableRandom r = new SplittableRandom(4);
        Stage from = filled(delay(SR, 1500), 1, 1.6, r);
        from.setBypassed(true);
        filled(from, 1, 0.02, r); // through the bypass ramp: the line stands still from here
        Stage to = delay(8 * SR, 1500);
        Stage twin = delay(8 * SR, 1500);
        to.initBypassed(true);
        twin.initBypassed(true);
        Run run = warmUp(from, to, twin, 1, 8, 40.9 / SR, 2 * 81 + 240, r, null);
        assertEquals(4, run.restAtT(), "the delay and the 3 ages beyond it, held as for a running head");
    }

    @Test
    void bypassingBothDelaysHalfWayThroughTheWarmUpRestartsTheCopyAndItStillEndsAsTheOneShotCopy() {
        SplittableRandom r = new SplittableRandom(5);
        Stage from = filled(delay(SR, 2000), 1, 2.1, r);
        Stage to = delay(4 * SR, 2000);
        Stage twin = delay(4 * SR, 2000);
        // Work done ahead assumed both lines run every frame; from the middle block on they stop
        // after the bypass ramp, so that work no longer stands and the copy starts over.
        Run run = warmUp(from, to, twin, 1, 4, 39.0 / SR, 2 * 78 + 240, r, () -> {
            from.setBypassed(true);
            to.setBypassed(true);
            twin.setBypassed(true);
        });
        assertEquals(384_003, run.work());
    }
}
