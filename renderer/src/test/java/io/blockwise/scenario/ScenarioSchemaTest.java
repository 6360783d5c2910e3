package io.blockwise.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.blockwise.testing.Bundled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Keeps {@code scenarios/schema.json} and the reader in step. The committed schema is what
 * {@link ScenarioSchema#generate()} makes from the reader's tables; every scenario the reader
 * accepts (the bundled ones and a few hundred generated ones) validates; every malformed file of
 * the reader's error table fails validation, except those whose fault a schema cannot express,
 * which are listed below with the reason.
 */
class ScenarioSchemaTest {
    /** Run with -Dblockwise.writeSchema=true to rewrite scenarios/schema.json from the generator. */
    private static final String WRITE = "blockwise.writeSchema";
    private static final int GENERATED = 400;

    /**
     * Error-table cases that are not a JSON or YAML document a validator could see: the parser
     * refuses them, or (duplicate keys) keeps the last value before any schema is applied.
     */
    static final Map<String, String> NOT_A_DOCUMENT = new TreeMap<>(Map.of(
            "duplicate key", "parsers keep the last value; a schema sees no duplicate",
            "YAML duplicate key", "parsers keep the last value; a schema sees no duplicate",
            "JSON syntax error: missing comma", "not JSON",
            "empty file", "no document",
            "YAML syntax error", "not YAML"));

    /** Error-table cases whose fault a JSON Schema cannot express, by label, and why. */
    static final Map<String, String> NOT_EXPRESSIBLE = new TreeMap<>(Map.ofEntries(
            Map.entry("sample rate 2.0 is not an integer",
                    "JSON Schema counts 48000.0 as an integer (a number with no fractional part)"),
            Map.entry("delay time string out of range",
                    "a time string's milliseconds depend on the sample rate and block size"),
            Map.entry("synthetic IR too long", "the limit is 10 s at the scenario's sampleRate"),
            Map.entry("chain longer than the limit", "the limit is another value, limits.maxChainLength"),
            Map.entry("lowpass not above highpass", "compares two values"),
            Map.entry("sine above half the sample rate", "the limit is half the scenario's sampleRate"),
            Map.entry("file source that does not exist", "a property of the file system"),
            Map.entry("stall with from after to", "compares two values"),
            Map.entry("event at the duration", "compares with the duration")));

    private static Path schemaFile() {
        return Bundled.root().resolve("scenarios/schema.json");
    }

    private static SchemaValidation validation() throws IOException {
        return new SchemaValidation(Files.readString(schemaFile()));
    }

    @Test
    void theCommittedSchemaIsTheOneGeneratedFromTheReadersTables() throws IOException {
        String generated = ScenarioSchema.generate();
        if (Boolean.getBoolean(WRITE)) {
            Files.writeString(schemaFile(), generated);
        }
        assertEquals(generated, Files.readString(schemaFile()), "scenarios/schema.json is stale: rerun this "
                + "test with -D" + WRITE + "=true to rewrite it, and commit it");
    }

    @Test
    void theRendererJarCarriesTheCommittedSchema() throws IOException {
        assertEquals(Files.readString(schemaFile()), ScenarioSchema.text());
        assertTrue(ScenarioSchema.text().contains("\"" + ScenarioSchema.DIALECT + "\""));
    }

    @Test
    void everyBundledScenarioValidatesAndTheJsonOnesNameTheSchema() throws IOException {
        SchemaValidation v = validation();
        List<Path> files = new ArrayList<>(Bundled.scenarios());
        try (Stream<Path> regressions = Files.list(Bundled.root().resolve("scenarios/fuzz-regressions"))) {
            regressions.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        assertTrue(files.size() >= 10, "found the bundled scenarios: " + files);
        for (Path f : files) {
            boolean yaml = !f.toString().toLowerCase(Locale.ROOT).endsWith(".json");
            ScenarioReader.read(f);
            assertEquals(List.of(), v.errors(Files.readString(f, StandardCharsets.UTF_8), yaml), f.toString());
        }
        for (Path f : Bundled.scenarios()) {
            if (f.toString().endsWith(".json")) {
                assertTrue(Files.readString(f).contains("\"$schema\": \"schema.json\""),
                        f + " names its schema, so that editors complete and check it");
            }
        }
    }

    @Test
    void bundledScenarioListingsLeaveTheSchemaOut() {
        for (Path f : Bundled.scenarios()) {
            assertFalse(f.getFileName().toString().equals("schema.json"), "the schema is not a scenario");
        }
    }

    @Test
    void everyGeneratedScenarioTheReaderAcceptsValidates() throws IOException {
        SchemaValidation v = validation();
        GeneratedScenarios gen = new GeneratedScenarios(20261205L);
        Path where = Bundled.root().resolve("scenarios/generated.json");
        int yaml = 0;
        for (int i = 0; i < GENERATED; i++) {
            GeneratedScenarios.Text t = gen.next(i);
            try {
                ScenarioReader.parse(t.text(), where, t.yaml());
            } catch (ScenarioException e) {
                fail("the generator made a scenario the reader refuses: " + e.getMessage() + "\n" + t.text());
            }
            List<String> errors = v.errors(t.text(), t.yaml());
            int n = i;
            assertEquals(List.of(), errors, () -> "valid scenario " + n + " fails the schema:\n" + t.text());
            yaml += t.yaml() ? 1 : 0;
        }
        assertTrue(yaml > GENERATED / 8 && yaml < GENERATED / 2, "both JSON and YAML texts: " + yaml);
    }

    @Test
    void everyMalformedFileOfTheReadersErrorTableThatASchemaCanExpressFailsValidation() throws IOException {
        SchemaValidation v = validation();
        List<String> labels = new ArrayList<>();
        List<String> wronglyValid = new ArrayList<>();
        List<String> wronglyExcluded = new ArrayList<>();
        for (Arguments a : ScenarioReaderErrorsTest.cases().toList()) {
            Object[] args = a.get();
            String label = (String) args[0];
            boolean yaml = (Boolean) args[2];
            String text = (String) args[3];
            labels.add(label);
            if (NOT_A_DOCUMENT.containsKey(label)) {
                continue;
            }
            List<String> errors = v.errors(text, yaml);
            if (NOT_EXPRESSIBLE.containsKey(label)) {
                // The exclusion is needed: the schema really accepts this malformed file.
                if (!errors.isEmpty()) {
                    wronglyExcluded.add(label + " (the schema rejects it: " + errors.get(0) + ")");
                }
            } else if (errors.isEmpty()) {
                wronglyValid.add(label);
            }
        }
        assertEquals(List.of(), wronglyValid, "malformed files the schema accepts");
        assertEquals(List.of(), wronglyExcluded, "listed as not expressible, but the schema rejects them");
        for (String label : concat(NOT_EXPRESSIBLE.keySet(), NOT_A_DOCUMENT.keySet())) {
            assertTrue(labels.contains(label), "the exclusion lists name a case of the table: " + label);
        }
        assertTrue(labels.size() - NOT_EXPRESSIBLE.size() - NOT_A_DOCUMENT.size() >= 30,
                "most of the table is checked");
    }

    private static List<String> concat(java.util.Collection<String> a, java.util.Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void theSchemaRejectsWhatTheReaderRejectsInKeysTypesRangesAndTimes() throws IOException {
        SchemaValidation v = validation();
        String base = "{\"format\": \"blockwise/1\", \"name\": \"t\", \"sampleRate\": 48000, \"blockSize\": 128, "
                + "\"duration\": \"2s\", \"input\": {\"type\": \"sine\", \"freq\": 440}";
        assertEquals(List.of(), v.errors(base + "}", false));
        assertEquals(List.of(), v.errors(base + ", \"$schema\": \"schema.json\"}", false));
        for (String bad : List.of(
                ", \"$schema\": 1",
                ", \"events\": [{\"at\": \"1s\", \"do\": \"setParameter\", \"stage\": 0, \"param\": \"time\", "
                        + "\"value\": 2001}]",
                ", \"events\": [{\"at\": \"1s\", \"do\": \"setParameter\", \"stage\": 0, \"param\": \"mix\", "
                        + "\"value\": \"10ms\"}]",
                ", \"events\": [{\"at\": \"1 s\", \"do\": \"clearIr\"}]",
                ", \"events\": [{\"at\": \"1s\", \"do\": \"setMetronome\", \"bpm\": 120}]",
                ", \"setup\": {\"chain\": [{\"type\": \"eq\", \"gain\": 1}]}",
                ", \"setup\": {\"chain\": [{\"type\": \"toneStack\", \"model\": \"vox\"}]}",
                ", \"input\": {\"type\": \"pluck\", \"notes\": [{\"at\": 0}]}",
                ", \"collector\": {\"stalls\": [{\"from\": 0}]}",
                ", \"writer\": {\"everyBlocks\": 2}")) {
            String text = base.replace(", \"input\": {\"type\": \"sine\", \"freq\": 440}", "") + bad
                    + (bad.contains("\"input\"") ? "" : ", \"input\": {\"type\": \"sine\", \"freq\": 440}") + "}";
            assertThrowsScenario(text);
            assertFalse(v.errors(text, false).isEmpty(), "the schema rejects " + bad);
        }
    }

    private static void assertThrowsScenario(String text) {
        try {
            ScenarioReader.parse(text, Path.of("t.json"), false);
            fail("the reader accepts " + text);
        } catch (ScenarioException expected) {
            // the reader refuses it too
        }
    }
}
