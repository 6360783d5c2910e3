package io.blockwise.golden;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
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
    /** Lines of context around each difference in the full listing. */
    public static final int UNIFIED_CONTEXT = 2;
    /** The most lines of the full listing shown; the rest is counted. */
    public static final int MAX_UNIFIED_LINES = 60;

    private EventLogDiff() { }

    /**
     * The outcome. {@code firstDifferingLine} is 1-based, 0 when the lines agree; {@code expectedLine}
     * or {@code actualLine} is null when that file has ended there. {@code context} holds up to
     * {@link #CONTEXT_LINES} lines (common to both) before the differing one.
     */
    public record Result(Path expected, Path actual, boolean identicalBytes, int expectedLines,
            int actualLines, int firstDifferingLine, String expectedLine, String actualLine,
            List<String> context, List<String> unified) {

        public Result {
            context = List.copyOf(context);
            unified = List.copyOf(unified);
        }

        /** Any thread. True when the files are byte for byte the same. */
        public boolean matches() {
            return identicalBytes;
        }

        /** Any thread. One paragraph (with the context and both lines on their own lines). */
        public String describe() {
            if (identicalBytes) {
                return "actual " + actual + ": identical to expected " + expected + " (" + actualLines + " lines).";
            }
            StringBuilder sb = new StringBuilder();
            sb.append("actual ").append(actual).append(": differs from expected ").append(expected).append(" (")
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
            if (!unified.isEmpty()) {
                sb.append("\n  every difference (- expected, + actual, ").append(UNIFIED_CONTEXT)
                        .append(" lines of context):");
                for (String u : unified) {
                    sb.append("\n    ").append(u);
                }
            }
            return sb.toString();
        }
    }

    /**
     * Every difference as unified-diff hunks (Myers' algorithm, {@link #UNIFIED_CONTEXT} lines of
     * context, line numbers of the expected file), at most {@link #MAX_UNIFIED_LINES} lines.
     */
    static List<String> unified(List<String> expected, List<String> actual) {
        Patch<String> patch = DiffUtils.diff(expected, actual);
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff("expected", "actual", expected, patch, UNIFIED_CONTEXT);
        // Drop the two file header lines; keep the hunks.
        List<String> hunks = lines.size() > 2 ? lines.subList(2, lines.size()) : List.of();
        if (hunks.size() <= MAX_UNIFIED_LINES) {
            return hunks;
        }
        List<String> shown = new java.util.ArrayList<>(hunks.subList(0, MAX_UNIFIED_LINES));
        shown.add("... " + (hunks.size() - MAX_UNIFIED_LINES) + " more lines of differences");
        return shown;
    }

    /** Control thread. Compares {@code actual} against {@code expected}. */
    public static Result compare(Path expected, Path actual) {
        try {
            boolean same = Files.mismatch(expected, actual) == -1;
            List<String> e = Files.readAllLines(expected, StandardCharsets.UTF_8);
            List<String> a = same ? e : Files.readAllLines(actual, StandardCharsets.UTF_8);
            if (same) {
                return new Result(expected, actual, true, e.size(), a.size(), 0, null, null, List.of(), List.of());
            }
            int common = Math.min(e.size(), a.size());
            int i = 0;
            while (i < common && e.get(i).equals(a.get(i))) {
                i++;
            }
            if (i == common && e.size() == a.size()) {
                return new Result(expected, actual, false, e.size(), a.size(), 0, null, null, List.of(), List.of());
            }
            List<String> context = e.subList(Math.max(0, i - CONTEXT_LINES), i);
            return new Result(expected, actual, false, e.size(), a.size(), i + 1,
                    i < e.size() ? e.get(i) : null, i < a.size() ? a.get(i) : null, context, unified(e, a));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
