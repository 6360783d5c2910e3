package io.blockwise.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.fuzz.plant.PlantedDefect;
import io.blockwise.golden.GoldenRuns;
import io.blockwise.render.RenderOptions;
import io.blockwise.render.RenderResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fuzz run itself: determined by its seed, its files are scenarios {@code render} accepts, its lines as documented. */
class FuzzerTest {
    @TempDir
    Path dir;

    @Test
    void theSameSeedGivesTheSameScenariosAndTheSameResult() throws IOException {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        Fuzzer.Report a = run(Fuzzer.Options.defaults(99).withTries(6).withEmitDir(dir.resolve("a")), first);
        Fuzzer.Report b = run(Fuzzer.Options.defaults(99).withTries(6).withEmitDir(dir.resolve("b")), second);
        assertEquals(first, second);
        assertEquals(a, b);
        List<String> names = names(dir.resolve("a"));
        assertEquals(names, names(dir.resolve("b")));
        assertEquals(6 * 5, names.size(), "a scenario, a commutation pair and an equivalence pair per try");
        for (String n : names) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(n)), Files.readAllBytes(dir.resolve("b").resolve(n)), n);
        }
        run(Fuzzer.Options.defaults(100).withTries(1).withEmitDir(dir.resolve("c")), new ArrayList<>());
        assertNotEquals(Files.readString(dir.resolve("a/fuzz-0001.json")).replace("seed 99", ""),
                Files.readString(dir.resolve("c/fuzz-0001.json")).replace("seed 100", ""), "another seed, other scenarios");
    }

    @Test
    void theSameSeedGivesTheSameReportOnOneThreadAndOnThree() throws IOException {
        // A planted defect, so that the report has failures, shrinks and minimal files to compare.
        Fuzzer.Options o = Fuzzer.Options.defaults(5).withTries(8)
                .withRender(Fuzzer.planting(PlantedDefect.DOUBLE_FREE));
        List<String> serial = new ArrayList<>();
        List<String> parallel = new ArrayList<>();
        Fuzzer.Report a = run(o.withThreads(1).withOutDir(dir.resolve("one")).withEmitDir(dir.resolve("emit-one")), serial);
        Fuzzer.Report b = run(o.withThreads(3).withOutDir(dir.resolve("three")).withEmitDir(dir.resolve("emit-three")),
                parallel);
        assertTrue(!a.passed(), "the planted double free is found: " + serial);
        assertEquals(serial, parallel.stream().map(l -> l.replace(dir.resolve("three").toString(),
                dir.resolve("one").toString())).toList());
        assertEquals(a.summaryLine(), b.summaryLine());
        assertEquals(a.failures().stream().map(f -> List.of(f.property(), f.tryNumber(), f.minimal(), f.steps(),
                f.message())).toList(), b.failures().stream().map(f -> List.of(f.property(), f.tryNumber(), f.minimal(),
                f.steps(), f.message())).toList());
        for (String folder : List.of("", "emit-")) {
            List<String> names = names(dir.resolve(folder + "one"));
            assertEquals(names, names(dir.resolve(folder + "three")));
            for (String n : names) {
                assertArrayEquals(Files.readAllBytes(dir.resolve(folder + "one").resolve(n)),
                        Files.readAllBytes(dir.resolve(folder + "three").resolve(n)), n);
            }
        }
    }

    @Test
    void aPassingRunEndsWithTheSummaryLine() {
        List<String> lines = new ArrayList<>();
        Fuzzer.Report r = run(Fuzzer.Options.defaults(4242).withTries(5), lines);
        assertTrue(r.passed(), lines.toString());
        assertEquals("5 tries, 0 failures, seed 4242", lines.get(lines.size() - 1));
    }

    @Test
    void emittedScenariosRenderAsTheRenderCommandRendersThem() throws IOException {
        run(Fuzzer.Options.defaults(7).withTries(6).withEmitDir(dir.resolve("emit")), new ArrayList<>());
        int rendered = 0;
        for (String n : names(dir.resolve("emit"))) {
            Path file = dir.resolve("emit").resolve(n);
            RenderResult r = GoldenRuns.render(file, dir.resolve("out"));
            assertTrue(r.clean(), n + ": " + r.defects());
            assertEquals(n.replace(".json", ""), r.name(), "each file's scenario is named after it");
            rendered++;
        }
        assertTrue(rendered >= 6, "emitted scenarios rendered: " + rendered);
    }

    @Test
    void aFailingRunPrintsOneLinePerFailingPropertyWithItsMinimalScenario() throws IOException {
        List<String> lines = new ArrayList<>();
        Fuzzer.Report r = run(Fuzzer.Options.defaults(3).withTries(3).withOutDir(dir.resolve("min"))
                .withRender(Fuzzer.planting(PlantedDefect.DOUBLE_FREE)), lines);
        assertTrue(!r.passed());
        long failLines = lines.stream().filter(l -> l.startsWith("FAIL ")).count();
        assertEquals(r.failures().size(), failLines);
        assertEquals(r.tries() + " tries, " + r.failures().size() + " failures, seed 3", lines.get(lines.size() - 1));
        for (Fuzzer.Failure f : r.failures()) {
            assertTrue(f.line().startsWith("FAIL " + f.property().label() + ": " + f.files().get(0)), f.line());
            assertTrue(Files.readString(f.files().get(0)).contains(f.property().label()), "the file says why it fails");
        }
    }

    private Fuzzer.Report run(Fuzzer.Options o, List<String> lines) {
        return new Fuzzer(o.withOutDir(o.outDir().isAbsolute() ? o.outDir() : dir.resolve("minimal")), lines::add, null)
                .run();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
