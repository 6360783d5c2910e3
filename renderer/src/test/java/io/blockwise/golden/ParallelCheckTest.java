package io.blockwise.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.testing.Bundled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} on several threads says and writes exactly what a serial run does. */
class ParallelCheckTest {
    @TempDir
    Path tmp;

    @Test
    void checkingOnThreeThreadsPrintsTheSameLinesAndWritesTheSameBytesAsOne() throws IOException {
        List<Path> files = Bundled.scenarios();
        List<String> serialLines = new ArrayList<>();
        List<String> parallelLines = new ArrayList<>();
        GoldenRuns.CheckReport serial = GoldenRuns.check(files, Bundled.golden(), tmp.resolve("serial"), serialLines::add, 1);
        GoldenRuns.CheckReport parallel = GoldenRuns.check(files, Bundled.golden(), tmp.resolve("parallel"), parallelLines::add, 3);
        assertTrue(serial.passed(), serial.summaryLine());
        assertEquals(serial.failed(), parallel.failed());
        assertEquals(serial.outcomes().stream().map(o -> o.name() + " " + o.passed() + " " + o.detail()).toList(),
                parallel.outcomes().stream().map(o -> o.name() + " " + o.passed() + " " + o.detail()).toList());
        assertEquals(serialLines, parallelLines);
        for (Path f : deterministicFiles(tmp.resolve("serial"))) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("serial").resolve(f)),
                    Files.readAllBytes(tmp.resolve("parallel").resolve(f)), f.toString());
        }
    }

    @Test
    void aJobThatFailsIsReportedAtItsPlaceInTheOrder() {
        List<Integer> seen = new ArrayList<>();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                InOrderParallel.run(List.of(1, 2, 3, 4), 3, i -> {
                    if (i == 3) {
                        throw new IllegalArgumentException("job " + i);
                    }
                    return i;
                }, seen::add));
        assertEquals("job 3", e.getMessage());
        assertEquals(List.of(1, 2), seen, "results before the failing job, in order");
    }

    private static List<Path> deterministicFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(Files::isRegularFile).map(root::relativize)
                    .filter(p -> !p.getFileName().toString().equals("summary.json")).sorted().toList();
            assertTrue(files.size() >= 2 * Bundled.scenarios().size(), files.toString());
            return files;
        }
    }
}
