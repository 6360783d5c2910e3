package io.blockwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.dsp.StageType;
import io.blockwise.rt.EventLog;
import io.blockwise.rt.ResourceRegistry;
import io.blockwise.rt.RetireQueue;
import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.StageSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The control side's mirror of the chain ({@link ChainModel}, updated by {@link EngineHandle}'s
 * command builder) and the audio thread's chain apply the same rule to every chain edit,
 * accepted or refused: after each applied message their stage types and bypass flags agree.
 */
class ChainMirrorTest {
    static final int BLOCK = 64;
    static final int MAX_CHAIN = 4;
    static final StageType[] TYPES = {StageType.LEVEL, StageType.EQ, StageType.TREMOLO};

    final Engine engine = new Engine(new EngineConfig(48000, BLOCK, 8, 8, MAX_CHAIN), new RetireQueue());
    final EventLog log = new EventLog();
    final EngineHandle handle = new EngineHandle(engine, new ResourceRegistry(), log);

    @Test
    void theMirrorAndTheAudioThreadsChainAgreeAfterEveryEditAcceptedOrRefused() {
        handle.installSetup(new EngineSetup(null, null, 1, List.of(StageSpec.defaults(StageType.LEVEL)), null, 1, 0,
                false, EngineSetup.Metronome.OFF));
        SplittableRandom random = new SplittableRandom(11);
        double[] in = new double[BLOCK];
        double[] out = new double[BLOCK];
        for (int i = 0; i < 600; i++) {
            Message m = randomEdit(random);
            assertTrue(handle.send(handle.build(m)));
            engine.process(in, out, BLOCK, (long) i * BLOCK);
            handle.drainRtEvents();
            assertEquals(describe(handle.mirroredChain()), describeEngine(), "after message " + i + ": " + m);
        }
        long rejects = log.events().stream().filter(e -> e.event().equals("reject")).count();
        long applies = log.events().stream().filter(e -> e.event().equals("apply")).count();
        assertTrue(rejects > 50 && applies > 50, "both refused and accepted edits: " + rejects + " rejects, "
                + applies + " applies");
    }

    private static Message randomEdit(SplittableRandom r) {
        int index = r.nextInt(MAX_CHAIN + 2); // past the end and past the capacity too
        StageSpec spec = StageSpec.defaults(TYPES[r.nextInt(TYPES.length)]);
        switch (r.nextInt(7)) {
            case 0: {
                List<StageSpec> chain = new ArrayList<>();
                for (int k = r.nextInt(MAX_CHAIN + 2); k > 0; k--) {
                    chain.add(StageSpec.defaults(TYPES[r.nextInt(TYPES.length)]).withBypassed(r.nextBoolean()));
                }
                return new Message.SetChain(chain);
            }
            case 1:
                return new Message.AddStage(index, spec);
            case 2:
                return new Message.AddStage(index, spec.withBypassed(true));
            case 3:
                return new Message.RemoveStage(index);
            case 4:
                return new Message.ReplaceStage(index, spec);
            case 5:
                return new Message.SwapStages(index, r.nextInt(MAX_CHAIN + 2));
            default:
                return new Message.SetStageBypassed(index, r.nextBoolean());
        }
    }

    private static List<String> describe(List<StageSpec> chain) {
        List<String> d = new ArrayList<>();
        for (StageSpec s : chain) {
            d.add(s.type().formatName() + (s.bypassed() ? " (bypassed)" : ""));
        }
        return d;
    }

    private List<String> describeEngine() {
        List<String> d = new ArrayList<>();
        for (int i = 0; i < engine.chainLength(); i++) {
            d.add(engine.stageAt(i).type().formatName() + (engine.stageAt(i).isBypassed() ? " (bypassed)" : ""));
        }
        return d;
    }
}
