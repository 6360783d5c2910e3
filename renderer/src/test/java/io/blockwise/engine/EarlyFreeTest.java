package io.blockwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.dsp.Stage;
import io.blockwise.scenario.StageSpec;
import io.blockwise.dsp.StageType;
import io.blockwise.rt.Collector;
import io.blockwise.rt.EventLog;
import io.blockwise.rt.ResourceRegistry;
import io.blockwise.rt.RetireQueue;
import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A resource the engine still reaches must never be freed: the collector asks the engine before
 * each free and reports an early free as a defect, in every render.
 */
class EarlyFreeTest {
    static final int BLOCK = 64;

    final RetireQueue retireQueue = new RetireQueue();
    final EventLog log = new EventLog();
    final ResourceRegistry registry = new ResourceRegistry();
    final Engine engine = new Engine(new EngineConfig(48000, BLOCK, 8, 8, 8), retireQueue);
    final EngineHandle handle = new EngineHandle(engine, registry, log);
    final Collector collector = new Collector(retireQueue, registry, log, io.blockwise.rt.FreePolicy.ONCE, engine);

    EarlyFreeTest() {
        handle.installSetup(new EngineSetup(null, null, 1,
                List.of(StageSpec.defaults(StageType.LEVEL), StageSpec.defaults(StageType.PREAMP)), null, 1, 0, false,
                EngineSetup.Metronome.OFF));
    }

    @Test
    void aStageRetiredWhileStillInTheChainIsReportedAsAnEarlyFree() {
        Stage kept = engine.stageAt(1);
        engine.retire(kept); // the defect: retired, but left in the chain
        collector.drain(3, 3 * BLOCK);
        assertEquals(List.of("block 3: early free: " + kept.id()
                + " was retired and freed while the engine still reached it"), collector.violations());
    }

    @Test
    void aRemovedStageStaysReachableWhileItFadesOutAndIsFreedWithoutComplaintAfter() {
        // The remove fades the stage out over 10 ms (480 frames: blocks 0..7 of 64); the engine
        // reaches it, and the collector frees nothing, until the block its fade ends.
        Stage removed = engine.stageAt(0);
        assertTrue(handle.send(handle.build(new Message.RemoveStage(0))));
        double[] in = new double[BLOCK];
        double[] out = new double[BLOCK];
        for (int b = 0; b < 7; b++) {
            engine.process(in, out, BLOCK, (long) b * BLOCK);
            handle.drainRtEvents();
            assertTrue(engine.reaches(removed), "block " + b + ": still fading");
            assertEquals(0, collector.drain(b, (long) b * BLOCK), "block " + b);
        }
        assertEquals(1, engine.chainLength(), "the indices no longer count it");
        engine.process(in, out, BLOCK, 7L * BLOCK);
        handle.drainRtEvents();
        assertTrue(!engine.reaches(removed));
        assertEquals(1, collector.drain(7, 7L * BLOCK));
        assertEquals(List.of(), collector.violations());
        assertTrue(log.events().stream().anyMatch(e -> e.event().equals("free") && removed.id().equals(e.get("resource"))));
    }

    @Test
    void everyResourceOfARenderIsUnreachableOnceTheEngineShutsDown() {
        engine.replacePitchShifter(registry.register(new io.blockwise.dsp.PitchShifter(3, 48000, BLOCK)), Engine.Change.IMMEDIATE);
        engine.shutdown();
        handle.drainRtEvents();
        collector.drain(1, BLOCK);
        assertEquals(List.of(), collector.violations());
        assertEquals(List.of(), registry.unfreed().stream().map(r -> r.id()).toList());
    }
}
