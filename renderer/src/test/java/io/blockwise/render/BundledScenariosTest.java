package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.golden.GoldenStore;
import io.blockwise.golden.RenderFolderDiff;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioReader;
import io.blockwise.testing.Bundled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The golden regression suite and the determinism of every bundled scenario. */
class BundledScenariosTest {
    @TempDir
    Path tmp;

    static Stream<Path> scenarios() {
        return Bundled.scenarios().stream();
    }

    @Test
    void theBundleCoversEnoughScenarios() {
        assertTrue(Bundled.scenarios().size() >= 6, Bundled.scenarios().toString());
    }

    @ParameterizedTest(name = "{0} matches golden with no defect")
    @MethodSource("scenarios")
    void everyBundledScenarioMatchesGoldenWithNoDefect(Path file) {
        Scenario s = ScenarioReader.read(file);
        RenderResult r = OfflineRenderer.render(s, tmp);
        assertEquals(List.of(), r.defects(), "defects");
        assertEquals(0L, r.eventCounts().getOrDefault("rt-alloc", 0L));
        RenderFolderDiff.Result diff = GoldenStore.compare(r.folder(), Bundled.golden().resolve(s.name()), s.blockSize());
        assertTrue(diff.matches(), diff.report());
    }

    @ParameterizedTest(name = "{0} renders the same bytes twice, offline and lockstep")
    @MethodSource("scenarios")
    void renderingTwiceAndInLockstepGivesIdenticalBytes(Path file) throws IOException {
        Scenario s = ScenarioReader.read(file);
        RenderResult a = OfflineRenderer.render(s, tmp.resolve("a"));
        RenderResult b = OfflineRenderer.render(s, tmp.resolve("b"));
        RenderResult c = OfflineRenderer.render(s, tmp.resolve("c"), RenderOptions.DEFAULT.withMode(RenderOptions.Mode.LOCKSTEP));
        for (RenderResult other : List.of(b, c)) {
            for (String f : deterministicFiles(a.folder())) {
                assertArrayEquals(Files.readAllBytes(a.folder().resolve(f)), Files.readAllBytes(other.folder().resolve(f)),
                        f + " differs between " + a.folder() + " and " + other.folder());
            }
        }
    }

    private static List<String> deterministicFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("summary.json")).sorted().toList();
        }
    }
}
