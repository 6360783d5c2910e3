package io.blockwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.dsp.Stage;
import io.blockwise.dsp.StageType;
import io.blockwise.rt.EventLog;
import io.blockwise.rt.ResourceRegistry;
import io.blockwise.rt.RetireQueue;
import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.StageSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ChainPaths}: an oversampling change copies the stages' lines ahead during the new path's
 * warm-up, at most {@code 256} samples per frame of each block (or the lines times the new factor,
 * when more), and lengthens the warm-up to {@code ceil(work / 256)} frames when that is longer
 * than twice the new oversampler's latency plus 5 ms (at 48 kHz, 16x: 2 x 83 + 240 = 406 frames).
 * Observed through the new stages' {@link Stage#handOverLeft} between blocks, against the work
 * computed here from the stages' definitions: a 2 s delay at 16x reaches 2 x 768,000 + 3 samples
 * back; a reverb's twelve lines are the Freeverb lengths scaled to 768 kHz. The warm-up's end is
 * observed as the old path's retirement, a 10 ms (480-frame) crossfade after it.
 */
class AnOversamplingChangeSpreadsItsHandOverCopyOverAWarmUpLongEnoughForItTest {
    static final int SR = 48000;
    static final int BLOCK = 128;
    static final int FACTOR = 16;

    final Engine engine = new Engine(new EngineConfig(SR, BLOCK, 8, 8, 4), new RetireQueue());
    final EngineHandle handle = new EngineHandle(engine, new ResourceRegistry(), new EventLog());
    final SplittableRandom random = new SplittableRandom(9);
    long frame;

    void send(Message m) {
        assertTrue(handle.send(handle.build(m)));
    }

    void block() {
        double[] in = new double[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            in[i] = random.nextDouble(-0.3, 0.3);
        }
        engine.process(in, new double[BLOCK], BLOCK, frame);
        frame += BLOCK;
        handle.drainRtEvents();
    }

    long left(List<Stage> stages) {
        long n = 0;
        for (Stage s : stages) {
            n += s.handOverLeft();
        }
        return n;
    }

    /**
     * Sets up {@code chain} at 1x, plays 0.5 s, changes to 16x; checks each block's work against
     * its budget and what is left at the start of the block of T against the budget plus the
     * last block's young ages; returns the number of blocks after the change's block until the
     * old path is retired.
     */
    int changeTo16x(List<StageSpec> chain, long work, long budgetPerFrame, long youngPerFrame) {
        handle.installSetup(new EngineSetup(null, null, 1, chain, null, 1, 0, false, EngineSetup.Metronome.OFF));
        for (int b = 0; b < SR / 2 / BLOCK; b++) {
            block();
        }
        Stage old = engine.stageAt(0);
        send(new Message.SetOversampling(FACTOR));
        block();
        List<Stage> fresh = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            fresh.add(engine.stageAt(i));
        }
        long budget = budgetPerFrame * BLOCK;
        long warmUp = Math.max(2 * 83 + 240, (work + 255) / 256);
        long tBlock = warmUp / BLOCK; // the block of T, counted from the change's
        long before = left(fresh);
        assertTrue(work - before <= budget && work - before >= 0, (work - before) + " done in the change's block");
        int blocks = 1;
        while (engine.reaches(old)) {
            if (blocks == tBlock) {
                long young = youngPerFrame * (warmUp - tBlock * BLOCK);
                assertTrue(before <= budget + young, "the block of T does " + before + ", its budget is " + budget
                        + " and the ages its frames write " + young);
            }
            block();
            blocks++;
            long now = left(fresh);
            if (blocks <= tBlock) {
                assertTrue(before - now <= budget, (before - now) + " done in block " + blocks + ", budget " + budget);
            } else {
                assertEquals(0, now, "nothing is left after T");
            }
            before = now;
        }
        return blocks;
    }

    @Test
    void aTwoSecondDelayTakenTo16xWarmsUpFor6001FramesAndCopies32768SamplesABlockAtMost() {
        StageSpec delay = StageSpec.defaults(StageType.DELAY).with(0, 2000).with(1, 0.5);
        int blocks = changeTo16x(List.of(delay), 2L * 768_000 + 3, 256, FACTOR);
        // Warm-up 6001 frames, then 480 of crossfade: the old path's gain reaches 0 at frame
        // 6480 after the change, in its 51st block (6400..6527), which retires it.
        assertEquals(51, blocks);
    }

    @Test
    void fourReverbsTakenTo16xCopyAtTheRateTheirLinesYoungAgesBecomeSafe() {
        long lines = 0;
        for (int t : new int[] {1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617, 556, 441, 341, 225}) {
            lines += Math.max(1, Math.round(t * (FACTOR * SR / 44100.0)));
        }
        StageSpec reverb = StageSpec.defaults(StageType.REVERB).with(0, 0.9);
        // 48 lines at 16x: 768 samples a frame, more than 256, or the copy would fall behind.
        int blocks = changeTo16x(Collections.nCopies(4, reverb), 4 * lines, 48 * FACTOR, 48 * FACTOR);
        long warmUp = (4 * lines + 255) / 256;
        assertEquals((warmUp + 480 - 1) / BLOCK + 1, blocks);
        assertFalse(warmUp <= 406, "the copy lengthens the warm-up: " + warmUp);
    }
}
