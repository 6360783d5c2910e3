package io.blockwise.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.junit.Blockwise;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * A user's suite, written against the public API of blockwise-junit only (this module depends on
 * nothing else of Blockwise): the README's copy-paste example, and what a failure looks like.
 */
class GoldenScenariosTest {
    static final Path ROOT = Path.of(System.getProperty("blockwise.root", ".."));

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyBundledScenarioMatchesGolden() {
        return Blockwise.goldenTests(ROOT.resolve("scenarios"), ROOT.resolve("golden"));
    }

    @Test
    void aChangedStageFailsWithTheReadableDifference() throws Exception {
        String scenario = """
                {"format": "blockwise/1", "name": "my-rig", "sampleRate": 48000, "blockSize": 128,
                 "duration": "0.2s", "input": {"type": "sine", "freq": 220, "amp": 0.4},
                 "setup": {"chain": [{"type": "level", "gain": %s}]}}""";
        Path file = tmp.resolve("my-rig.json");
        Path golden = tmp.resolve("golden");
        Files.writeString(file, scenario.formatted("0.5"));
        Blockwise.bless(file, golden);
        Blockwise.assertMatchesGolden(file, golden);

        Files.writeString(file, scenario.formatted("0.6")); // someone changed the stage
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Blockwise.assertMatchesGolden(file, golden));
        assertTrue(e.getMessage().startsWith("my-rig does not match golden"), e.getMessage());
        assertTrue(e.getMessage().contains("output.wav"), e.getMessage());
        assertTrue(e.getMessage().contains("first difference at frame"), e.getMessage());
    }

    @Test
    void aFolderGivesOneTestPerScenarioFileInNameOrder() {
        assertEquals(Blockwise.scenarioFiles(ROOT.resolve("scenarios")).size(),
                Blockwise.goldenTests(ROOT.resolve("scenarios"), ROOT.resolve("golden")).count());
    }
}
