package io.blockwise.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.dsp.StageType;
import io.blockwise.record.Encoding;
import io.blockwise.render.RenderResult;
import io.blockwise.render.WavWriter;
import io.blockwise.rt.LogEvent;
import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.SourceSpec;
import io.blockwise.scenario.StageSpec;
import io.blockwise.scenario.TimedMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Property 5 on hand-written outputs, the bound's formula, and folder comparison's reports. */
class OutputChecksTest {
    @TempDir
    Path dir;

    static Scenario sine(double amp, List<StageSpec> chain) {
        return new Scenario(Path.of("t.json"), "t", "", 48000, 4, 8, 0, List.of(new SourceSpec.Sine(440, amp, 0)),
                Scenario.Output.DEFAULT, new EngineSetup(null, null, 1, chain, null, 1, 0, false,
                        EngineSetup.Metronome.OFF), Scenario.Schedule.EVERY_BLOCK, Scenario.Schedule.EVERY_BLOCK,
                Scenario.Limits.DEFAULT, List.of());
    }

    private RenderResult written(String folder, double[] samples, List<LogEvent> log) throws Exception {
        Path f = dir.resolve(folder);
        Files.createDirectories(f);
        try (WavWriter w = WavWriter.open(f.resolve("output.wav"), 48000, 1, Encoding.FLOAT32)) {
            w.write(samples, 0, samples.length);
            w.commit();
        }
        Files.writeString(f.resolve("events.jsonl"), String.join("\n", log.stream().map(LogEvent::toJson).toList()));
        return new RenderResult("t", f, samples.length, 4, 2, 0, 1, new io.blockwise.render.ProcessTimes(), 0, null, new io.blockwise.render.OutputStats(), log, Map.of(), List.of());
    }

    @Test
    void theBoundFollowsItsFormula() {
        // 64 * (P + C) * A: a 0.5 sine, a level (A 2) and a preamp (C 3, A 1).
        Scenario s = sine(0.5, List.of(StageSpec.defaults(StageType.LEVEL), StageSpec.defaults(StageType.PREAMP)));
        assertEquals(64 * (0.5 + 3) * 2, OutputBound.of(s), 1e-12);
        // Never below full scale, times 64.
        assertEquals(64, OutputBound.of(sine(0.25, List.of())), 1e-12);
        // The worst chain state counts: a delay (A 20) added later, next to the level.
        Scenario later = ScenarioEdits.withEvents(s, List.of(new TimedMessage(4, 0, null,
                new Message.AddStage(0, StageSpec.defaults(StageType.DELAY)))));
        assertEquals(64 * (0.5 + 3) * 2 * 20, OutputBound.of(later), 1e-9);
        // ... but not one the engine refuses (index 5 is past the end of a chain of 2).
        Scenario refused = ScenarioEdits.withEvents(s, List.of(new TimedMessage(4, 0, null,
                new Message.AddStage(5, StageSpec.defaults(StageType.DELAY)))));
        assertEquals(64 * (0.5 + 3) * 2, OutputBound.of(refused), 1e-9);
    }

    @Test
    void nanInfAndSamplesPastTheBoundAreCaughtWithTheirFrameAndBlock() throws Exception {
        Scenario s = sine(0.25, List.of());
        assertEquals(Optional.empty(), OutputChecks.finiteAndBounded(s, written("ok", new double[] {0.25, -64, 0, 0,
                0, 0, 0, 0}, List.of())));
        String nan = OutputChecks.finiteAndBounded(s, written("nan", new double[] {0, 0, 0, 0, 0, Double.NaN, 0, 0},
                List.of())).orElseThrow();
        assertTrue(nan.contains("finite samples (no NaN or Inf) but frame 5 (block 1, channel 0) is NaN"), nan);
        String big = OutputChecks.finiteAndBounded(s, written("big", new double[] {0, 0, 65, 0, 0, 0, 0, 0},
                List.of())).orElseThrow();
        assertTrue(big.contains("|x| <= 64 (OutputBound) but frame 2 (block 0, channel 0) is 65.0"), big);
    }

    @Test
    void aStageFaultFailsTheOutputProperty() throws Exception {
        List<LogEvent> log = new ArrayList<>();
        log.add(new LogEvent(1, 4, "rt", "fault").str("resource", "delay#2").str("reason", "ArithmeticException"));
        String f = OutputChecks.finiteAndBounded(sine(0.25, List.of()), written("fault", new double[8], log)).orElseThrow();
        assertTrue(f.startsWith("no stage throws") && f.contains("events.jsonl:1"), f);
    }

    @Test
    void folderComparisonNamesTheFirstDifferingLineAndFrame() throws Exception {
        LogEvent a = new LogEvent(0, 0, "control", "send").num("seq", 1);
        LogEvent b = new LogEvent(0, 0, "control", "send").num("seq", 2);
        RenderResult x = written("x", new double[] {0, 0, 0, 0, 0, 0.5, 0, 0}, List.of(a, a));
        RenderResult y = written("y", new double[] {0, 0, 0, 0, 0, 0.5, 0, 0}, List.of(a, b));
        RenderResult z = written("z", new double[] {0, 0, 0, 0, 0, 0.25, 0, 0}, List.of(a, a));
        assertEquals(Optional.empty(), FolderComparison.firstDifference(x.folder(), y.folder(), FolderComparison.AUDIO, 4));
        assertEquals("events.jsonl differs: first differing line 2: " + a.toJson() + " vs " + b.toJson(),
                FolderComparison.firstDifference(x.folder(), y.folder(), FolderComparison.DETERMINISTIC, 4).orElseThrow());
        assertEquals("output.wav differs: first differing frame 5 (block 1): 0.5 vs 0.25",
                FolderComparison.firstDifference(x.folder(), z.folder(), FolderComparison.AUDIO, 4).orElseThrow());
    }
}
