package io.blockwise.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.fuzz.plant.PlantedDefect;
import io.blockwise.render.OfflineRenderer;
import io.blockwise.render.RenderOptions;
import io.blockwise.render.RenderResult;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tuner half of log completeness: a steady sine's first reading after the tuner comes on is
 * logged at the block of the tuner's first estimate, naming the sine's note (A4 = 440 Hz); a log
 * that skipped it is caught, at every block size, whether the tuner was on from the start or
 * turned on later.
 */
class TunerCompletenessTest {
    @TempDir
    Path dir;

    private static Scenario scenario(int blockSize, double hz) {
        String yaml = "format: blockwise/1\nname: tuner\nsampleRate: 48000\nblockSize: " + blockSize + "\nduration: 0.5s\n"
                + "input:\n  - {type: sine, freq: " + hz + ", amp: 0.3}\n"
                + "setup: {tuner: true}\n"
                + "events:\n"
                + "  - {at: 0.2s, do: setTunerEnabled, enabled: false}\n"
                + "  - {at: 0.3s, do: setTunerEnabled, enabled: true}\n";
        return ScenarioReader.parse(yaml, Path.of("tuner.yaml"), true);
    }

    @Test
    void notesAreNamedFromTheEqualTemperedScale() {
        assertEquals("A4", LogCompleteness.noteOf(440));
        assertEquals("E2", LogCompleteness.noteOf(82.41));
        assertEquals("C4", LogCompleteness.noteOf(261.63));
        assertEquals("C#3", LogCompleteness.noteOf(138.59));
        assertEquals("B3", LogCompleteness.noteOf(246.94));
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 147, 1024, 4096})
    void aSteadySinesFirstReadingIsLoggedAtItsBlockAndASkippedOneIsCaught(int blockSize) {
        Scenario s = scenario(blockSize, 196);
        RenderResult healthy = OfflineRenderer.render(s, dir.resolve("healthy" + blockSize), RenderOptions.DEFAULT);
        assertEquals(Optional.empty(), LogCompleteness.tunerOnset(s, healthy));
        assertTrue(healthy.events().stream().anyMatch(e -> e.event().equals("tuner") && "G3".equals(e.get("note"))),
                "196 Hz is G3");

        RenderResult skipped = OfflineRenderer.render(s, dir.resolve("skipped" + blockSize),
                RenderOptions.DEFAULT.withHooks(PlantedDefect.SKIPPED_TUNER_EVENT.hooks()));
        Optional<String> f = LogCompleteness.tunerOnset(s, skipped);
        assertTrue(f.isPresent() && f.get().contains("came on at frame 0"), f.toString());
    }

    @Test
    void aReadingSkippedAfterTheTunerCameBackOnIsCaughtToo() {
        Scenario s = scenario(128, 330);
        RenderResult r = OfflineRenderer.render(s, dir.resolve("r"), RenderOptions.DEFAULT);
        // Drop the first pitched reading after frame 0.3 s, as a log that lost one would.
        java.util.List<io.blockwise.rt.LogEvent> events = new java.util.ArrayList<>(r.events());
        int i = 0;
        while (!(events.get(i).event().equals("tuner") && events.get(i).frame() >= 14464 && events.get(i).get("note") != null)) {
            i++;
        }
        events.remove(i);
        RenderResult lossy = new RenderResult(r.name(), r.folder(), r.frames(), r.blockSize(), r.blocks(),
                r.audioSeconds(), r.wallNanos(), r.processTimes(), r.handOffs(), r.scenario(), r.output(), events,
                r.eventCounts(), r.defects());
        Optional<String> f = LogCompleteness.tunerOnset(s, lossy);
        // 0.3 s is frame 14400, applied at the next block edge (113 x 128); the reset's "no note" is logged there.
        assertTrue(f.isPresent() && f.get().contains("came on at frame 14464"), f.toString());
    }
}
