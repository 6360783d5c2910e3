package io.blockwise.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Compares two event logs ({@code events.jsonl}) line by line and reports the first line that
 * differs, with the lines before it for context. Logs are deterministic, so the first difference
 * is where two runs parted; everything after it usually differs as a consequence.
 */
public final class EventLogDiff {
    /** Lines of context shown before the first difference. */
    public static final int CONTEXT_LINES = 3;

    private EventLogDiff() { }

    /**
     * The outcome. {@code firstDifferingLine} is 1-based, 0 when the lines agree; {@code expectedLine}
     * or {@code actualLine} is null when that file has ended there. {@code context} holds up to
     * {@link #CONTEXT_LINES} lines (common to both) before the differing one.
     */
    public record Result(Path expected, Path actual, boolean identicalBytes, int expectedLines,
            int actualLines, int firstDifferingLine, String expectedLine, String actualLine,
            List<String> context) {

        public Result {
            context = List.copyOf(context);
        }

        /** Any thread. True when the files are byte for byte the same. */
        public boolean matches() {
            return identicalBytes;
        }

        /** Any thread. One paragraph (with the context and both lines on their own lines). */
        public String describe() {
            if (identicalBytes) {
                return actual + ": identical to " + expected + " (" + actualLines + " lines).";
            }
            StringBuilder sb = new StringBuilder();
            sb.append(actual).append(": differs from ").append(expected).append(" (")
                    .append(actualLines).append(" lines vs expected ").append(expectedLines).append(")");
            if (firstDifferingLine == 0) {
                return sb.append(": the lines are the same; only line endings or the final newline differ.")
                        .toString();
            }
            sb.append("; first difference at line ").append(firstDifferingLine).append(':');
            int n = firstDifferingLine - context.size();
            for (String c : context) {
                sb.append("\n    ").append(n++).append("   ").append(c);
            }
            sb.append("\n  - ").append(firstDifferingLine).append("   ")
                    .append(expectedLine == null ? "<end of file>" : expectedLine);
            sb.append("\n  + ").append(firstDifferingLine).append("   ")
                    .append(actualLine == null ? "<end of file>" : actualLine);
            return sb.toString();
        }
    }

    /** Control thread. Compares {@code actual} against {@code expected}. */
    public static Result compare(Path expected, Path actual) {
        try {
            boolean same = Files.mismatch(expected, actual) == -1;
            List<String> e = Files.readAllLines(expected, StandardCharsets.UTF_8);
            List<String> a = same ? e : Files.readAllLines(actual, StandardCharsets.UTF_8);
            if (same) {
                return new Result(expected, actual, true, e.size(), a.size(), 0, null, null, List.of());
            }
            int common = Math.min(e.size(), a.size());
            int i = 0;
            while (i < common && e.get(i).equals(a.get(i))) {
                i++;
            }
            if (i == common && e.size() == a.size()) {
                return new Result(expected, actual, false, e.size(), a.size(), 0, null, null, List.of());
            }
            List<String> context = e.subList(Math.max(0, i - CONTEXT_LINES), i);
            return new Result(expected, actual, false, e.size(), a.size(), i + 1,
                    i < e.size() ? e.get(i) : null, i < a.size() ? a.get(i) : null, context);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
