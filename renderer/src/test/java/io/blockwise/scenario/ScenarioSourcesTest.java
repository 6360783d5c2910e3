package io.blockwise.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioSourcesTest {
    private static final String TINY = "{\"format\": \"blockwise/1\", \"name\": \"%s\", \"sampleRate\": 8000, "
            + "\"blockSize\": 32, \"duration\": 800, \"input\": {\"type\": \"silence\"}}";
    private static final String TINY_YAML = "format: blockwise/1\nname: %s\nsampleRate: 8000\nblockSize: 32\n"
            + "duration: 100ms\ninput: {type: silence}\n";

    @TempDir
    Path tmp;

    private static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream noStdin() {
        return new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("standard input must not be read");
            }
        };
    }

    @Test
    void aFolderMeansItsScenarioFilesSortedByNameWithoutTheSchemaOrOtherFiles() throws IOException {
        Files.writeString(tmp.resolve("b.json"), TINY.formatted("b"));
        Files.writeString(tmp.resolve("a.yaml"), TINY_YAML.formatted("a"));
        Files.writeString(tmp.resolve("C.YML"), TINY_YAML.formatted("c"));
        Files.writeString(tmp.resolve("schema.json"), "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"}");
        Files.writeString(tmp.resolve("notes.txt"), "not a scenario");
        Files.createDirectories(tmp.resolve("sub.json"));
        Files.writeString(tmp.resolve("sub.json").resolve("deeper.json"), TINY.formatted("deeper"));

        List<ScenarioSources.Source> sources = ScenarioSources.expand(List.of(tmp), noStdin());

        assertEquals(List.of(tmp.resolve("C.YML"), tmp.resolve("a.yaml"), tmp.resolve("b.json")),
                sources.stream().map(ScenarioSources.Source::file).toList(), "byte order of names, like ls");
        assertEquals(List.of("c", "a", "b"), sources.stream().map(s -> s.read().name()).toList());
        assertEquals(ScenarioSources.folder(tmp), ScenarioSources.files(List.of(tmp)));
    }

    @Test
    void filesAndFoldersMixInArgumentOrder() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("set"));
        Files.writeString(folder.resolve("y.json"), TINY.formatted("y"));
        Files.writeString(folder.resolve("x.json"), TINY.formatted("x"));
        Path single = tmp.resolve("single.json");
        Files.writeString(single, TINY.formatted("single"));
        assertEquals(List.of(single, folder.resolve("x.json"), folder.resolve("y.json"), single),
                ScenarioSources.files(List.of(single, folder, single)));
    }

    @Test
    void aFolderWithoutScenariosIsAOneLineError() throws IOException {
        Files.writeString(tmp.resolve("readme.md"), "nothing");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioSources.expand(List.of(tmp), noStdin()));
        assertEquals(tmp + ": the folder has no scenario files; allowed: a folder with .json, .yaml or .yml "
                + "scenarios", e.getMessage());
    }

    @Test
    void aMissingPathIsPassedOnSoThatReadingItSaysNoSuchFile() {
        Path missing = tmp.resolve("missing.json");
        List<ScenarioSources.Source> sources = ScenarioSources.expand(List.of(missing), noStdin());
        ScenarioException e = assertThrows(ScenarioException.class, () -> sources.get(0).read());
        assertEquals(missing + ": cannot read: no such file", e.getMessage());
    }

    @Test
    void aDashReadsJsonFromStandardInput() {
        List<ScenarioSources.Source> sources = ScenarioSources.expand(List.of(Path.of("-")),
                stdin("// from a pipe\n/* still a comment */ " + TINY.formatted("piped")));
        assertEquals(1, sources.size());
        ScenarioSources.Source s = sources.get(0);
        assertTrue(s.isStdin());
        assertFalse(s.yaml());
        assertEquals("<stdin>", s.label());
        Scenario read = s.read();
        assertEquals("piped", read.name());
        assertEquals(800, read.durationFrames());
    }

    @Test
    void aDashReadsYamlFromStandardInputWhenItDoesNotStartWithABrace() {
        ScenarioSources.Source s = ScenarioSources.expand(List.of(Path.of("-")),
                stdin("# a YAML comment\n" + TINY_YAML.formatted("yaml-piped"))).get(0);
        assertTrue(s.yaml());
        assertEquals("yaml-piped", s.read().name());
        assertEquals(800, s.read().durationFrames(), "100ms at 8 kHz");
    }

    @Test
    void errorsInAScenarioFromStandardInputNameStdinWithLineAndColumn() {
        String text = "{\n  \"format\": \"blockwise/1\", \"name\": \"p\", \"sampleRate\": 8000, \"blockSize\": 32,\n"
                + "  \"duration\": 800, \"input\": {\"type\": \"silence\"},\n"
                + "  \"setup\": {\"chain\": [{\"type\": \"level\", \"gain\": 3}]}\n}\n";
        ScenarioSources.Source s = ScenarioSources.expand(List.of(Path.of("-")), stdin(text)).get(0);
        ScenarioException e = assertThrows(ScenarioException.class, s::read);
        assertEquals("<stdin>:4:49: setup.chain[0].gain: level.gain 3 is out of range 0..2", e.getMessage());
    }

    @Test
    void relativePathsInAScenarioFromStandardInputAreRelativeToTheCurrentFolder() {
        String text = TINY.formatted("rel").replace("{\"type\": \"silence\"}",
                "{\"type\": \"file\", \"path\": \"no-such-input-blockwise.wav\"}");
        ScenarioSources.Source s = ScenarioSources.expand(List.of(Path.of("-")), stdin(text)).get(0);
        ScenarioException e = assertThrows(ScenarioException.class, s::read);
        Path expected = Path.of("").toAbsolutePath().resolve("no-such-input-blockwise.wav");
        assertTrue(e.getMessage().startsWith("<stdin>:1:"), e.getMessage());
        assertTrue(e.getMessage().contains("(looked for " + expected + ")"), e.getMessage());
    }

    @Test
    void standardInputThatIsNotUtf8OrEmptyIsAOneLineError() {
        ScenarioException notUtf8 = assertThrows(ScenarioException.class, () -> ScenarioSources.expand(
                List.of(Path.of("-")), new ByteArrayInputStream(new byte[] {'{', (byte) 0xC3, (byte) 0x28})));
        assertEquals("<stdin>: cannot read: not UTF-8 text", notUtf8.getMessage());
        ScenarioSources.Source empty = ScenarioSources.expand(List.of(Path.of("-")), stdin("  \n")).get(0);
        ScenarioException e = assertThrows(ScenarioException.class, empty::read);
        assertEquals("<stdin>:1:1: $: the file is empty; allowed: a scenario object", e.getMessage());
    }

    @Test
    void aDashGivenTwiceIsRefusedAndCommandsThatNeedFilesRefuseIt() {
        ScenarioException twice = assertThrows(ScenarioException.class,
                () -> ScenarioSources.expand(List.of(Path.of("-"), Path.of("-")), stdin(TINY.formatted("t"))));
        assertEquals("<stdin>: '-' is given more than once; allowed: standard input once per command",
                twice.getMessage());
        ScenarioException files = assertThrows(ScenarioException.class,
                () -> ScenarioSources.files(List.of(Path.of("-"))));
        assertEquals("<stdin>: this command needs scenario files; allowed: files and folders ('-' works with "
                + "render and validate)", files.getMessage());
    }

    @Test
    void eachArgumentExpandsOnItsOwnSoASecondDashIsAnErrorOfThatArgumentOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a.json");
        Files.writeString(file, TINY.formatted("a"));
        List<ScenarioSources.Expansion> each = ScenarioSources.expandEach(
                List.of(Path.of("-"), file, Path.of("-")), stdin(TINY.formatted("piped")));
        assertEquals(3, each.size());
        assertEquals(null, each.get(0).error());
        assertEquals("<stdin>", each.get(0).sources().get(0).label());
        assertEquals(List.of(ScenarioSources.Source.file(file)), each.get(1).sources());
        assertEquals("<stdin>: '-' is given more than once; allowed: standard input once per command",
                each.get(2).error().getMessage());
        assertEquals(List.of(), each.get(2).sources());
    }

    @Test
    void jsonIsRecognisedByItsFirstBraceAfterBlanksAndComments() {
        assertTrue(ScenarioSources.looksLikeJson("\uFEFF  {"));
        assertTrue(ScenarioSources.looksLikeJson("// a\n/* b\n c */\n{"));
        assertTrue(ScenarioSources.looksLikeJson(""));
        assertFalse(ScenarioSources.looksLikeJson("format: blockwise/1"));
        assertFalse(ScenarioSources.looksLikeJson("# comment\n{a: 1}"));
        assertFalse(ScenarioSources.looksLikeJson("[1]"));
    }
}
