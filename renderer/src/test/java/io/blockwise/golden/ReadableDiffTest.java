package io.blockwise.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.render.OfflineRenderer;
import io.blockwise.render.RenderResult;
import io.blockwise.scenario.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** diff names positions in the renders' own blocks, labels both sides and lists every difference. */
class ReadableDiffTest {
    static final String SCENARIO = """
            {"format": "blockwise/1", "name": "d", "sampleRate": 48000, "blockSize": 100,
             "duration": "0.2s", "input": {"type": "sine", "freq": 330, "amp": 0.4},
             "setup": {"chain": [{"type": "level", "gain": 0.5}]},
             "events": [{"at": %d, "do": "setParameter", "stage": 0, "param": "gain", "value": 0.8},
                        {"at": 5000, "do": "setParameter", "stage": 0, "param": "gain", "value": 0.7},
                        {"at": %d, "do": "setParameter", "stage": 0, "param": "gain", "value": 0.6}]}""";

    @TempDir
    Path tmp;

    Path render(String dir, long first, long last) throws Exception {
        Path file = Files.writeString(tmp.resolve(dir + ".json"), SCENARIO.formatted(first, last));
        RenderResult r = OfflineRenderer.render(ScenarioReader.read(file), tmp.resolve(dir));
        return r.folder();
    }

    @Test
    void theBlockSizeComesFromTheRenderFolderNotADefault() throws Exception {
        Path a = render("a", 2000, 8000);
        assertEquals(100, BlockSizeOf.of(a), "from summary.json");
        Files.delete(a.resolve("summary.json"));
        assertEquals(100, BlockSizeOf.of(a), "from the event log");
        assertEquals(100, BlockSizeOf.of(a.resolve("output.wav")), "a WAV's own folder");
        assertEquals(0, BlockSizeOf.of(tmp), "a folder that is no render");
    }

    @Test
    void aDifferenceIsPlacedInFrameBlockAndSecondsWithBothSidesLabelled() throws Exception {
        Path a = render("a", 2000, 8000);
        Path b = render("b", 3000, 8000);
        GoldenRuns.DiffOutcome d = GoldenRuns.diff(a, b, 0, null);
        assertFalse(d.same());
        // The first change is due at block ceil(2000 / 100) = 20 in A, 30 in B: the audio first
        // differs at frame 2000, block 20 of 100 frames, 2000 / 48000 s.
        assertTrue(d.text().contains("first difference at frame 2000 (block 20 of 100 frames) at 0.041667 s"), d.text());
        assertTrue(d.text().contains("actual " + b.resolve("output.wav") + ": differs from expected " + a.resolve("output.wav")),
                d.text());
    }

    @Test
    void everyDifferingLogLineIsListedNotOnlyTheFirst() throws Exception {
        Path a = render("a", 2000, 8000);
        Path b = render("b", 3000, 9000);
        String text = GoldenRuns.diff(a, b, 0, null).text();
        // Both moved messages appear, the second one after the unchanged middle message.
        for (String block : List.of("\"block\":20,", "\"block\":30,", "\"block\":80,", "\"block\":90,")) {
            assertTrue(text.contains(block), block + " in\n" + text);
        }
        assertTrue(text.contains("every difference (- expected, + actual"), text);
    }

    @Test
    void aDifferenceWritesAReportWithPictures() throws Exception {
        Path a = render("a", 2000, 8000);
        Path b = render("b", 3000, 8000);
        GoldenRuns.DiffOutcome d = GoldenRuns.diff(a, b, 0, tmp.resolve("report"));
        assertNotNull(d.report());
        assertTrue(Files.isRegularFile(d.report()));
        assertTrue(Files.isRegularFile(d.report().resolveSibling("d/waveform.png")));
    }
}
