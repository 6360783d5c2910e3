package io.blockwise.engine;

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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ChainPaths}: up to {@link ChainPaths#MAX_FADING} oversampling changes overlap; one more
 * ends the quietest fading path at once. A new path without an oversampler is fed unheard for
 * 5 ms (240 frames at 48 kHz) while the older path holds its gain, then the gains cross over 480
 * frames: 320 frames after a change to 1x, the 2x path has 400 of 480 steps left and the 1x path
 * 80. Two more changes in one block then fade both out, three paths in all: the quieter, the 1x
 * path, ends at once, not the oldest.
 */
class AThirdOversamplingChangeWhileTwoPathsFadeEndsTheQuietestTest {
    static final int BLOCK = 64;

    final Engine engine = new Engine(new EngineConfig(48000, BLOCK, 8, 8, 4), new RetireQueue());
    final EngineHandle handle = new EngineHandle(engine, new ResourceRegistry(), new EventLog());

    void send(Message m) {
        assertTrue(handle.send(handle.build(m)));
    }

    void blocks(int n) {
        for (int i = 0; i < n; i++) {
            engine.process(new double[BLOCK], new double[BLOCK], BLOCK, (long) i * BLOCK);
            handle.drainRtEvents();
        }
    }

    @Test
    void theChangeThatFindsTwoPathsFadingEndsTheOneWithLessGainNotTheOldest() {
        handle.installSetup(new EngineSetup(null, null, 2, List.of(StageSpec.defaults(StageType.LEVEL)), null, 1, 0,
                false, EngineSetup.Metronome.OFF));
        Stage atTwo = engine.stageAt(0);
        send(new Message.SetOversampling(1));
        blocks(5); // 320 frames: 240 of warm-up, then 80 of the crossfade
        Stage atOne = engine.stageAt(0);
        assertTrue(engine.reaches(atTwo) && engine.reaches(atOne), "both paths heard, 400 and 80 steps");
        send(new Message.SetOversampling(4));
        send(new Message.SetOversampling(2));
        blocks(1);
        assertFalse(engine.reaches(atOne), "the 1x path, with 80 steps, is ended");
        assertTrue(engine.reaches(atTwo), "the 2x path, with 400, goes on fading");
    }
}
