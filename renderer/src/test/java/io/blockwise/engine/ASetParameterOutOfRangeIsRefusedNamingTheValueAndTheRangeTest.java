package io.blockwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.dsp.StageType;
import io.blockwise.rt.EventLog;
import io.blockwise.rt.LogEvent;
import io.blockwise.rt.ResourceRegistry;
import io.blockwise.rt.RetireQueue;
import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.StageSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@code setParameter} outside the parameter's range (SCENARIO-FORMAT: {@code level}'s
 * {@code gain} is 0..2) is refused by the audio thread, and the log's reason names the stage,
 * the parameter, the refused value and the range.
 */
class ASetParameterOutOfRangeIsRefusedNamingTheValueAndTheRangeTest {
    @Test
    void aLevelGainOfTwoAndAHalfIsRefusedWithItsValueAndTheRangeZeroToTwo() {
        EventLog log = new EventLog();
        Engine engine = new Engine(new EngineConfig(48000, 64, 8, 8, 4), new RetireQueue());
        EngineHandle handle = new EngineHandle(engine, new ResourceRegistry(), log);
        handle.installSetup(new EngineSetup(null, null, 1, List.of(StageSpec.defaults(StageType.LEVEL)), null, 1, 0,
                false, EngineSetup.Metronome.OFF));
        assertTrue(handle.send(handle.build(new Message.SetParameter(0, "gain", 2.5))));
        engine.process(new double[64], new double[64], 64, 0);
        handle.drainRtEvents();
        List<LogEvent> rejects = log.events().stream().filter(e -> e.event().equals("reject")).toList();
        assertEquals(1, rejects.size(), log.events().toString());
        assertEquals("level.gain 2.5 is out of range 0..2", rejects.get(0).get("reason"));
    }
}
