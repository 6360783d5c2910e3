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
