package io.blockwise.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.fuzz.plant.PlantedDefect;
import io.blockwise.golden.JUnitXml;
import io.blockwise.golden.Shard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sharded fuzz runs cover every try exactly once; JUnit XML carries each property's result. */
class FuzzShardAndJUnitTest {
    @TempDir
    Path dir;

    @Test
    void twoShardsTogetherRunEveryTryOfTheWholeRunExactlyOnce() throws IOException {
        Fuzzer.Options o = Fuzzer.Options.defaults(7).withTries(5).withThreads(2);
        run(o.withEmitDir(dir.resolve("all")), "all");
        run(o.withShard(new Shard(1, 2)).withEmitDir(dir.resolve("s1")), "s1");
        run(o.withShard(new Shard(2, 2)).withEmitDir(dir.resolve("s2")), "s2");
        List<String> all = names(dir.resolve("all"));
        List<String> s1 = names(dir.resolve("s1"));
        List<String> s2 = names(dir.resolve("s2"));
        assertTrue(s1.stream().allMatch(n -> n.startsWith("fuzz-0001") || n.startsWith("fuzz-0003") || n.startsWith("fuzz-0005")), s1.toString());
        assertTrue(s2.stream().allMatch(n -> n.startsWith("fuzz-0002") || n.startsWith("fuzz-0004")), s2.toString());
        List<String> union = new ArrayList<>(s1);
        union.addAll(s2);
        assertEquals(all, union.stream().sorted().toList());
        for (String n : s1) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("all").resolve(n)), Files.readAllBytes(dir.resolve("s1").resolve(n)), n);
        }
        for (String n : s2) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("all").resolve(n)), Files.readAllBytes(dir.resolve("s2").resolve(n)), n);
        }
    }

    @Test
    void aFailingPropertyIsAJUnitFailureCarryingItsMinimalScenario() {
        Fuzzer.Report report = run(Fuzzer.Options.defaults(1).withTries(3)
                .withRender(Fuzzer.planting(PlantedDefect.DROP_INSTEAD_OF_RETIRE)).stoppingAtFirstFailure(), "planted");
        List<JUnitXml.Case> cases = FuzzJUnit.cases(report);
        assertEquals(FuzzProperty.values().length, cases.size());
        JUnitXml.Case failed = cases.stream().filter(c -> !c.passed()).findFirst().orElseThrow();
        assertEquals(FuzzProperty.RESOURCES_RETIRED_AND_FREED_ONCE.label(), failed.name());
        assertTrue(failed.detail().contains("\"format\""), "the minimal scenario's text: " + failed.detail());
    }

    private Fuzzer.Report run(Fuzzer.Options o, String name) {
        return new Fuzzer(o.withOutDir(dir.resolve("minimal-" + name)), line -> { }, null).run();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
