package io.blockwise.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event log's lines and order. Jackson, an independent JSON parser, reads every line back: a
 * line is right when it parses and each value comes back as it was put in.
 */
class EventLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void everyCharacterOfAStringSurvivesTheJsonLineAsJacksonReadsIt() throws IOException {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            all.append(c);
        }
        all.append("é€\u2028𝄞");
        String s = all.toString();
        LogEvent e = new LogEvent(3, 1536, "control\t\"x\"", "note\\\r\n").str(s, s);

        JsonNode line = JSON.readTree(e.toJson());

        assertEquals("control\t\"x\"", line.get("thread").textValue());
        assertEquals("note\\\r\n", line.get("event").textValue());
        assertEquals(s, line.get(s).textValue());
    }

    @Test
    void controlCharactersAreWrittenAsLowercaseUnicodeEscapesAndNamedOnesShort() {
        LogEvent e = new LogEvent(0, 0, "t", "e").str("k", "\u0001\u001f\b\f\t\n\r\"\\");
        assertEquals("{\"block\":0,\"frame\":0,\"thread\":\"t\",\"event\":\"e\","
                + "\"k\":\"\\u0001\\u001f\\u0008\\u000c\\t\\n\\r\\\"\\\\\"}", e.toJson());
    }

    @Test
    void fieldsKeepTheirOrderAndTypesAndDecimalsAreRoundedHalfEvenWithoutExponent() throws IOException {
        LogEvent e = new LogEvent(7, 448, "rt", "applied")
                .num("seq", Long.MAX_VALUE)
                .bool("ok", true)
                .bool("late", false)
                .dec("gain", 0.125, 2)
                .dec("tiny", 1e-9, 12)
                .dec("big", 1e21, 1)
                .str("none", null);

        String line = e.toJson();
        assertEquals("{\"block\":7,\"frame\":448,\"thread\":\"rt\",\"event\":\"applied\",\"seq\":9223372036854775807,"
                + "\"ok\":true,\"late\":false,\"gain\":0.12,\"tiny\":0.000000001000,"
                + "\"big\":1000000000000000000000.0,\"none\":null}", line);
        JsonNode n = JSON.readTree(line);
        assertEquals(List.of("block", "frame", "thread", "event", "seq", "ok", "late", "gain", "tiny", "big", "none"),
                iterable(n.fieldNames()));
        assertEquals(line, e.toString());
    }

    @Test
    void getAndHasFindAFieldByItsKeyAndTellAnAbsentFieldFromANullOne() {
        LogEvent e = new LogEvent(1, 2, "t", "e").str("a", "x").num("b", 5).str("c", null).dec("d", 2.5, 1);

        assertEquals("x", e.get("a"));
        assertEquals(5L, e.get("b"));
        assertEquals(new BigDecimal("2.5"), e.get("d"));
        assertNull(e.get("c"));
        assertTrue(e.has("c"));
        assertNull(e.get("z"));
        assertFalse(e.has("z"));
        assertEquals(List.of(new LogEvent.Field("a", "x"), new LogEvent.Field("b", 5L),
                new LogEvent.Field("c", null), new LogEvent.Field("d", new BigDecimal("2.5"))), e.fields());
        assertThrows(UnsupportedOperationException.class, () -> e.fields().clear());
        assertEquals(1, e.block());
        assertEquals(2, e.frame());
        assertEquals("t", e.thread());
        assertEquals("e", e.event());
    }

    @Test
    void aValueWithoutAJsonFormIsRefused() {
        StringBuilder sb = new StringBuilder();
        assertThrows(IllegalArgumentException.class, () -> Json.value(sb, 1.5));
        Json.value(sb, 3);
        assertEquals("3", sb.toString());
    }

    @Test
    void lateEventsGoAfterTheLastEventOfTheirBlockAndAreCounted() {
        EventLog log = new EventLog();
        log.add(ev(0, "a"));
        log.add(ev(1, "b"));
        log.add(ev(1, "c"));
        log.add(ev(3, "d"));

        log.insertByBlock(List.of(ev(1, "late1"), ev(2, "late2"), ev(5, "late5")));
        log.insertByBlock(List.of(ev(0, "late0")));

        assertEquals(List.of("0 a", "0 late0", "1 b", "1 c", "1 late1", "2 late2", "3 d", "5 late5"),
                log.events().stream().map(e -> e.block() + " " + e.event()).toList());
        assertEquals(Map.of("a", 1L, "b", 1L, "c", 1L, "d", 1L, "late0", 1L, "late1", 1L, "late2", 1L,
                "late5", 1L), log.counts());
        assertEquals(List.of("a", "b", "c", "d", "late0", "late1", "late2", "late5"),
                List.copyOf(log.counts().keySet()), "counts are sorted by kind");
    }

    @Test
    void countsAddUpPerKindAndTheSnapshotsAreCopies() {
        EventLog log = new EventLog();
        LogEvent first = ev(0, "x");
        assertTrue(first == log.add(first));
        log.add(ev(0, "x"));
        log.add(ev(1, "y"));
        List<LogEvent> snapshot = log.events();
        Map<String, Long> counts = log.counts();
        log.add(ev(2, "x"));

        assertEquals(3, snapshot.size());
        assertEquals(Map.of("x", 2L, "y", 1L), counts);
        assertEquals(Map.of("x", 3L, "y", 1L), log.counts());
        assertThrows(UnsupportedOperationException.class, () -> log.events().add(ev(0, "z")));
    }

    @Test
    void theWrittenFileHoldsOneParsableLinePerEventAndNoTemporaryFileIsLeft() throws IOException {
        EventLog log = new EventLog();
        log.add(ev(0, "a").str("s", "ü\n"));
        log.add(ev(4, "b").num("n", -3));
        Path file = tmp.resolve("events.jsonl");
        Files.writeString(file, "old contents\n");

        log.writeTo(file);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        assertEquals("ü\n", JSON.readTree(lines.get(0)).get("s").textValue());
        assertEquals(-3, JSON.readTree(lines.get(1)).get("n").longValue());
        assertTrue(Files.readString(file).endsWith("}\n"));
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(file), left.toList());
        }
    }

    @Test
    void aFailedWriteLeavesNeitherTheFileNorItsTemporary() throws IOException {
        EventLog log = new EventLog();
        log.add(ev(0, "a"));
        Path missing = tmp.resolve("no-such-folder").resolve("events.jsonl");

        assertThrows(IOException.class, () -> log.writeTo(missing));

        assertFalse(Files.exists(missing));
        try (var left = Files.list(tmp)) {
            assertEquals(0, left.count());
        }
    }

    private static LogEvent ev(long block, String event) {
        return new LogEvent(block, block * 64, "control", event);
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
