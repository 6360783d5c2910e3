package io.blockwise.render;

import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.SourceSpec;
import java.nio.file.Path;
import java.util.List;

/** Scenarios built in code for the input tests (the reader is tested elsewhere). */
final class TestScenarios {
    private TestScenarios() { }

    static Scenario of(int sampleRate, long durationFrames, long seed, SourceSpec... inputs) {
        return new Scenario(Path.of("test.json"), "test", "", sampleRate, 128, durationFrames, seed,
                List.of(inputs), Scenario.Output.DEFAULT, EngineSetup.empty(), Scenario.Schedule.EVERY_BLOCK,
                Scenario.Schedule.EVERY_BLOCK, Scenario.Limits.DEFAULT, List.of());
    }

    /** The whole input of {@code scenario}, filled {@code block} frames at a time. */
    static double[] render(Scenario scenario, int block) {
        InputSignal in = InputSignal.of(scenario);
        double[] out = new double[(int) scenario.durationFrames()];
        for (int off = 0; off < out.length; off += block) {
            in.fill(out, off, off, Math.min(block, out.length - off));
        }
        return out;
    }
}
