package io.blockwise.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sizes are checked before anything is allocated: only regular files of capped size are read,
 * time strings have a length cap, durations a 24-hour cap, names a length cap, limits an event-ring
 * cap; every refusal is one short line.
 */
class SizeLimitsTest {
    @TempDir
    Path dir;

    static String scenario(String name, String duration, String limits) {
        return "{\"format\": \"blockwise/1\", \"name\": \"" + name + "\", \"sampleRate\": 48000, \"blockSize\": 128,"
                + " \"duration\": " + duration + ", \"input\": {\"type\": \"silence\"}"
                + (limits == null ? "" : ", \"limits\": " + limits) + "}";
    }

    static String error(String text) {
        return assertThrows(ScenarioException.class, () -> ScenarioReader.parse(text, Path.of("s.json"), false))
                .getMessage();
    }

    @Test
    void aTimeStringOfMillionsOfDigitsIsRefusedByItsLengthWithAShortMessage() {
        String m = error(scenario("t", "\"" + "1".repeat(1_000_000) + "s\"", null));
        assertTrue(m.startsWith("s.json:1:91: duration: \"1111111111"), m);
        assertTrue(m.contains("has 1000001 characters, too many for a time (at most 40)"), m);
        assertTrue(m.length() < 300, m);
    }

    @Test
    void aDurationBeyond24HoursIsRefusedBeforeAnyBlockCountOverflows() {
        assertEquals("s.json:1:91: duration: duration 9223372036854775807 frames is longer than 24 hours; "
                + "allowed: 1..4147200000 frames at 48000 Hz", error(scenario("t", "9223372036854775807", null)));
        assertEquals("s.json:1:91: duration: duration 4147200048 frames is longer than 24 hours; "
                + "allowed: 1..4147200000 frames at 48000 Hz", error(scenario("t", "\"86400.001s\"", null)));
        Scenario ok = ScenarioReader.parse(scenario("t", "\"86400s\"", null), Path.of("s.json"), false);
        assertEquals(4_147_200_000L, ok.durationFrames());
        assertEquals(32_400_000L, ok.blockCount());
    }

    @Test
    void aNameTooLongForAFileNameIsRefusedWithItsLengthNotItsText() {
        String m = error(scenario("a".repeat(101), "1", null));
        assertTrue(m.startsWith("s.json:1:35: name: name has 101 characters; allowed: "), m);
        assertTrue(m.endsWith("at most 100 characters"), m);
        assertEquals("a".repeat(100), ScenarioReader.parse(scenario("a".repeat(100), "1", null), Path.of("s.json"),
                false).name());
        String huge = error(scenario("a".repeat(2_000_000), "1", null));
        assertTrue(huge.length() < 300, huge.length() + " characters");
    }

    @Test
    void limitsThatWouldSizeTheEventRingBeyondItsCapAreRefused() {
        String m = error(scenario("t", "1", "{\"maxMessagesPerBlock\": 100000}"));
        assertTrue(m.contains("limits.maxMessagesPerBlock: maxMessagesPerBlock 100000 with maxChainLength 64 would "
                + "size the audio thread's event ring at 6800000 events; allowed: maxMessagesPerBlock x "
                + "(maxChainLength + 4) at most 1048576"), m);
        // At the cap: 15420 x 68 = 1048560 events.
        ScenarioReader.parse(scenario("t", "1", "{\"maxMessagesPerBlock\": 15420}"), Path.of("s.json"), false);
        assertTrue(error(scenario("t", "1", "{\"maxMessagesPerBlock\": 1021, \"maxChainLength\": 1024}"))
                .contains("1021 with maxChainLength 1024"), "1021 x 1028 > 1048576");
    }

    @Test
    void aNumberOfAThousandDigitsIsShownShortened() {
        String m = error(scenario("t", "1", "{\"queueCapacity\": " + "9".repeat(1000) + "}"));
        assertTrue(m.contains("queueCapacity 999999999999999999999999999999... (1000 characters) is out of range"), m);
    }

    @Test
    void onlyRegularFilesOfCappedSizeAreRead() throws IOException {
        Path folder = dir.resolve("folder.json");
        Files.createDirectories(folder);
        assertEquals(folder + ": cannot read: not a regular file (a directory)",
                assertThrows(ScenarioException.class, () -> ScenarioReader.read(folder)).getMessage());
        assertEquals("/dev/zero: cannot read: not a regular file (a FIFO, device or socket)",
                assertThrows(ScenarioException.class, () -> ScenarioReader.read(Path.of("/dev/zero"))).getMessage());
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[(int) InputFiles.MAX_SCENARIO_BYTES + 1]);
        assertEquals(big + ": cannot read: too large (33554433 bytes); allowed: at most 33554432 bytes (32 MiB)",
                assertThrows(ScenarioException.class, () -> ScenarioReader.read(big)).getMessage());
    }

    @Test
    void aFifoIsRefusedWithoutBeingOpened() throws Exception {
        Path fifo = dir.resolve("fifo.json");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
        // Opening a FIFO without a writer blocks forever; this returns at once.
        assertEquals(fifo + ": cannot read: not a regular file (a FIFO, device or socket)",
                assertThrows(ScenarioException.class, () -> ScenarioReader.read(fifo)).getMessage());
    }

    @Test
    void aFileInputThatIsADirectoryIsNamedAsSuch() throws IOException {
        Files.createDirectories(dir.resolve("in.wav"));
        String text = scenario("t", "1", null).replace("{\"type\": \"silence\"}", "{\"type\": \"file\", \"path\": \"in.wav\"}");
        String m = assertThrows(ScenarioException.class, () -> ScenarioReader.parse(text, dir.resolve("s.json"), false))
                .getMessage();
        assertTrue(m.contains("\"in.wav\" is not a regular file (a directory, " + dir.resolve("in.wav") + ")"), m);
    }
}
