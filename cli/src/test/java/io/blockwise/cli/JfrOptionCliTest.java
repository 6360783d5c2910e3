package io.blockwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --jfr} on {@code check} and {@code render}: the real-time sanitizer runs and a correct engine passes. */
class JfrOptionCliTest {
    static final Path ROOT = Path.of(System.getProperty("blockwise.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void checkWithJfrMatchesGoldenForACorrectEngine() {
        BlockwiseCliTest.Run r = BlockwiseCliTest.run("check", "--jfr", "--no-report", "-o", tmp.toString(),
                "--golden", ROOT.resolve("golden").toString(), ROOT.resolve("scenarios/odd-block.json").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("1 scenario(s) match golden"), r.out());
    }

    @Test
    void renderWithJfrWritesTheSanitizerSectionAndPrintsNothingForACorrectEngine() throws Exception {
        BlockwiseCliTest.Run r = BlockwiseCliTest.run("render", "--jfr", "-o", tmp.toString(),
                ROOT.resolve("scenarios/odd-block.json").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(!r.err().contains("rt-sanitizer"), r.err());
        String summary = Files.readString(tmp.resolve("odd-block").resolve("summary.json"));
        assertTrue(summary.contains("\"rtSanitizer\" : {") && summary.contains("\"events\" : 0"), summary);
    }
}
