package io.blockwise.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.fuzz.plant.PlantedDefect;
import io.blockwise.render.RenderOptions;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays {@code scenarios/fuzz-regressions/}: every failure the fuzzer ever found, minimised. A
 * single scenario ({@code NAME.json}) must hold properties 1 to 5; a pair ({@code NAME-a.json} and
 * {@code NAME-b.json}) must hold them too and sound the same. A scenario the fuzzer found with a
 * planted defect ({@code planted-DEFECT.json}) must also still fail with that defect planted, so
 * the corpus keeps proving that the checks bite.
 */
class RegressionCorpusTest {
    static final Path CORPUS = Path.of(System.getProperty("blockwise.root", "..")).resolve("scenarios")
            .resolve("fuzz-regressions");
    private static final List<FuzzProperty> SINGLE = EnumSet.allOf(FuzzProperty.class).stream()
            .filter(p -> !p.onPairs()).toList();
    private static PropertyChecks checks;

    @BeforeAll
    static void startRendering() {
        checks = new PropertyChecks(RenderOptions.DEFAULT);
    }

    @AfterAll
    static void cleanUp() {
        checks.close();
    }

    @Test
    void theCorpusHoldsAtLeastOneScenario() throws IOException {
        assertFalse(files().isEmpty(), "no scenario in " + CORPUS);
    }

    @TestFactory
    Stream<DynamicTest> everyRegressionScenarioHoldsEveryProperty() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files()) {
            String name = file.getFileName().toString();
            if (name.endsWith("-b.json")) {
                continue;
            }
            Path other = file.resolveSibling(name.replace("-a.json", "-b.json"));
            if (name.endsWith("-a.json") && Files.exists(other)) {
                tests.add(DynamicTest.dynamicTest(name + " and its -b", () -> holdsAsPair(file, other)));
            } else {
                tests.add(DynamicTest.dynamicTest(name, () -> holds(ScenarioReader.read(file))));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> plantedDefectScenariosStillFailWithTheirDefect() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files()) {
            String name = file.getFileName().toString();
            for (PlantedDefect d : PlantedDefect.values()) {
                if (name.equals("planted-" + d.cliName() + ".json")) {
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        try (PropertyChecks planted = new PropertyChecks(Fuzzer.planting(d))) {
                            assertFalse(planted.check(ScenarioReader.read(file), SINGLE).isEmpty(),
                                    name + " no longer fails with " + d.cliName() + " planted");
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    private static void holds(Scenario s) {
        Map<FuzzProperty, String> failures = checks.check(s, SINGLE);
        assertTrue(failures.isEmpty(), String.join("\n", failures.values()));
    }

    private static void holdsAsPair(Path a, Path b) {
        Scenario x = ScenarioReader.read(a);
        Scenario y = ScenarioReader.read(b);
        holds(x);
        holds(y);
        ScenarioPair pair = new ScenarioPair("corpus", a.getFileName() + " vs " + b.getFileName(), x, y);
        FuzzProperty p = a.getFileName().toString().startsWith(FuzzProperty.SET_CHAIN_EQUALS_ADD_STAGES.label())
                ? FuzzProperty.SET_CHAIN_EQUALS_ADD_STAGES : FuzzProperty.INDEPENDENT_MESSAGES_COMMUTE;
        checks.check(p, pair).ifPresent(f -> {
            throw new AssertionError(f);
        });
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }
}
