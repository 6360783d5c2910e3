package io.blockwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.dsp.StageType;
import io.blockwise.rt.EventLog;
import io.blockwise.rt.ResourceRegistry;
import io.blockwise.rt.RetireQueue;
import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.StageSpec;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The control side's limits ({@link EngineHandle}): {@code send} on a full command queue returns
 * false, logs no {@code send} and uses no sequence number; a set-up chain longer than
 * {@code maxChainLength} is refused before anything is built, naming the limit.
 */
class AFullCommandQueueRefusesASendAndLogsNothingForItTest {
    static final int QUEUE = 4;

    final EventLog log = new EventLog();
    final Engine engine = new Engine(new EngineConfig(48000, 64, QUEUE, 8, 3), new RetireQueue());
    final EngineHandle handle = new EngineHandle(engine, new ResourceRegistry(), log);

    @Test
    void theSendThatFindsTheQueueFullReturnsFalseAndLeavesNoTrace() {
        handle.installSetup(new EngineSetup(null, null, 1, List.of(), null, 1, 0, false, EngineSetup.Metronome.OFF));
        int accepted = 0;
        for (int i = 0; i < QUEUE + 3; i++) {
            if (handle.send(handle.build(new Message.SetTunerEnabled(i % 2 == 0)))) {
                accepted++;
            }
        }
        assertTrue(accepted >= QUEUE && accepted < QUEUE + 3, "the queue holds its capacity, then refuses: " + accepted);
        List<Long> seqs = log.events().stream().filter(e -> e.event().equals("send"))
                .map(e -> ((Number) e.get("seq")).longValue()).toList();
        assertEquals(accepted, seqs.size(), "one send logged per accepted message");
        for (int i = 0; i < seqs.size(); i++) {
            assertEquals(i + 1, seqs.get(i), "sequence numbers run on without gaps");
        }
        assertFalse(handle.send(handle.build(new Message.SetTunerEnabled(true))), "still full");
    }

    @Test
    void aSetUpChainLongerThanTheLimitIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> handle.installSetup(
                new EngineSetup(null, null, 1, Collections.nCopies(4, StageSpec.defaults(StageType.LEVEL)), null, 1, 0,
                        false, EngineSetup.Metronome.OFF)));
        assertEquals("setup.chain has 4 stages; allowed: at most limits.maxChainLength = 3", e.getMessage());
    }
}
