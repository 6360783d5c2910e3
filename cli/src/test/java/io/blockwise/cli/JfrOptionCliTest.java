package io.blockwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --jfr} on {@code check}, {@code render} and {@code live}: the real-time sanitizer runs and a
 * correct engine passes; {@code live --device NAME} with a name nothing matches is bad input.
 */
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

    @Test
    void liveWithJfrWritesTheSanitizerSectionForACorrectEngine() throws Exception {
        BlockwiseCliTest.Run r = BlockwiseCliTest.run("live", "--jfr", "--seconds", "0.3", "-o", tmp.toString(),
                ROOT.resolve("scenarios/odd-block.json").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        String summary = Files.readString(tmp.resolve("odd-block").resolve("summary.json"));
        assertTrue(summary.contains("\"rtSanitizer\" : {") && summary.contains("\"events\" : 0"), summary);
    }

    @Test
    void liveWithADeviceNothingMatchesIsOneLineListingTheDevicesAndExit2() {
        BlockwiseCliTest.Run r = BlockwiseCliTest.run("live", "--device", "no-such-device-7f3a", "-o", tmp.toString(),
                ROOT.resolve("scenarios/odd-block.json").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("blockwise: no audio device matches 'no-such-device-7f3a' for 48000 Hz 16-bit"), r.err());
        assertTrue(r.err().contains("; available: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(!Files.exists(tmp.resolve("odd-block")), "nothing written");
    }
}
