package io.blockwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The resource lifecycle (built, live, retired, freed) at the engine's edges: whatever the set-up
 * or an oversampling change installs is live before the audio thread processes with it, and the
 * messages still queued when a render ends are refused as such and what they carry is freed.
 */
class EveryResourceInstalledIsLiveAndMessagesLeftAtTheEndAreRefusedAndFreedTest {
    static final int BLOCK = 64;

    final RetireQueue retireQueue = new RetireQueue();
    final EventLog log = new EventLog();
    final ResourceRegistry registry = new ResourceRegistry();
    final Engine engine = new Engine(new EngineConfig(48000, BLOCK, 8, 8, 4), retireQueue);
    final EngineHandle handle = new EngineHandle(engine, registry, log);
    final Collector collector = new Collector(retireQueue, registry, log, FreePolicy.ONCE, engine);

    EveryResourceInstalledIsLiveAndMessagesLeftAtTheEndAreRefusedAndFreedTest() {
        handle.installSetup(new EngineSetup(null, null, 2,
                List.of(StageSpec.defaults(StageType.LEVEL), StageSpec.defaults(StageType.PREAMP)), null, 1, 0, false,
                EngineSetup.Metronome.OFF));
    }

    @Test
    void everythingTheSetUpBuiltIsLiveBeforeTheFirstBlock() {
        List<Resource> built = registry.unfreed();
        assertTrue(built.size() >= 3, "an oversampler and two stages at least: " + built);
        for (Resource r : built) {
            assertEquals(Resource.LIVE, r.state(), r.id());
        }
    }

    @Test
    void theStagesAndOversamplerOfAnOversamplingChangeAreLiveOnceItIsApplied() {
        List<Resource> before = registry.unfreed();
        assertTrue(handle.send(handle.build(new Message.SetOversampling(4))));
        engine.process(new double[BLOCK], new double[BLOCK], BLOCK, 0);
        handle.drainRtEvents();
        List<Resource> added = registry.unfreed().stream().filter(r -> !before.contains(r)).toList();
        assertTrue(added.size() >= 3, "a new oversampler and the chain rebuilt at its rate: " + added);
        for (Resource r : added) {
            assertEquals(Resource.LIVE, r.state(), r.id());
        }
        assertEquals(Resource.LIVE, engine.stageAt(0).state());
    }

    @Test
    void aStageAddedOrReplacedIsLiveOnceAppliedAndASwapWithAMissingStageEitherSideIsRefusedNamingIt() {
        assertTrue(handle.send(handle.build(new Message.AddStage(0, StageSpec.defaults(StageType.EQ)))));
        assertTrue(handle.send(handle.build(new Message.ReplaceStage(2, StageSpec.defaults(StageType.TREMOLO)))));
        assertTrue(handle.send(handle.build(new Message.SwapStages(3, 0))));
        assertTrue(handle.send(handle.build(new Message.SwapStages(0, 3))));
        engine.process(new double[BLOCK], new double[BLOCK], BLOCK, 0);
        handle.drainRtEvents();
        assertEquals(StageType.EQ, engine.stageAt(0).type());
        assertEquals(StageType.TREMOLO, engine.stageAt(2).type());
        assertEquals(Resource.LIVE, engine.stageAt(0).state(), "added");
        assertEquals(Resource.LIVE, engine.stageAt(2).state(), "replaced");
        List<LogEvent> rejects = log.events().stream().filter(e -> e.event().equals("reject")).toList();
        assertEquals(2, rejects.size(), rejects.toString());
        for (LogEvent e : rejects) {
            assertEquals("swapStages", e.get("msg"));
            assertEquals("index 3 does not exist (chain length 3)", e.get("reason"));
        }
    }

    @Test
    void messagesStillQueuedWhenTheRenderEndsAreRefusedAsSuchAndWhatTheyCarryIsFreed() {
        assertTrue(handle.send(handle.build(new Message.AddStage(0, StageSpec.defaults(StageType.EQ)))));
        assertTrue(handle.send(handle.build(new Message.SetChain(List.of(StageSpec.defaults(StageType.TREMOLO))))));
        assertTrue(handle.send(handle.build(new Message.SetInputFilters(80.0, 6000.0))));
        assertTrue(handle.send(handle.build(new Message.SetOversampling(4))));
        engine.shutdown();
        handle.drainRtEvents();
        collector.drain(0, 0);
        List<LogEvent> rejects = log.events().stream().filter(e -> e.event().equals("reject")).toList();
        assertEquals(List.of("addStage", "setChain", "setInputFilters", "setOversampling"), rejects.stream().map(e -> e.get("msg")).toList());
        for (LogEvent e : rejects) {
            assertEquals("render ended before the message was applied", e.get("reason"));
        }
        assertEquals(List.of(), registry.unfreed(), "every resource built, the refused messages' included, is freed");
        assertEquals(List.of(), collector.violations());
    }
}
