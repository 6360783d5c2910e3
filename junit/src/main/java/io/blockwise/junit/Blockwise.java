package io.blockwise.junit;

import io.blockwise.golden.GoldenRuns;
import io.blockwise.golden.GoldenStore;
import io.blockwise.golden.RenderFolderDiff;
import io.blockwise.render.OfflineRenderer;
import io.blockwise.render.RenderResult;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Blockwise for other projects' JUnit 5 suites: render a scenario and require it to match its
 * golden folder (with the readable difference as the failure message), or get a dynamic test per
 * scenario file of a folder.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> everyScenarioMatchesGolden() {
 *     return Blockwise.goldenTests(Path.of("scenarios"), Path.of("golden"));
 * }
 *
 * @Test
 * void theCabinetSwapIsUnchanged() {
 *     Blockwise.assertMatchesGolden(Path.of("scenarios/cabinet.json"), Path.of("golden"));
 * }
 * }</pre>
 *
 * Renders go into a fresh temporary folder, deleted when the assertion passes and kept (its path
 * is in the message) when it fails. A render with a defect (an allocation or blocking call on the
 * audio thread, a lifecycle violation, a leak) fails too. Call from the test's thread.
 */
public final class Blockwise {
    private Blockwise() {
    }

    /**
     * Renders {@code scenarioFile} and asserts that its deterministic files equal
     * {@code goldenRoot/NAME/} and that the render found no defect.
     */
    public static RenderResult assertMatchesGolden(Path scenarioFile, Path goldenRoot) {
        Path out = tempFolder();
        Scenario scenario = ScenarioReader.read(scenarioFile);
        RenderResult r = OfflineRenderer.render(scenario, out);
        RenderFolderDiff.Result diff = GoldenStore.compare(r.folder(), goldenRoot.resolve(r.name()), r.blockSize());
        if (!diff.matches()) {
            Assertions.fail(r.name() + " does not match golden (render kept in " + r.folder() + ")\n" + diff.report());
        }
        if (!r.clean()) {
            Assertions.fail(r.name() + " has defects (render kept in " + r.folder() + "): "
                    + String.join("; ", r.defects()));
        }
        deleteQuietly(out);
        return r;
    }

    /**
     * Renders {@code scenarioFile} and makes its deterministic files the golden ones in
     * {@code goldenRoot/NAME/} (bless on purpose: when the sound was meant to change). Refuses a
     * render with defects.
     */
    public static RenderResult bless(Path scenarioFile, Path goldenRoot) {
        Path out = tempFolder();
        RenderResult r = OfflineRenderer.render(ScenarioReader.read(scenarioFile), out);
        if (!r.clean()) {
            Assertions.fail("not blessing " + r.name() + ": the render has defects: " + String.join("; ", r.defects()));
        }
        GoldenStore.bless(r.folder(), goldenRoot.resolve(r.name()));
        deleteQuietly(out);
        return r;
    }

    /**
     * One dynamic test per scenario file ({@code .json}, {@code .yaml}, {@code .yml}) directly in
     * {@code scenarioFolder}, in name order, each {@link #assertMatchesGolden} against
     * {@code goldenRoot}.
     */
    public static Stream<DynamicTest> goldenTests(Path scenarioFolder, Path goldenRoot) {
        return scenarioFiles(scenarioFolder).stream().map(file -> DynamicTest.dynamicTest(
                file.getFileName() + " matches golden", file.toUri(), () -> assertMatchesGolden(file, goldenRoot)));
    }

    /**
     * The scenario files directly in {@code folder}, in name order, as {@code check} finds them
     * (the format's {@code schema.json} beside them is not one).
     */
    public static List<Path> scenarioFiles(Path folder) {
        return GoldenRuns.bundledScenarios(folder);
    }

    private static Path tempFolder() {
        try {
            return Files.createTempDirectory("blockwise-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless; the assertion passed
        }
    }
}
