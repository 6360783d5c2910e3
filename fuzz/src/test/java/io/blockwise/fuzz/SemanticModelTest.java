package io.blockwise.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.blockwise.dsp.StageType;
import io.blockwise.record.Encoding;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.StageSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The independent model's predictions, against the reasons the format documents (SCENARIO-FORMAT.md). */
class SemanticModelTest {
    private static StageSpec level() {
        return new StageSpec(StageType.LEVEL, false, List.of(1.0), -1);
    }

    private static String take(SemanticModel m, Message msg) {
        return m.take(msg).toString();
    }

    @Test
    void chainEditsAreAppliedOrRefusedWithTheFormatsReasons() {
        SemanticModel m = new SemanticModel(List.of(level()), 2);
        assertEquals("apply", take(m, new Message.AddStage(1, level())));
        assertEquals("reject (chain is full (maxChainLength 2))", take(m, new Message.AddStage(0, level())));
        assertEquals("reject (index 2 does not exist (chain length 2))", take(m, new Message.RemoveStage(2)));
        assertEquals("reject (index 5 does not exist (chain length 2))", take(m, new Message.SwapStages(0, 5)));
        assertEquals("apply", take(m, new Message.RemoveStage(0)));
        assertEquals("reject (index 3 is past the end (chain length 1; allowed 0..1))",
                take(m, new Message.AddStage(3, level())));
        assertEquals("reject (chain of 3 stages exceeds maxChainLength 2)",
                take(m, new Message.SetChain(List.of(level(), level(), level()))));
    }

    @Test
    void parametersAreCheckedAgainstTheStageAtTheIndexThen() {
        SemanticModel m = new SemanticModel(List.of(level()), 4);
        assertEquals("apply", take(m, new Message.SetParameter(0, "gain", 0.5)));
        assertEquals("reject (level has no parameter bias)", take(m, new Message.SetParameter(0, "bias", 0.5)));
        assertEquals("reject (level.gain 99.5 is out of range 0..2)",
                take(m, new Message.SetParameter(0, "gain", 99.5)));
        assertEquals("reject (index 1 does not exist (chain length 1))",
                take(m, new Message.SetParameter(1, "gain", 0.5)));
    }

    /**
     * A stage factory that builds a level where a tremolo was asked for: every outcome is still
     * "apply", so only the chain after each block shows it, from the block of the addStage on.
     */
    @Test
    void theChainTheEngineHoldsAfterABlockIsHeldToTheModel(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        io.blockwise.scenario.Scenario s = io.blockwise.scenario.ScenarioReader.parse(
                "format: blockwise/1\nname: chain\nsampleRate: 48000\nblockSize: 64\nduration: 0.05s\n"
                        + "input:\n  - {type: sine, freq: 220, amp: 0.3}\nsetup: {chain: [{type: level, gain: 1}]}\n"
                        + "events:\n  - {at: 640, do: addStage, index: 1, stage: {type: tremolo, rate: 5, depth: 0.5, shape: 0}}\n",
                java.nio.file.Path.of("chain.yaml"), true);
        io.blockwise.engine.EngineHooks wrongKind = new io.blockwise.engine.EngineHooks() {
            @Override
            public io.blockwise.dsp.Stage stage(StageSpec spec, io.blockwise.dsp.ProcessSpec ps) {
                return io.blockwise.engine.StageFactory.build(spec.type() == StageType.TREMOLO ? level() : spec, ps);
            }
        };
        ChainObserver chains = new ChainObserver(wrongKind);
        io.blockwise.render.RenderResult r = io.blockwise.render.OfflineRenderer.render(s, dir.resolve("r"),
                io.blockwise.render.RenderOptions.DEFAULT.withHooks(chains));

        assertEquals(java.util.Optional.empty(), SemanticModel.logMatches(s, r), "every outcome is as predicted");
        assertEquals(java.util.Optional.of("the chain after each block is the one the messages applied so far make:"
                + " after block 10 the engine holds [level, level], the model [level, tremolo]"),
                SemanticModel.logMatches(s, r, chains.snapshots()));

        ChainObserver healthy = new ChainObserver(io.blockwise.engine.EngineHooks.NONE);
        io.blockwise.render.RenderResult h = io.blockwise.render.OfflineRenderer.render(s, dir.resolve("h"),
                io.blockwise.render.RenderOptions.DEFAULT.withHooks(healthy));
        assertEquals(java.util.Optional.empty(), SemanticModel.logMatches(s, h, healthy.snapshots()));
        assertEquals(List.of(StageType.LEVEL, StageType.TREMOLO), healthy.snapshots().get(healthy.snapshots().size() - 1).chain());
    }

    @Test
    void stopRecordingNeedsATake() {
        SemanticModel m = new SemanticModel(List.of(), 4);
        assertEquals("reject (no take is being recorded)", take(m, new Message.StopRecording()));
        assertEquals("apply", take(m, new Message.StartRecording(Encoding.FLOAT32)));
        assertEquals("apply", take(m, new Message.StartRecording(Encoding.FLOAT32)));
        assertEquals("apply", take(m, new Message.StopRecording()));
        assertEquals("reject (no take is being recorded)", take(m, new Message.StopRecording()));
    }
}
