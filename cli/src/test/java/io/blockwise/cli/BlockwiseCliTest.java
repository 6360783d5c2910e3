package io.blockwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BlockwiseCliTest {
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
    void renderArgumentsParseWithoutRunning() {
        RenderCommand render = new RenderCommand();
        new CommandLine(render).parseArgs("a.json", "b.yaml", "-o", "elsewhere");
        assertEquals(List.of(Path.of("a.json"), Path.of("b.yaml")), render.scenarios);
        assertEquals(Path.of("elsewhere"), render.out);
    }

    @Test
    void renderDefaultsToTheOutFolder() {
        RenderCommand render = new RenderCommand();
        new CommandLine(render).parseArgs("a.json");
        assertEquals(Path.of("out"), render.out);
    }

    @Test
    void aMalformedScenarioGivesOneLineNamingLineAndColumnAndExitTwo() throws IOException {
        Path s = tmp.resolve("bad.json");
        Files.writeString(s, "{\n  \"format\": \"blockwise/1\",\n  \"name\": \"bad\",\n  \"sampleRate\": 48000,\n"
                + "  \"blockSize\": 128,\n  \"duration\": \"1s\",\n  \"input\": {\"type\": \"silence\"},\n"
                + "  \"setup\": {\"chain\": [{\"type\": \"preamp\", \"gain\": 42}]}\n}\n");
        Run r = run("render", s.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(2, r.code);
        assertEquals(s + ":8:50: setup.chain[0].gain: preamp.gain 42 is out of range 0..10\n",
                r.err.replace("blockwise: ", ""));
        assertFalse(r.err.contains("\tat "), "no stack trace");
        assertFalse(Files.exists(tmp.resolve("out").resolve("bad")), "no output folder for a failed render");
    }

    @Test
    void debugAddsTheStackTrace() throws IOException {
        Path s = tmp.resolve("bad.json");
        Files.writeString(s, "{\"format\": \"blockwise/9\"}");
        Run r = run("validate", "--debug", s.toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("\tat "), r.err);
    }

    @Test
    void aMissingFileIsBadInput() {
        Run r = run("validate", tmp.resolve("nope.json").toString());
        assertEquals(2, r.code);
        assertEquals(1, r.err.lines().count(), r.err);
    }

    @Test
    void everyVerbAnswersHelpAsTheUsageErrorSuggests() {
        for (String verb : List.of("render", "validate", "check", "bless", "diff", "fuzz")) {
            Run r = run(verb, "--help");
            assertEquals(0, r.code, verb + ": " + r.err);
            assertTrue(r.out.startsWith("Usage: blockwise " + verb), r.out);
        }
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Run r = run("render", "--frobnicate", "x.json");
        assertEquals(2, r.code);
        assertEquals(1, r.err.lines().count(), r.err);
    }

    @Test
    void renderThenCheckAgainstItsOwnBlessingPassesAndATamperedGoldenFails() throws IOException {
        Path s = tmp.resolve("tiny.json");
        Files.writeString(s, "{\"format\": \"blockwise/1\", \"name\": \"tiny\", \"sampleRate\": 8000, \"blockSize\": 32,"
                + " \"duration\": 800, \"input\": {\"type\": \"sine\", \"freq\": 440},"
                + " \"setup\": {\"chain\": [{\"type\": \"level\", \"gain\": 0.5}]},"
                + " \"events\": [{\"at\": 100, \"do\": \"setParameter\", \"stage\": 0, \"param\": \"gain\", \"value\": 1}]}");
        Path golden = tmp.resolve("golden");
        Path out = tmp.resolve("out");
        Run bless = run("bless", s.toString(), "--golden", golden.toString(), "-o", out.toString());
        assertEquals(0, bless.code, bless.err);
        Run check = run("check", s.toString(), "--golden", golden.toString(), "-o", out.toString());
        assertEquals(0, check.code, check.err);
        assertTrue(check.out.contains("ok       tiny"), check.out);
        Path log = golden.resolve("tiny").resolve("events.jsonl");
        Files.writeString(log, Files.readString(log).replace("\"seq\":1", "\"seq\":2"));
        Run mismatch = run("check", s.toString(), "--golden", golden.toString(), "-o", out.toString());
        assertEquals(1, mismatch.code);
        assertTrue(mismatch.out.contains("MISMATCH tiny"), mismatch.out);
        Run diff = run("diff", golden.resolve("tiny").toString(), out.resolve("tiny").toString());
        assertEquals(1, diff.code);
    }
}
