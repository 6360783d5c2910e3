package io.blockwise.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.record.Encoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenStoreTest {
    @TempDir
    Path root;

    /** A render folder: output.wav, events.jsonl, the given takes and a summary.json. */
    private Path render(String name, int... takes) throws IOException {
        Path d = Files.createDirectories(root.resolve("out").resolve(name));
        AudioComparisonTest.wav(d.resolve("output.wav"), Encoding.FLOAT32, 1, AudioComparisonTest.tone(4800));
        Files.write(d.resolve("events.jsonl"), EventLogDiffTest.log(30));
        for (int t : takes) {
            AudioComparisonTest.wav(d.resolve("take-" + t + ".wav"), Encoding.PCM16, 1, AudioComparisonTest.tone(100 * t));
        }
        Files.writeString(d.resolve("summary.json"), "{\"wallMs\": " + System.nanoTime() + "}");
        return d;
    }

    private List<String> files(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void blessThenCompareMatchesAndIgnoresTheSummary() throws IOException {
        Path out = render("clean", 1, 2);
        Path golden = root.resolve("golden").resolve("clean");
        GoldenStore.bless(out, golden);
        assertEquals(List.of("events.jsonl", "output.wav", "take-1.wav", "take-2.wav"), files(golden));
        Files.writeString(out.resolve("summary.json"), "{\"wallMs\": 1}");
        RenderFolderDiff.Result r = GoldenStore.compare(out, golden, 128);
        assertTrue(r.matches(), r.report());
        assertEquals(List.of("output.wav", "events.jsonl", "take-1.wav", "take-2.wav"), r.compared());
        assertTrue(r.report().contains("matches"), r.report());
    }

    @Test
    void aMissingTakeAndAnExtraTakeAreMismatches() throws IOException {
        Path golden = root.resolve("golden").resolve("g");
        GoldenStore.bless(render("a", 1, 2), golden);
        Path out = render("b", 1, 3);
        RenderFolderDiff.Result r = GoldenStore.compare(out, golden, 128);
        assertFalse(r.matches());
        assertEquals(List.of("take-2.wav", "take-3.wav"), r.mismatches().stream().map(RenderFolderDiff.Mismatch::file).toList());
        assertTrue(r.mismatches().get(0).detail().contains("missing from " + out), r.report());
        assertTrue(r.mismatches().get(1).detail().contains("not in " + golden), r.report());
    }

    @Test
    void theReportListsEveryDifferingFileWithItsDetails() throws IOException {
        Path golden = root.resolve("golden").resolve("g");
        GoldenStore.bless(render("a"), golden);
        Path out = render("b");
        double[] x = AudioComparisonTest.tone(4800);
        x[300] = 0.9;
        AudioComparisonTest.wav(out.resolve("output.wav"), Encoding.FLOAT32, 1, x);
        List<String> log = new java.util.ArrayList<>(EventLogDiffTest.log(30));
        log.set(19, "{\"changed\": true}");
        Files.write(out.resolve("events.jsonl"), log);
        RenderFolderDiff.Result r = GoldenStore.compare(out, golden, 64);
        assertEquals(2, r.mismatches().size());
        String report = r.report();
        assertTrue(report.contains("2 of 2 files differ"), report);
        assertTrue(report.contains("- output.wav:") && report.contains("frame 300 (block 4 of 64 frames)"), report);
        assertTrue(report.contains("- events.jsonl:") && report.contains("line 20") && report.contains("{\"changed\": true}"), report);
    }

    @Test
    void aMissingOutputOrCorruptWavIsAMismatchNotACrash() throws IOException {
        Path golden = root.resolve("golden").resolve("g");
        GoldenStore.bless(render("a"), golden);
        Path out = render("b");
        Files.writeString(out.resolve("output.wav"), "not audio");
        Files.delete(out.resolve("events.jsonl"));
        RenderFolderDiff.Result r = GoldenStore.compare(out, golden, 64);
        assertEquals(2, r.mismatches().size(), r.report());
        assertTrue(r.report().contains("not a WAV file"), r.report());
        assertTrue(r.report().contains("events.jsonl: in " + golden + " but missing from " + out), r.report());
    }

    @Test
    void aMissingGoldenFolderIsOneMismatchSayingSo() throws IOException {
        RenderFolderDiff.Result r = GoldenStore.compare(render("a"), root.resolve("golden/none"), 64);
        assertFalse(r.matches());
        assertTrue(r.report().contains("no golden folder"), r.report());
    }

    @Test
    void blessReplacesChangedFilesAndRemovesStaleTakes() throws IOException {
        Path golden = root.resolve("golden").resolve("g");
        GoldenStore.bless(render("a", 1, 2, 10), golden);
        Path out = render("b", 1);
        Files.write(out.resolve("events.jsonl"), EventLogDiffTest.log(3));
        GoldenStore.bless(out, golden);
        assertEquals(List.of("events.jsonl", "output.wav", "take-1.wav"), files(golden), "no temp files, no stale takes");
        assertEquals(Files.readAllLines(out.resolve("events.jsonl")), Files.readAllLines(golden.resolve("events.jsonl")));
        assertTrue(GoldenStore.compare(out, golden, 64).matches());
    }

    @Test
    void blessedFilesGetTheUsualPermissions() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                root.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path golden = root.resolve("golden").resolve("g");
        GoldenStore.bless(render("a", 1), golden);
        Path reference = Files.createFile(root.resolve("reference"));
        for (String f : files(golden)) {
            assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(golden.resolve(f)), f);
        }
    }

    @Test
    void blessRefusesAnIncompleteRender() throws IOException {
        Path out = render("a");
        Files.delete(out.resolve("output.wav"));
        Path golden = root.resolve("golden").resolve("g");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoldenStore.bless(out, golden));
        assertTrue(e.getMessage().contains("output.wav"), e.getMessage());
        assertFalse(Files.exists(golden));
    }

    @Test
    void diffTakesTwoWavFilesOrTwoFolders() throws IOException {
        Path a = render("a", 1);
        Path b = render("b", 1);
        assertTrue(RenderFolderDiff.diff(a, b, 128).matches());
        assertTrue(RenderFolderDiff.diff(a.resolve("take-1.wav"), b.resolve("take-1.wav"), 0).matches());
        AudioComparisonTest.wav(b.resolve("take-1.wav"), Encoding.PCM16, 1, AudioComparisonTest.tone(99));
        RenderFolderDiff.Result r = RenderFolderDiff.diff(a.resolve("take-1.wav"), b.resolve("take-1.wav"), 0);
        assertFalse(r.matches());
        assertTrue(r.report().contains("99 frames vs expected 100"), r.report());
        assertFalse(RenderFolderDiff.diff(a, b, 0).matches());
        assertThrows(io.blockwise.scenario.ScenarioException.class, () -> RenderFolderDiff.diff(a, b.resolve("output.wav"), 0));
    }
}
