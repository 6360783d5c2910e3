package io.blockwise.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.blockwise.dsp.ChoiceSpec;
import io.blockwise.dsp.Numbers;
import io.blockwise.dsp.ParamSpec;
import io.blockwise.dsp.StageType;
import io.blockwise.testing.Bundled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/scenario-format.md honest. Every fenced {@code json} or {@code yaml} example is a
 * whole scenario and must load with the real reader (and pass the JSON Schema); every
 * {@code json fragment} / {@code yaml fragment} must parse, and a fragment that is top-level keys
 * must load once merged into a minimal scenario. The stage tables must give the ranges and
 * defaults of {@link StageType}; every message, top-level and setup key and every event kind the
 * renderer logs must be documented; the README must link the page and nothing outside the
 * repository.
 */
class ScenarioFormatDocTest {
    private static final Pattern FENCE = Pattern.compile("(?m)^```([^\\n`]*)\\n(.*?)^```\\s*$", Pattern.DOTALL);
    private static final Pattern LOG_EVENT = Pattern.compile(
            "new LogEvent\\([^;]*?\"(control|rt|collector)\",\\s*\"([a-z-]+)\"\\)");
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();
    private static final String BASE = "{\"format\": \"blockwise/1\", \"name\": \"doc\", \"sampleRate\": 48000, "
            + "\"blockSize\": 128, \"duration\": \"2s\", \"input\": {\"type\": \"silence\"}}";

    private static String doc() throws IOException {
        return Files.readString(Bundled.root().resolve("docs/scenario-format.md"));
    }

    /** Where examples are read from, so that their relative paths name the bundled inputs. */
    private static Path exampleFile(int i, boolean yaml) {
        return Bundled.root().resolve("scenarios/doc-example-" + i + (yaml ? ".yaml" : ".json"));
    }

    record Fence(String info, String body) { }

    static List<Fence> fences(String markdown) {
        List<Fence> out = new ArrayList<>();
        Matcher m = FENCE.matcher(markdown);
        while (m.find()) {
            out.add(new Fence(m.group(1).trim(), m.group(2)));
        }
        return out;
    }

    @Test
    void everyWholeExampleLoadsWithTheReaderAndPassesTheSchema() throws IOException {
        SchemaValidation schema = new SchemaValidation(Files.readString(Bundled.root().resolve("scenarios/schema.json")));
        int whole = 0;
        List<Fence> fences = fences(doc());
        for (int i = 0; i < fences.size(); i++) {
            Fence f = fences.get(i);
            if (!f.info().equals("json") && !f.info().equals("yaml")) {
                continue;
            }
            boolean yaml = f.info().equals("yaml");
            try {
                ScenarioReader.parse(f.body(), exampleFile(i, yaml), yaml);
            } catch (ScenarioException e) {
                fail("example " + i + " (" + f.info() + ") does not load: " + e.getMessage() + "\n" + f.body());
            }
            assertEquals(List.of(), schema.errors(f.body(), yaml), "example " + i + " passes the schema");
            whole++;
        }
        assertTrue(whole >= 2, "the page has whole examples in JSON and YAML: " + whole);
    }

    @Test
    void everyFragmentParsesAndTopLevelFragmentsLoadInAScenario() throws IOException {
        int fragments = 0;
        int merged = 0;
        List<Fence> fences = fences(doc());
        for (int i = 0; i < fences.size(); i++) {
            Fence f = fences.get(i);
            String info = f.info();
            if (!info.endsWith("fragment")) {
                assertTrue(Stream.of("json", "yaml", "jsonl", "text", "sh", "").anyMatch(info::equals),
                        "fence " + i + " has a known info string: " + info);
                continue;
            }
            fragments++;
            boolean yaml = info.startsWith("yaml");
            assertTrue(info.equals("json fragment") || info.equals("yaml fragment"), info);
            String body = f.body().strip();
            boolean keys = yaml || body.startsWith("\"");
            JsonNode tree;
            try {
                tree = yaml ? new YAMLMapper().readTree(body) : JSON.readTree(keys ? "{" + body + "}" : body);
            } catch (IOException e) {
                fail("fragment " + i + " does not parse: " + e.getMessage() + "\n" + body);
                return;
            }
            if (keys) {
                ObjectNode scenario = (ObjectNode) JSON.readTree(BASE);
                scenario.setAll((ObjectNode) tree);
                try {
                    ScenarioReader.parse(JSON.writeValueAsString(scenario), exampleFile(i, false), false);
                } catch (ScenarioException e) {
                    fail("fragment " + i + " does not load in a scenario: " + e.getMessage() + "\n" + body);
                }
                merged++;
            }
        }
        assertTrue(fragments >= 4 && merged >= 3, fragments + " fragments, " + merged + " loaded");
    }

