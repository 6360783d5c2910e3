package io.blockwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.blockwise.dsp.Stage;
import io.blockwise.rt.Resource;
import io.blockwise.rt.RtEventRing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ChainPath}'s leaving chains, as its class comment documents them: a replaced chain's gain
 * falls linearly to 0 from where it stood over the crossfade (480 frames at 48 kHz) and the chain
 * is retired, all its stages, in the block its gain reaches 0; with {@link ChainPath#MAX_LEAVING}
 * chains already leaving, one more {@code setChain} ends the quietest of them at once. Checked by
 * when each stage is handed to the retirer, counted in frames from the documented rule.
 */
class ASetChainDuringAnotherFadeEndsTheQuietestLeavingChainAndTheRestFallFromWhereTheyStoodTest {
    static final int BLOCK = EditsDuringAFadeOrADipKeepTheOtherStagesAndRetireOnTimeTest.BLOCK; // 48
    static final int FADE = EditsDuringAFadeOrADipKeepTheOtherStagesAndRetireOnTimeTest.FADE; // 480

    final List<Resource> retired = new ArrayList<>();
    final ChainPath path = new ChainPath(48000, 4, BLOCK, retired::add);
    final RtEventRing events = new RtEventRing(64);

    static Stage gain(double k) {
        return new EditsDuringAFadeOrADipKeepTheOtherStagesAndRetireOnTimeTest.Gain(k);
    }

    void blocks(int n) {
        for (int i = 0; i < n; i++) {
            double[] buf = new double[BLOCK];
            Arrays.fill(buf, 1.0);
            path.process(buf, BLOCK, events);
        }
    }

    @Test
    void aSetChainOnAnEmptyPathIsHeardExactlyAsItsStagesFadingInFromDry() {
        path.replaceChain(new Stage[] {gain(3)});
        for (int b = 0; b < FADE / BLOCK + 1; b++) {
            double[] buf = new double[BLOCK];
            Arrays.fill(buf, 1.0);
            path.process(buf, BLOCK, events);
            for (int k = 0; k < BLOCK; k++) {
                // The stage's wet share rises by 1/480 a frame (Stage.BYPASS_RAMP_SECONDS) from 0;
                // nothing fades out beside it, so the output is 1 + w (3 - 1).
                double w = Math.min(FADE, b * BLOCK + k + 1) / (double) FADE;
                assertEquals(1 + 2 * w, buf[k], 1e-9, "frame " + (b * BLOCK + k));
            }
        }
    }

    @Test
    void aThirdChainWhileTwoAreLeavingEndsTheOneWithTheLeastGainLeftNotTheOldest() {
        Stage a = gain(2);
        Stage b = gain(3);
        path.replaceChain(new Stage[] {a});
        blocks(10);
        path.replaceChain(new Stage[] {b}); // a leaves with its whole gain: 480 steps
        blocks(2); // a: 384 left
        path.replaceChain(new Stage[] {gain(5)}); // b leaves with the 96 it had
        blocks(1); // a: 336, b: 48
        assertEquals(List.of(), retired);
        path.replaceChain(new Stage[] {gain(7)}); // two leaving already: the quieter, b, ends now
        assertEquals(List.of(b), retired);
    }

    @Test
    void whenTheOlderLeavingChainEndsFirstTheNewerGoesOnFallingFromWhereItStood() {
        Stage a = gain(2);
        Stage b = gain(3);
        path.replaceChain(new Stage[] {a});
        blocks(10);
        path.replaceChain(new Stage[] {b}); // a leaves with 480 steps
        blocks(9); // a: 48 left
        path.replaceChain(new Stage[] {gain(5)}); // b leaves with the 432 it had
        blocks(1); // a reaches 0 and is retired; b: 384 left, 8 blocks
        assertEquals(List.of(a), retired);
        for (int frames = 0; frames < FADE - 2 * BLOCK; frames += BLOCK) {
            assertEquals(List.of(a), retired, "b still has " + (FADE - 2 * BLOCK - frames) + " steps");
            blocks(1);
        }
        assertEquals(List.of(a, b), retired);
    }
}
