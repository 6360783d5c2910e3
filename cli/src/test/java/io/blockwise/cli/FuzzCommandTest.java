package io.blockwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.fuzz.plant.PlantedDefect;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FuzzCommandTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) { }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Blockwise.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void fuzzArgumentsParseWithoutRunning() {
        FuzzCommand fuzz = new FuzzCommand();
        new CommandLine(fuzz).parseArgs("--seed", "4242", "--tries", "200", "--out", "o", "--emit", "e",
                "--plant", "double-free", "--threads", "3");
        assertEquals(4242L, fuzz.seed);
        assertEquals(3, fuzz.threads);
        assertEquals(200, fuzz.tries);
        assertEquals(Path.of("o"), fuzz.out);
        assertEquals(Path.of("e"), fuzz.emit);
        assertEquals(PlantedDefect.DOUBLE_FREE, fuzz.plant);
    }

    @Test
    void fuzzDefaultsToOutFuzzAndARandomSeed() {
        FuzzCommand fuzz = new FuzzCommand();
        new CommandLine(fuzz).parseArgs();
        assertEquals(Path.of("out/fuzz"), fuzz.out);
        assertEquals(null, fuzz.seed);
        assertEquals(null, fuzz.emit);
        assertEquals(null, fuzz.plant);
        assertEquals(Runtime.getRuntime().availableProcessors(), fuzz.threads, "a thread per processor");
    }

    @Test
    void zeroThreadsIsAUsageErrorOnOneLine() {
        Run r = run("fuzz", "--threads", "0", "--tries", "1", "--out", tmp.resolve("min").toString());
        assertEquals(2, r.code, r.out + r.err);
        assertTrue(r.err.startsWith("blockwise: --threads must be at least 1, got 0"), r.err);
        assertTrue(!r.err.contains("\tat "), "no stack trace");
    }

    @Test
    void aPassingRunExitsZeroAndEndsWithTheSummaryLine() throws IOException {
        Run r = run("fuzz", "--seed", "5", "--tries", "3", "--out", tmp.resolve("min").toString(),
                "--emit", tmp.resolve("emit").toString());
        assertEquals(0, r.code, r.err);
        List<String> lines = r.out.lines().toList();
        assertEquals("3 tries, 0 failures, seed 5", lines.get(lines.size() - 1));
        assertTrue(Files.exists(tmp.resolve("emit").resolve("fuzz-0001.json")));
        assertEquals("", r.err, "no progress line off a terminal");
    }

    @Test
    void aPlantedDefectIsFoundAndExitsOne() {
        Run r = run("fuzz", "--seed", "5", "--tries", "2", "--out", tmp.resolve("min").toString(),
                "--plant", "drop-instead-of-retire");
        assertEquals(1, r.code, r.out + r.err);
        assertTrue(r.out.contains("FAIL resources-retired-and-freed-once: " + tmp.resolve("min")), r.out);
        assertTrue(r.err.startsWith("blockwise: "), r.err);
    }

    @Test
    void anUnknownDefectIsAUsageError() {
        Run r = run("fuzz", "--plant", "meltdown");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("allocating-stage, blocking-stage, drop-instead-of-retire, double-free, drop-when-queue-full"), r.err);
    }
}
