package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder: own files only, a staging folder per run, atomic swaps, cleanup of dead runs. */
class RenderFolderTest {
    static final String TINY = """
            {"format": "blockwise/1", "name": "tiny", "sampleRate": 8000, "blockSize": 32, "duration": 800,
             "input": {"type": "sine", "freq": 440}, "setup": {"chain": [{"type": "level", "gain": 0.5}]}}
            """;

    @TempDir
    Path dir;

    Scenario tiny() {
        return ScenarioRuns.parse(TINY, dir);
    }

    Path out() {
        return dir.resolve("out");
    }

    List<String> entries(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRenderIntoAFolderHoldingAUsersFileIsRefusedUpFrontAndTheFileIsKept() throws IOException {
        Path target = out().resolve("tiny");
        Files.createDirectories(target);
        Files.writeString(target.resolve("notes.txt"), "my notes");
        Files.writeString(target.resolve("output.wav"), "an old render");
        OutputException e = assertThrows(OutputException.class, () -> OfflineRenderer.render(tiny(), out()));
        assertEquals(target + " holds files a render does not write (notes.txt); nothing written: move them away"
                + " or render into another folder (-o)", e.getMessage());
        assertEquals("my notes", Files.readString(target.resolve("notes.txt")));
        assertEquals("an old render", Files.readString(target.resolve("output.wav")));
        assertEquals(List.of(".tiny.lock", "tiny"), entries(out()), "no staging folder left");
    }

    @Test
    void aReRenderReplacesItsOwnFilesAndLeavesWhatALoneRenderLeaves() throws IOException {
        RenderResult first = OfflineRenderer.render(tiny(), out());
        byte[] wav = Files.readAllBytes(first.folder().resolve("output.wav"));
        Files.writeString(first.folder().resolve("take-7.wav"), "a take of an earlier version of the scenario");
        RenderResult second = OfflineRenderer.render(tiny(), out());
        assertEquals(out().resolve("tiny"), second.folder());
        assertEquals(List.of("events.jsonl", "output.wav", "summary.json"), entries(second.folder()));
        assertArrayEquals(wav, Files.readAllBytes(second.folder().resolve("output.wav")));
        assertEquals(List.of(".tiny.lock", "tiny"), entries(out()));
    }

    @Test
    void aTargetThatIsAFileIsRefused() throws IOException {
        Files.createDirectories(out());
        Files.writeString(out().resolve("tiny"), "not a folder");
        OutputException e = assertThrows(OutputException.class, () -> RenderFolder.open(tiny(), out()));
        assertTrue(e.getMessage().contains("is not a render folder (it is a file)"), e.getMessage());
        assertEquals("not a folder", Files.readString(out().resolve("tiny")));
    }

    @Test
    void anOutputPathThatIsAFileIsOneLine() throws IOException {
        Files.writeString(dir.resolve("file"), "x");
        OutputException e = assertThrows(OutputException.class, () -> RenderFolder.open(tiny(), dir.resolve("file")));
        assertEquals("cannot write " + dir.resolve("file").resolve("tiny") + ": " + dir.resolve("file")
                + " is not a folder; nothing written", e.getMessage());
    }

    @Test
    void stagingFoldersOfDeadRunsAreRemovedAndThoseOfLiveRunsKept() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long deadPid = gone.pid();
        Files.createDirectories(out());
        Path dead = out().resolve(".other." + deadPid + "-1f.partial");
        Path deadOld = out().resolve(".tiny." + deadPid + "-2e.old");
        Path live = out().resolve(".other." + ProcessHandle.current().pid() + "-3d.partial");
        Path legacy = out().resolve(".tiny.partial");
        for (Path p : List.of(dead, deadOld, live, legacy)) {
            Files.createDirectories(p);
            Files.writeString(p.resolve(".output.wav.tmp-abc"), "half a file");
        }
        try (RenderFolder f = RenderFolder.open(tiny(), out())) {
            assertTrue(Files.isDirectory(f.staging()));
            assertTrue(f.staging().getFileName().toString().matches("\\.tiny\\.[0-9]+-[0-9a-f]+\\.partial"),
                    f.staging().toString());
        }
        assertFalse(Files.exists(dead));
        assertFalse(Files.exists(deadOld));
        assertFalse(Files.exists(legacy));
        assertTrue(Files.exists(live.resolve(".output.wav.tmp-abc")), "a live run's staging is not touched");
    }

    @Test
    void anInterruptRemovesTheStagingFolderAndSaysNothingWasWritten() throws IOException {
        RenderFolder f = RenderFolder.open(tiny(), out());
        Files.writeString(f.staging().resolve("output.wav"), "half");
        List<String> lines = RunCleanup.undoAll(false);
        assertEquals(List.of("interrupted: nothing written to " + out().resolve("tiny")), lines);
        assertFalse(Files.exists(f.staging()));
        assertThrows(OutputException.class, f::commit);
        f.close();
        assertFalse(Files.exists(out().resolve("tiny")));
        assertEquals(List.of(), RunCleanup.undoAll(false), "unregistered after close");
    }

    @Test
    void aClosedFolderWithoutCommitLeavesNothing() throws IOException {
        try (RenderFolder f = RenderFolder.open(tiny(), out())) {
            Files.writeString(f.staging().resolve("output.wav"), "half");
        }
        assertEquals(List.of(".tiny.lock"), entries(out()), "only the (empty) lock file");
    }

    @Test
    void concurrentCommitsIntoOneFolderAllSucceedAndLeaveOneCompleteSetOfFiles() throws Exception {
        int runs = 8;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try (RenderFolder f = RenderFolder.open(tiny(), out())) {
                    for (String name : List.of("output.wav", "events.jsonl", "summary.json")) {
                        Files.writeString(f.staging().resolve(name), name + " of a render");
                    }
                    f.commit();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> r : results) {
            r.get(); // throws if any run failed
        }
        pool.shutdown();
        assertEquals(List.of(".tiny.lock", "tiny"), entries(out()));
        assertEquals(List.of("events.jsonl", "output.wav", "summary.json"), entries(out().resolve("tiny")));
        assertEquals("output.wav of a render", Files.readString(out().resolve("tiny").resolve("output.wav")));
    }

    @Test
    void ownFilesAreTheRenderFilesAndNumberedTakes() {
        for (String own : List.of("output.wav", "events.jsonl", "summary.json", "take-0.wav", "take-12.wav")) {
            assertTrue(RenderFolder.isOwnFile(own), own);
        }
        for (String other : List.of("notes.txt", "take-01.wav", "take-.wav", "output.wav.bak", ".output.wav.tmp-1")) {
            assertFalse(RenderFolder.isOwnFile(other), other);
        }
    }
}
