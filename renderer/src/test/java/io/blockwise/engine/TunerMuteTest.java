package io.blockwise.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The tuner's mute: a linear fade of {@code fadeFrames} steps, one step per frame. With a fade of
 * 4 frames every gain is a multiple of 1/4, so the expected samples below are exact.
 */
class TunerMuteTest {
    private static final int FADE = 4;

    @Test
    void anOpenMuteLeavesTheBlockUntouchedNegativeZeroIncluded() {
        TunerMute m = new TunerMute(FADE);
        double[] buf = {0.3, -0.0, -1.0, 7.0};
        m.apply(buf, buf.length);
        assertArrayEquals(new double[] {0.3, -0.0, -1.0, 7.0}, buf);
    }

    @Test
    void mutingFadesDownOneStepPerFrameToExactlyPositiveZeroAndStaysThere() {
        TunerMute m = new TunerMute(FADE);
        m.set(true);
        double[] buf = ones(6);
        m.apply(buf, 6);
        assertArrayEquals(new double[] {0.75, 0.5, 0.25, 0.0, 0.0, 0.0}, buf);

        double[] negative = {-1.0, -2.0, -0.0};
        m.apply(negative, 3);
        assertArrayEquals(new double[] {0.0, 0.0, 0.0}, negative, "a muted block is +0, never -0");
    }

    @Test
    void aNegativeSignalFadesToPositiveZeroNotNegativeZero() {
        TunerMute m = new TunerMute(FADE);
        m.set(true);
        double[] buf = {-1.0, -1.0, -1.0, -1.0, -1.0};
        m.apply(buf, 5);
        assertArrayEquals(new double[] {-0.75, -0.5, -0.25, 0.0, 0.0}, buf);
    }

    @Test
    void unmutingFadesBackUpAndThenPassesTheSignalThrough() {
        TunerMute m = new TunerMute(FADE);
        m.setImmediately(true);
        m.set(false);
        double[] buf = ones(6);
        m.apply(buf, 6);
        assertArrayEquals(new double[] {0.25, 0.5, 0.75, 1.0, 1.0, 1.0}, buf);

        double[] after = {0.5, -0.0};
        m.apply(after, 2);
        assertArrayEquals(new double[] {0.5, -0.0}, after);
    }

    @Test
    void aFadeReversedHalfwayTurnsBackFromWhereItWasAcrossBlocks() {
        TunerMute m = new TunerMute(FADE);
        m.set(true);
        double[] down = ones(2);
        m.apply(down, 2);
        assertArrayEquals(new double[] {0.75, 0.5}, down);

        m.set(false);
        double[] up = ones(4);
        m.apply(up, 4);
        assertArrayEquals(new double[] {0.75, 1.0, 1.0, 1.0}, up);
    }

    @Test
    void setImmediatelyMutesOrOpensAtOnceWithoutAFade() {
        TunerMute m = new TunerMute(FADE);
        m.setImmediately(true);
        double[] buf = ones(3);
        m.apply(buf, 3);
        assertArrayEquals(new double[] {0.0, 0.0, 0.0}, buf);

        m.setImmediately(false);
        double[] open = ones(3);
        m.apply(open, 3);
        assertArrayEquals(ones(3), open);
    }

    @Test
    void onlyTheGivenNumberOfFramesIsTouched() {
        TunerMute m = new TunerMute(FADE);
        m.set(true);
        double[] buf = ones(6);
        m.apply(buf, 2);
        assertArrayEquals(new double[] {0.75, 0.5, 1.0, 1.0, 1.0, 1.0}, buf);

        m.setImmediately(true);
        double[] silent = ones(4);
        m.apply(silent, 3);
        assertArrayEquals(new double[] {0.0, 0.0, 0.0, 1.0}, silent);
    }

    private static double[] ones(int n) {
        double[] a = new double[n];
        Arrays.fill(a, 1.0);
        return a;
    }
}
