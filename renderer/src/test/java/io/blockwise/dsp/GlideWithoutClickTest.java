package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A {@code setParameter} mid-stream never clicks: the largest sample-to-sample step from the
 * change until the stage has settled is no larger than the largest step of the steady signal
 * (after the change; for a change that makes the signal quieter, the steady signal before it),
 * plus a margin of 2%.
 *
 * <p>Why 2%: during a linear glide of a gain g the step is {@code g dx + x dg}; for a 100 Hz
 * sine at 48 kHz (own step 1.3% of its amplitude) and the largest change here (0.2 to 2 over
 * 960 frames, dg = 0.0019 a frame) the second term adds at most 0.3% to the first. A click,
 * a parameter that jumps, adds the whole change times the signal at once: for level 0.2 to 2.0
 * that is 70 times the signal's own step ({@link #aJumpWithoutAGlideIsCaught} shows it fails).
 */
class GlideWithoutClickTest {
    private static final int SR = 48000;
    private static final int BLOCK = 128;
    private static final double MARGIN = 1.02;

    /** Result of one change: the worst step around it and the steady steps before and after. */
    record Steps(double around, double before, double after) {
        double ratio(boolean louderAfter) {
            return around / (louderAfter ? after : Math.max(before, after));
        }
    }

    /**
     * Runs {@code x} through {@code stage}, sets {@code param} to {@code value} at the block
     * starting at {@code change}, and measures steps: before over [change - 1 s, change), around
     * over [change, change + settle), after over the last second.
     */
    static Steps measure(Stage stage, double[] x, int change, int settle, String param, double value) {
        double[] y = x.clone();
        for (int off = 0; off < y.length; off += BLOCK) {
            if (off == change) {
                int r = stage.setParameter(StageType.globalParamId(param), value);
                if (r != Stage.PARAM_APPLIED) {
                    throw new AssertionError(param + " refused: " + r);
                }
            }
            stage.process(y, off, Math.min(BLOCK, y.length - off));
        }
        return new Steps(DspTestSupport.maxStep(y, change, change + settle),
                DspTestSupport.maxStep(y, change - SR, change),
                DspTestSupport.maxStep(y, y.length - SR, y.length));
    }

    private static void assertNoClick(String what, Steps s, boolean louderAfter) {
        double ratio = s.ratio(louderAfter);
        System.out.printf("%-40s largest step around the change / steady: %.4f%n", what, ratio);
        assertTrue(ratio <= MARGIN, what + ": around " + s.around + ", steady before " + s.before
                + ", after " + s.after);
    }

    private static double[] sine(double amp, double seconds) {
        return DspTestSupport.sine(100, amp, SR, (int) (seconds * SR));
    }

    private static final int CHANGE = 2 * SR / BLOCK * BLOCK;

    @Test
    void levelGainFromPointTwoToTwoDoesNotClick() {
        Stage s = DspTestSupport.build(StageType.LEVEL, SR, BLOCK, "gain", 0.2);
        assertNoClick("level.gain 0.2 -> 2.0", measure(s, sine(0.5, 4), CHANGE, SR / 2, "gain", 2.0), true);
    }

    @Test
    void aJumpWithoutAGlideIsCaught() {
        // The same change applied as a jump (no glide) must fail the criterion.
        Stage s = DspTestSupport.build(StageType.LEVEL, SR, BLOCK, "gain", 0.2);
        double[] y = sine(0.5, 4);
        int quarter = CHANGE + 120; // a frame where the sine is far from zero
        for (int off = 0; off < y.length; off += BLOCK) {
            int len = Math.min(BLOCK, y.length - off);
            if (off <= quarter && quarter < off + len) {
                s.process(y, off, quarter - off);
                s.initParameter(0, 2.0);
                s.process(y, quarter, off + len - quarter);
            } else {
                s.process(y, off, len);
            }
        }
        double around = DspTestSupport.maxStep(y, CHANGE, CHANGE + SR / 2);
        double after = DspTestSupport.maxStep(y, y.length - SR, y.length);
        assertTrue(around / after > 10, "a jump gives " + around / after);
    }

    @Test
    void preampGainDoesNotClick() {
        Stage s = DspTestSupport.build(StageType.PREAMP, SR, BLOCK, "gain", 1.0);
        assertNoClick("preamp.gain 1 -> 4", measure(s, sine(0.1, 4), CHANGE, SR / 2, "gain", 4.0), true);
    }

    @Test
    void noiseGateThresholdDoesNotClick() {
        Stage s = DspTestSupport.build(StageType.NOISE_GATE, SR, BLOCK, "threshold", -10.0, "ratio", 4.0);
        assertNoClick("noiseGate.threshold -10 -> -60 (opens)",
                measure(s, sine(0.1, 4), CHANGE, SR / 2, "threshold", -60.0), true);
    }

