package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chain edits whose fades end inside a block act at that frame, not at the end of the block, so
 * the same scenario sounds the same at block sizes 96 and 48 (events on frames that are edges of
 * both): a bypassed stage stops running where its ramp reaches dry (found by the fuzzer's
 * block-size property, seed 1, try 83), and a swapped pair changes places where it reached dry.
 */
class BlockSizeIndependenceTest {
    @TempDir
    Path tmp;

    // 32 kHz: the 10 ms ramp is 320 frames, so from frame 960 it reaches dry near frame 1280, in
    // the first half of a 96-frame block (1248..1343) and so in different blocks of 96 and of 48.
    private static final String SCENARIO = """
            {"format": "blockwise/1", "name": "bypass-%d", "sampleRate": 32000, "blockSize": %d, "duration": 14400,
             "seed": 3, "input": {"type": "noise", "amp": 0.3},
             "output": {"encoding": "float32"},
             "setup": {"chain": [{"type": "reverb", "roomSize": 0.9, "mix": 0.6}]},
             "events": [{"at": 960, "do": "setStageBypassed", "index": 0, "bypassed": true},
                        {"at": 9600, "do": "setStageBypassed", "index": 0, "bypassed": false}]}
            """;

    // The dip to dry reaches it near frame 960 + 320, in different blocks of 96 and of 48.
    private static final String SWAP = """
            {"format": "blockwise/1", "name": "swap-%d", "sampleRate": 32000, "blockSize": %d, "duration": 14400,
             "seed": 3, "input": {"type": "noise", "amp": 0.3},
             "output": {"encoding": "float32"},
             "setup": {"chain": [{"type": "tremolo"}, {"type": "delay", "mix": 0.5}]},
             "events": [{"at": 960, "do": "swapStages", "a": 0, "b": 1}]}
            """;

    @Test
    void aStageBypassedAndUnbypassedSoundsTheSameAtBlockSizes96And48() {
        double[] big = render(SCENARIO, 96);
        double[] small = render(SCENARIO, 48);
        double tail = 0;
        for (int i = 9600; i < big.length; i++) {
            tail = Math.max(tail, Math.abs(big[i]));
        }
        assertTrue(tail > 0.01, "the un-bypassed reverb is heard: " + tail);
        assertSame(big, small);
    }

    // Filter glides (20 ms, 640 frames) redesigned every 16 frames: the glides start on edges of
    // both sizes (150 and 75, not multiples of 16), but a block of 75 ends mid-way through a block
    // of 150 (e.g. 975), where a segment counted from the block would restart at one size only.
    private static final String FILTER_GLIDES = """
            {"format": "blockwise/1", "name": "glides-%d", "sampleRate": 32000, "blockSize": %d, "duration": 4800,
             "seed": 3, "input": {"type": "noise", "amp": 0.3},
             "output": {"encoding": "float32"},
             "setup": {"chain": [{"type": "eq"}, {"type": "toneStack"}, {"type": "multibandSaturator"}]},
             "events": [{"at": 900, "do": "setParameter", "stage": 0, "param": "band_8", "value": -11.5},
                        {"at": 900, "do": "setParameter", "stage": 1, "param": "mid", "value": 0.1},
                        {"at": 1200, "do": "setParameter", "stage": 2, "param": "lowFreq", "value": 420},
                        {"at": 1200, "do": "setParameter", "stage": 2, "param": "highFreq", "value": 1900}]}
            """;

    /**
     * Found by the fuzzer's block-size property (seed 20261205, try 438: an EQ band's glide
     * differed by 0.5 % at its last frame between block sizes 163 and 326): glide segments were
     * counted from each block's start.
     */
    @Test
    void filterGlidesSoundTheSameAtBlockSizes150And75() {
        double[] big = render(FILTER_GLIDES, 150);
        double[] small = render(FILTER_GLIDES, 75);
        assertSame(big, small);
    }

    @Test
    void aSwapSoundsTheSameAtBlockSizes96And48() {
        double[] big = render(SWAP, 96);
        double[] small = render(SWAP, 48);
        assertSame(big, small);
    }

    private double[] render(String scenario, int blockSize) {
        String name = (scenario == SWAP ? "swap-" : scenario == FILTER_GLIDES ? "glides-" : "bypass-") + blockSize;
        return ScenarioRuns.mono(ScenarioRuns.render(scenario.formatted(blockSize, blockSize), tmp.resolve(name)).outputWav());
    }

    private static void assertSame(double[] big, double[] small) {
        assertEquals(big.length, small.length);
        for (int i = 0; i < big.length; i++) {
            assertEquals(big[i], small[i], "frame " + i);
        }
    }
}
