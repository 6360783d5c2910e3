package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bypassed stage stops running at the frame its bypass ramp reaches dry, not at the end of that
 * block, so a stage with state (a reverb's tail) sounds the same after it is un-bypassed whatever
 * the block size. Found by the fuzzer's block-size property (seed 1, try 83).
 */
class BypassBlockSizeTest {
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

    @Test
    void aStageBypassedAndUnbypassedSoundsTheSameAtBlockSizes96And48() {
        double[] big = ScenarioRuns.mono(ScenarioRuns.render(SCENARIO.formatted(96, 96), tmp.resolve("96")).outputWav());
        double[] small = ScenarioRuns.mono(ScenarioRuns.render(SCENARIO.formatted(48, 48), tmp.resolve("48")).outputWav());
        assertEquals(big.length, small.length);
        double tail = 0;
        for (int i = 9600; i < big.length; i++) {
            tail = Math.max(tail, Math.abs(big[i]));
        }
        assertTrue(tail > 0.01, "the un-bypassed reverb is heard: " + tail);
        for (int i = 0; i < big.length; i++) {
            assertEquals(big[i], small[i], "frame " + i);
        }
    }
}