    @Test
    void compressorMakeupDoesNotClick() {
        Stage s = DspTestSupport.build(StageType.COMPRESSOR, SR, BLOCK, "makeup", 0.0);
        assertNoClick("compressor.makeup 0 -> 12 dB",
                measure(s, sine(0.03, 4), CHANGE, SR / 2, "makeup", 12.0), true);
    }

    @Test
    void compressorThresholdDoesNotClick() {
        Stage s = DspTestSupport.build(StageType.COMPRESSOR, SR, BLOCK, "threshold", -40.0, "attack", 1.0);
        assertNoClick("compressor.threshold -40 -> 0 dB",
                measure(s, sine(0.5, 4), CHANGE, SR / 2, "threshold", 0.0), true);
    }

    @Test
    void toneStackBassDoesNotClick() {
        Stage s = DspTestSupport.build(StageType.TONE_STACK, SR, BLOCK, "model", "modern");
        assertNoClick("toneStack.bass 1 -> 2", measure(s, sine(0.3, 4), CHANGE, SR / 2, "bass", 2.0), true);
    }

    @Test
    void powerAmpDriveDoesNotClick() {
        Stage s = DspTestSupport.build(StageType.POWER_AMP, SR, BLOCK, "drive", 0.2);
        assertNoClick("powerAmp.drive 0.2 -> 0.8", measure(s, sine(0.05, 4), CHANGE, SR / 2, "drive", 0.8), true);
    }

    @Test
    void multibandLowLevelAndCrossoverDoNotClick() {
        Stage s = DspTestSupport.build(StageType.MULTIBAND_SATURATOR, SR, BLOCK);
        assertNoClick("multibandSaturator.lowLevel 1 -> 2",
                measure(s, sine(0.3, 4), CHANGE, SR / 2, "lowLevel", 2.0), true);
        // A crossover sweep moves the phase of the flat sum at frequencies near the crossover,
        // which bends their pitch while it moves (a 100 Hz tone under a 50 -> 500 Hz sweep
        // briefly rises by tens of Hz): smooth, but not what this criterion measures. Tones
        // far from the swept range isolate what a click would come from, the coefficients.
        Stage t = DspTestSupport.build(StageType.MULTIBAND_SATURATOR, SR, BLOCK, "lowDrive", 0.0,
                "midDrive", 0.0, "highDrive", 0.0, "lowFreq", 200.0, "highFreq", 3000.0);
        assertNoClick("multibandSaturator.lowFreq 200 -> 500, 3 kHz tone",
                measure(t, DspTestSupport.sine(3000, 0.3, SR, 4 * SR), CHANGE, SR / 2, "lowFreq", 500.0), false);
        Stage u = DspTestSupport.build(StageType.MULTIBAND_SATURATOR, SR, BLOCK, "lowDrive", 0.0,
                "midDrive", 0.0, "highDrive", 0.0, "lowFreq", 50.0, "highFreq", 3000.0);
        assertNoClick("multibandSaturator.highFreq 3000 -> 6000, 200 Hz tone",
                measure(u, DspTestSupport.sine(200, 0.3, SR, 4 * SR), CHANGE, SR / 2, "highFreq", 6000.0), false);
    }

    @Test
    void delayTimeDoesNotClick() {
        Stage s = DspTestSupport.build(StageType.DELAY, SR, BLOCK, "time", 300.0, "feedback", 0.0, "mix", 0.5);
        assertNoClick("delay.time 300 -> 310 ms", measure(s, sine(0.3, 4), CHANGE, SR / 2, "time", 310.0), false);
    }

    @Test
    void reverbMixDoesNotClick() {
        Stage s = DspTestSupport.build(StageType.REVERB, SR, BLOCK, "mix", 0.1);
        assertNoClick("reverb.mix 0.1 -> 0.9", measure(s, sine(0.3, 8), 6 * SR / BLOCK * BLOCK, SR / 2, "mix", 0.9), false);
    }

    @Test
    void eqBandDoesNotClick() {
        Stage s = DspTestSupport.build(StageType.EQ, SR, BLOCK);
        assertNoClick("eq.band_3 0 -> 12 dB", measure(s, sine(0.1, 4), CHANGE, SR / 2, "band_3", 12.0), true);
    }

    @Test
    void tremoloDepthDoesNotClick() {
        Stage s = DspTestSupport.build(StageType.TREMOLO, SR, BLOCK, "depth", 0.2);
        assertNoClick("tremolo.depth 0.2 -> 0.9", measure(s, sine(0.3, 4), CHANGE, SR / 2, "depth", 0.9), false);
    }
}
