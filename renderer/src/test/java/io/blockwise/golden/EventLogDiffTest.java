package io.blockwise.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogDiffTest {
    @TempDir
    Path dir;

    static List<String> log(int lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            out.add("{\"block\": " + i + ", \"frame\": " + i * 128 + ", \"thread\": \"rt\", \"event\": \"apply\", \"seq\": " + (i + 1) + "}");
        }
        return out;
    }

    private Path write(String name, List<String> lines) throws IOException {
        return Files.write(dir.resolve(name), lines);
    }

    @Test
    void identicalLogsMatch() throws IOException {
        EventLogDiff.Result r = EventLogDiff.compare(write("a", log(20)), write("b", log(20)));
        assertTrue(r.matches());
        assertEquals(0, r.firstDifferingLine());
        assertEquals(20, r.expectedLines());
    }

    @Test
    void oneChangedLineIsReportedByNumberWithThreeLinesOfContext() throws IOException {
        List<String> e = log(20);
        List<String> a = new ArrayList<>(e);
        a.set(11, "{\"block\": 11, \"frame\": 1408, \"thread\": \"rt\", \"event\": \"reject\", \"seq\": 12}");
        EventLogDiff.Result r = EventLogDiff.compare(write("e", e), write("a", a));
        assertFalse(r.matches());
        assertEquals(12, r.firstDifferingLine());
        assertEquals(e.get(11), r.expectedLine());
        assertEquals(a.get(11), r.actualLine());
        assertEquals(e.subList(8, 11), r.context());
        assertEquals(20, r.expectedLines());
        assertEquals(20, r.actualLines());
        String text = r.describe();
        assertTrue(text.contains("line 12") && text.contains("\"reject\"") && text.contains(e.get(8)), text);
    }

    @Test
    void aDifferenceOnLineTwoHasOneLineOfContext() throws IOException {
        List<String> e = log(5);
        List<String> a = new ArrayList<>(e);
        a.set(1, "x");
        EventLogDiff.Result r = EventLogDiff.compare(write("e", e), write("a", a));
        assertEquals(2, r.firstDifferingLine());
        assertEquals(List.of(e.get(0)), r.context());
    }

    @Test
    void anExtraLineAtTheEndIsTheFirstDifference() throws IOException {
        List<String> e = log(5);
        List<String> a = log(6);
        EventLogDiff.Result r = EventLogDiff.compare(write("e", e), write("a", a));
        assertEquals(6, r.firstDifferingLine());
        assertNull(r.expectedLine());
        assertEquals(a.get(5), r.actualLine());
        assertEquals(6, r.actualLines());
        assertTrue(r.describe().contains("<end of file>"), r.describe());
    }

    @Test
    void aMissingFinalNewlineIsADifferenceWithoutADifferingLine() throws IOException {
        Path e = Files.writeString(dir.resolve("e"), "a\nb\n");
        Path a = Files.writeString(dir.resolve("a"), "a\nb");
        EventLogDiff.Result r = EventLogDiff.compare(e, a);
        assertFalse(r.matches());
        assertEquals(0, r.firstDifferingLine());
        assertTrue(r.describe().contains("line endings"), r.describe());
    }
}
