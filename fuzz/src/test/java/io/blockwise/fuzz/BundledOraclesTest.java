package io.blockwise.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.blockwise.render.OfflineRenderer;
import io.blockwise.render.RenderOptions;
import io.blockwise.render.RenderResult;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The new oracles on the bundled scenarios (hand-written, with known sounds): every lone message
 * is click-free (all of them judged, not only two; the kinds of {@link ClickChecks#NOT_YET_FADED}
 * are held to "nothing before their block" only), every outcome is what the independent model
 * predicts (and the chain after every block is the model's), and the log is complete.
 */
class BundledOraclesTest {
    static final Path SCENARIOS = Path.of(System.getProperty("blockwise.root", "..")).resolve("scenarios");

    @TempDir
    Path dir;

    static List<Path> bundled() throws IOException {
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            return files.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().equals("schema.json")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void aBundledScenarioIsClickFreeMatchesTheModelAndLogsEverything(Path file) {
        Scenario s = ScenarioReader.read(file);
        ChainObserver chains = new ChainObserver(io.blockwise.engine.EngineHooks.NONE);
        RenderResult r = OfflineRenderer.render(s, dir.resolve("with"), RenderOptions.DEFAULT.withHooks(chains));
        assertEquals(Optional.empty(), SemanticModel.logMatches(s, r, chains.snapshots()), "log-matches-model");
        assertEquals(Optional.empty(), LogCompleteness.complete(s, r), "log-complete");
        AtomicInteger n = new AtomicInteger();
        assertEquals(Optional.empty(), ClickChecks.clickFree(s, r,
                x -> OfflineRenderer.render(x, dir.resolve("without" + n.incrementAndGet()), RenderOptions.DEFAULT),
                ClickChecks.NOT_YET_FADED, Integer.MAX_VALUE), "click-free");
    }
}
