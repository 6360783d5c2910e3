package io.blockwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.blockwise.dsp.StageType;
import io.blockwise.rt.EventLog;
import io.blockwise.rt.ResourceRegistry;
import io.blockwise.rt.RetireQueue;
import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.StageSpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tuner mutes the output (the scenario format's {@code tuner}); a set-up with it on is muted
 * from the first frame, not faded down over the crossfade as a {@code setTunerEnabled} message is.
 */
class ATunerOnFromTheSetUpMutesTheOutputFromTheFirstFrameTest {
    static final int BLOCK = 64;

    @Test
    void everyFrameOfTheFirstBlockIsSilentWithTheTunerOnAndHeardWithItOff() {
        assertEquals(0.0, peakOfFirstBlock(true), 0.0);
        assertEquals(true, peakOfFirstBlock(false) > 0.1, "the same set-up without the tuner is heard");
    }

    private static double peakOfFirstBlock(boolean tuner) {
        Engine engine = new Engine(new EngineConfig(48000, BLOCK, 8, 8, 4), new RetireQueue());
        EngineHandle handle = new EngineHandle(engine, new ResourceRegistry(), new EventLog());
        handle.installSetup(new EngineSetup(null, null, 1, List.of(StageSpec.defaults(StageType.LEVEL)), null, 1, 0,
                tuner, EngineSetup.Metronome.OFF));
        double[] in = new double[BLOCK];
        Arrays.fill(in, 0.5);
        double[] out = new double[BLOCK];
        engine.process(in, out, BLOCK, 0);
        double peak = 0;
        for (double v : out) {
            peak = Math.max(peak, Math.abs(v));
        }
        return peak;
    }
}