    @Test
    void theStageTablesGiveTheRangesAndDefaultsOfTheStageTable() throws IOException {
        String doc = doc();
        for (StageType t : StageType.values()) {
            String section = section(doc, "### `" + t.formatName() + "`");
            if (t == StageType.EQ) {
                ParamSpec band = t.param(0);
                assertContains(section, "| `band_0` .. `band_" + (StageType.EQ_BANDS - 1) + "` | " + band.range()
                        + " | " + Numbers.plain(band.defaultValue()) + " |");
                assertContains(section, "exactly " + StageType.EQ_BANDS + " numbers, each " + band.range());
                continue;
            }
            List<String> rows = new ArrayList<>();
            for (ParamSpec p : t.params()) {
                rows.add("| `" + p.name() + "` | " + p.range() + " | " + Numbers.plain(p.defaultValue()) + " |");
            }
            ChoiceSpec c = t.choice();
            if (c != null) {
                rows.add("| `" + c.name() + "` | `" + String.join("`, `", c.values()) + "` | `" + c.defaultValue() + "` |");
            }
            for (String row : rows) {
                assertContains(section, row);
            }
            assertEquals(rows.size(), section.lines().filter(l -> l.startsWith("| `")).count(),
                    t.formatName() + " documents exactly its parameters");
        }
    }

    @Test
    void everyMessageKeyAndEventKindIsDocumented() throws IOException {
        String doc = doc();
        for (String name : EventReader.NAMES) {
            assertContains(doc, "### `" + name + "`");
        }
        String top = section(doc, "## Top level");
        for (String key : ScenarioReader.KEYS) {
            assertContains(top, "| `" + key + "` |");
        }
        assertContains(top, "| `" + ScenarioReader.SCHEMA_KEY + "` |");
        String setup = section(doc, "## Engine setup");
        for (String key : SetupReader.KEYS) {
            assertContains(setup, "| `" + key + "` |");
        }
        String log = section(doc, "## The event log, `events.jsonl`");
        TreeSet<String> kinds = loggedKinds();
        assertTrue(kinds.containsAll(List.of("alloc", "send", "defer", "apply", "reject", "retire", "free",
                "rt-alloc", "rt-block", "tuner", "clip", "fault", "overrun")), "found the kinds in the code: " + kinds);
        for (String kind : kinds) {
            assertContains(log, "| `" + kind + "` |");
        }
    }

    @Test
    void theReadmesExampleScenarioLoadsToo() throws IOException {
        List<Fence> json = fences(Files.readString(Bundled.root().resolve("README.md"))).stream()
                .filter(f -> f.info().equals("json")).toList();
        assertEquals(1, json.size(), "the README has one example scenario");
        Scenario s = ScenarioReader.parse(json.get(0).body(), exampleFile(99, false), false);
        assertEquals("hello", s.name());
        assertEquals(2, s.events().size());
    }

    @Test
    void theReadmeLinksThePageAndNothingOutsideTheRepository() throws IOException {
        String readme = Files.readString(Bundled.root().resolve("README.md"));
        assertContains(readme, "(docs/scenario-format.md)");
        assertFalse(readme.contains("../shared"), "the repository stands alone");
        assertFalse(doc().contains("../shared"), "the page stands alone");
    }

    /** Every event kind the renderer's main code logs, found in its sources. */
    private static TreeSet<String> loggedKinds() throws IOException {
        TreeSet<String> kinds = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Bundled.root().resolve("renderer/src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = LOG_EVENT.matcher(Files.readString(f));
                while (m.find()) {
                    kinds.add(m.group(2));
                }
            }
        }
        return kinds;
    }

    /** The text from {@code heading} to the next heading of the same or a higher level. */
    private static String section(String doc, String heading) {
        int start = doc.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "the page has a section " + heading);
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = doc.length();
        for (String l = "#"; l.length() <= level.trim().length(); l += "#") {
            int next = doc.indexOf("\n" + l + " ", start + heading.length() + 1);
            if (next >= 0 && next < end) {
                end = next;
            }
        }
        return doc.substring(start, end);
    }

    private static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), "docs/scenario-format.md lacks: " + expected);
    }
}
