package io.blockwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.dsp.Stage;
import io.blockwise.dsp.StageType;
import io.blockwise.rt.Collector;
import io.blockwise.rt.EventLog;
import io.blockwise.rt.FreePolicy;
import io.blockwise.rt.LogEvent;
import io.blockwise.rt.Resource;
import io.blockwise.rt.ResourceRegistry;
import io.blockwise.rt.RetireQueue;
import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.StageSpec;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code setChain} as the scenario format documents it: a chain of up to {@code maxChainLength}
 * stages is applied, a longer one is refused with its length and the limit, and the old chain
 * fades out beside the new one over the crossfade (480 frames at 48 kHz: blocks 0 to 7 of 64),
 * its stages part of the signal path (so that an early free of one would be caught) until then.
 */
class ASetChainIsBoundedByTheCapacityAndTheOldChainIsReachedUntilItHasFadedTest {
    static final int BLOCK = 64;
    static final int MAX_CHAIN = 3;

    final RetireQueue retireQueue = new RetireQueue();
    final EventLog log = new EventLog();
    final ResourceRegistry registry = new ResourceRegistry();
    final Engine engine = new Engine(new EngineConfig(48000, BLOCK, 8, 8, MAX_CHAIN), retireQueue);
    final EngineHandle handle = new EngineHandle(engine, registry, log);
    final Collector collector = new Collector(retireQueue, registry, log, FreePolicy.ONCE, engine);
    final double[] in = new double[BLOCK];
    final double[] out = new double[BLOCK];
    long block;

    ASetChainIsBoundedByTheCapacityAndTheOldChainIsReachedUntilItHasFadedTest() {
        handle.installSetup(new EngineSetup(null, null, 1,
                List.of(StageSpec.defaults(StageType.LEVEL), StageSpec.defaults(StageType.PREAMP)), null, 1, 0, false,
                EngineSetup.Metronome.OFF));
    }

    void send(Message m) {
        assertTrue(handle.send(handle.build(m)));
    }

    int runBlock() {
        engine.process(in, out, BLOCK, block * BLOCK);
        handle.drainRtEvents();
        int freed = collector.drain(block, block * BLOCK);
        block++;
        return freed;
    }

    static List<StageSpec> levels(int n) {
        return Collections.nCopies(n, StageSpec.defaults(StageType.LEVEL));
    }

    List<LogEvent> events(String kind) {
        return log.events().stream().filter(e -> e.event().equals(kind) && "setChain".equals(e.get("msg"))).toList();
    }

    @Test
    void aChainOfExactlyTheCapacityIsAppliedAndOneStageLongerIsRefusedNamingBoth() {
        send(new Message.SetChain(levels(MAX_CHAIN)));
        runBlock();
        assertEquals(1, events("apply").size(), log.events().toString());
        assertEquals(MAX_CHAIN, engine.chainLength());
        assertEquals(MAX_CHAIN, handle.mirroredChain().size());
        for (int i = 0; i < MAX_CHAIN; i++) {
            assertEquals(Resource.LIVE, engine.stageAt(i).state(), "stage " + i + " was installed: built, then live");
        }

        send(new Message.SetChain(levels(MAX_CHAIN + 1)));
        runBlock();
        List<LogEvent> rejects = events("reject");
        assertEquals(1, rejects.size(), log.events().toString());
        assertEquals("chain of 4 stages exceeds maxChainLength 3", rejects.get(0).get("reason"));
        assertEquals(MAX_CHAIN, engine.chainLength(), "the refused chain left the chain as it was");
        assertEquals(MAX_CHAIN, handle.mirroredChain().size(), "and the control side's mirror agrees");
    }

    @Test
    void theOldChainsStagesAreReachedWhileItFadesOutAndFreedWithoutComplaintWhenItEnds() {
        Stage first = engine.stageAt(0);
        Stage second = engine.stageAt(1);
        send(new Message.SetChain(levels(1)));
        for (int b = 0; b < 7; b++) {
            assertEquals(0, runBlock(), "block " + b + ": nothing of the old chain is freed yet");
            assertTrue(engine.reaches(first) && engine.reaches(second), "block " + b + ": the old chain still fades out");
        }
        assertEquals(1, engine.chainLength(), "the new chain is the one edits act on");
        assertEquals(2, runBlock(), "block 7 ends the fade: both old stages are freed");
        assertFalse(engine.reaches(first) || engine.reaches(second));
        assertEquals(List.of(), collector.violations());
    }
}
