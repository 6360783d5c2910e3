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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Engine#process} drains at most {@code maxMessagesPerBlock} messages per block (its class
 * comment): seven queued messages with a budget of three are applied three, three and one over
 * three blocks, in the order they were sent.
 */
class TheAudioThreadAppliesAtMostMaxMessagesPerBlockAndTheRestLaterInOrderTest {
    static final int BLOCK = 64;
    static final int BUDGET = 3;

    final EventLog log = new EventLog();
    final Engine engine = new Engine(new EngineConfig(48000, BLOCK, 16, BUDGET, 8), new RetireQueue());
    final EngineHandle handle = new EngineHandle(engine, new ResourceRegistry(), log);

    @Test
    void sevenMessagesWithABudgetOfThreeAreAppliedThreeThreeAndOneInOrder() {
        handle.installSetup(new EngineSetup(null, null, 1, List.of(), null, 1, 0, false, EngineSetup.Metronome.OFF));
        for (int i = 0; i < 7; i++) {
            assertTrue(handle.send(handle.build(new Message.AddStage(i, StageSpec.defaults(StageType.LEVEL)))));
        }
        double[] in = new double[BLOCK];
        double[] out = new double[BLOCK];
        List<Integer> appliedPerBlock = new ArrayList<>();
        int before = 0;
        for (int b = 0; b < 4; b++) {
            engine.process(in, out, BLOCK, (long) b * BLOCK);
            handle.drainRtEvents();
            int applied = applies().size();
            appliedPerBlock.add(applied - before);
            before = applied;
        }
        assertEquals(List.of(3, 3, 1, 0), appliedPerBlock);
        List<Long> seqs = applies().stream().map(e -> ((Number) e.get("seq")).longValue()).toList();
        List<Long> sorted = new ArrayList<>(seqs);
        sorted.sort(null);
        assertEquals(sorted, seqs, "applied in the order sent");
        assertEquals(7, engine.chainLength());
    }

    private List<LogEvent> applies() {
        return log.events().stream().filter(e -> e.event().equals("apply")).toList();
    }
}
