package io.blockwise.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.testing.TestDefects;
import io.blockwise.render.RenderOptions;
import io.blockwise.testing.Bundled;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --jfr}: the real-time sanitizer runs on each render; a blocking audio thread fails the check with its stack. */
class CheckWithSanitizerTest {
    @TempDir
    Path tmp;

    private static List<Path> scenarios(String... names) {
        return Bundled.scenarios().stream().filter(p -> List.of(names).contains(p.getFileName().toString())).toList();
    }

    @Test
    void aCorrectEngineMatchesGoldenUnderTheSanitizerOnTwoThreadsAtOnce() {
        List<Path> files = scenarios("odd-block.json", "queue-flood.json");
        assertEquals(2, files.size());
        GoldenRuns.CheckReport report = GoldenRuns.check(files, Bundled.golden(), tmp.resolve("out"), line -> { }, 2,
                null, RenderOptions.DEFAULT.withJfrBlockingAudit(true));
        assertTrue(report.passed(), report.outcomes().toString());
    }

    @Test
    void aBlockingAudioThreadFailsTheCheckNamingTheCallAndItsStackOnce() {
        List<Path> files = scenarios("odd-block.json");
        GoldenRuns.CheckReport report = GoldenRuns.check(files, Bundled.golden(), tmp.resolve("out"), line -> { }, 1,
                null, RenderOptions.DEFAULT.withJfrBlockingAudit(true).withHooks(TestDefects.parkingPreamp()));
        assertFalse(report.passed());
        String detail = report.outcomes().get(0).detail();
        assertTrue(detail.contains("rt-block"), detail);
        assertTrue(detail.contains("rt-sanitizer: odd-block:"), detail);
        assertTrue(detail.contains("at io.blockwise.testing.TestDefects$Defective.process:"), detail);
        assertEquals(1, detail.lines().filter(l -> l.contains("at io.blockwise.testing.TestDefects$Defective.process:")).count(),
                "one paragraph per distinct stack: " + detail);
    }
}
