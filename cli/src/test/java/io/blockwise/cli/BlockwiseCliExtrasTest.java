package io.blockwise.cli;

import io.blockwise.cli.BlockwiseCliTest.Run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.blockwise.render.ToolVersion;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extras of issue 11: schema, completion, help, --version, '-' for stdin, folders. */
class BlockwiseCliExtrasTest {
    private static final String TINY = "{\"format\": \"blockwise/1\", \"name\": \"%s\", \"sampleRate\": 8000, "
            + "\"blockSize\": 32, \"duration\": 800, \"input\": {\"type\": \"sine\", \"freq\": 440}}";

    @TempDir
    Path tmp;

    static Run run(String... args) {
        return runWithStdin(null, args);
    }

    static synchronized Run runWithStdin(String stdin, String... args) {
        InputStream saved = System.in;
        if (stdin != null) {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return BlockwiseCliTest.run(args);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void schemaPrintsTheCommittedSchema() throws IOException {
        Run r = run("schema");
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(Path.of("..", "scenarios", "schema.json")), r.out());
    }

    @Test
    void versionNamesTheVersionAndTheCommit() {
        Run r = run("--version");
        assertEquals(0, r.code(), r.err());
        ToolVersion v = ToolVersion.current();
        assertEquals("blockwise " + v.version() + " (commit " + v.commit() + ")\n", r.out());
    }

    @Test
    void helpIsACommandForTheToolAndForEachVerb() {
        Run all = run("help");
        assertEquals(0, all.code(), all.err());
        for (String verb : List.of("render", "validate", "check", "bless", "diff", "fuzz", "schema", "completion", "help")) {
            assertTrue(all.out().contains("\n  " + verb + " "), "help lists " + verb + ":\n" + all.out());
        }
        Run render = run("help", "render");
        assertEquals(0, render.code(), render.err());
        assertTrue(render.out().startsWith("Usage: blockwise render"), render.out());
        assertTrue(render.out().contains("standard input"), render.out());
    }

    @Test
    void theCompletionScriptCompletesVerbsAndOptionsInBash() throws Exception {
        Run r = run("completion");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("complete -F _complete_blockwise"), r.out());
        assumeTrue(new File("/bin/bash").canExecute() || new File("/usr/bin/bash").canExecute(), "bash is installed");
        Path script = tmp.resolve("blockwise-completion.bash");
        Files.writeString(script, r.out());
        assertEquals(List.of("render"), complete(script, "blockwise", "ren"));
        assertEquals(List.of("schema"), complete(script, "blockwise", "sch"));
        List<String> renderOptions = complete(script, "blockwise", "render", "--");
        assertTrue(renderOptions.containsAll(List.of("--out", "--jfr", "--lockstep", "--help")), renderOptions.toString());
    }

    /** What the script offers for the last of {@code words}, run in a real bash. */
    private static List<String> complete(Path script, String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append('\'').append(w).append("' ");
        }
        String line = String.join(" ", words);
        String program = "source '" + script + "'\n"
                + "COMP_WORDS=(" + array + ")\nCOMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE='" + line + "'\nCOMP_POINT=" + line.length() + "\n"
                + "_complete_blockwise\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process p = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bash finished");
        assertEquals(0, p.exitValue(), out);
        return Arrays.stream(out.split("\n")).map(String::trim).filter(s -> !s.isEmpty()).sorted().toList();
    }

    @Test
    void renderReadsAScenarioFromStandardInputAndNamesTheOutputAfterIt() {
        Path out = tmp.resolve("out");
        Run r = runWithStdin(TINY.formatted("piped"), "render", "-", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("piped: 800 frames"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("piped").resolve("output.wav")));
        assertTrue(Files.isRegularFile(out.resolve("piped").resolve("events.jsonl")));
    }

    @Test
    void aBadScenarioOnStandardInputIsOneLineNamingStdin() {
        Path out = tmp.resolve("out");
        Run r = runWithStdin(TINY.formatted("Bad Name"), "render", "-", "-o", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("blockwise: <stdin>:1:"), r.err());
        assertTrue(r.err().contains("name: \"Bad Name\" is not a valid name"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(Files.exists(out.resolve("Bad Name")));
    }

    @Test
    void validateTakesAFolderAndStandardInputTogether() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("set"));
        Files.writeString(folder.resolve("b.json"), TINY.formatted("b"));
        Files.writeString(folder.resolve("a.json"), TINY.formatted("a"));
        Files.copy(Path.of("..", "scenarios", "schema.json"), folder.resolve("schema.json"));
        Run r = runWithStdin(TINY.formatted("c"), "validate", folder.toString(), "-");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith(folder.resolve("a.json") + ": ok (a, 800 frames"), lines.get(0));
        assertTrue(lines.get(1).startsWith(folder.resolve("b.json") + ": ok (b,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("<stdin>: ok (c,"), lines.get(2));
    }

    @Test
    void blessAndCheckTakeAFolder() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("set"));
        Files.writeString(folder.resolve("one.json"), TINY.formatted("one"));
        Files.writeString(folder.resolve("two.json"), TINY.formatted("two"));
        Path golden = tmp.resolve("golden");
        Path out = tmp.resolve("out");
        Run bless = run("bless", folder.toString(), "--golden", golden.toString(), "-o", out.toString());
        assertEquals(0, bless.code(), bless.err());
        assertTrue(Files.isDirectory(golden.resolve("one")) && Files.isDirectory(golden.resolve("two")));
        Run check = run("check", folder.toString(), "--golden", golden.toString(), "-o", out.toString());
        assertEquals(0, check.code(), check.err());
        assertTrue(check.out().contains("2 scenario(s) match golden"), check.out());
        Run dash = runWithStdin(TINY.formatted("x"), "check", "-", "--golden", golden.toString(), "-o", out.toString());
        assertEquals(2, dash.code());
        assertTrue(dash.err().contains("'-' works with render and validate"), dash.err());
    }
}
