package io.blockwise.golden;

import io.blockwise.scenario.ScenarioException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compares the deterministic files of two render folders ({@code output.wav}, {@code events.jsonl},
 * every {@code take-N.wav}; {@code summary.json} and anything else is ignored), or two single files
 * (WAVs sample by sample, anything else as an event log). A file in one folder and not the other is
 * a mismatch, and so is a missing {@code output.wav} or {@code events.jsonl}.
 */
public final class RenderFolderDiff {
    /** The files every render writes. */
    public static final List<String> REQUIRED = List.of("output.wav", "events.jsonl");

    private static final Pattern TAKE = Pattern.compile("take-(0|[1-9][0-9]{0,8})\\.wav");

    private RenderFolderDiff() { }

    /** One file that differs, is missing or is extra; {@code detail} is one paragraph. */
    public record Mismatch(String file, String detail) { }

    /** The outcome: the files looked at, in report order, and the ones that differ. */
    public record Result(Path expected, Path actual, List<String> compared, List<Mismatch> mismatches) {

        public Result {
            compared = List.copyOf(compared);
            mismatches = List.copyOf(mismatches);
        }

        /** Any thread. True when every deterministic file is byte for byte the same. */
        public boolean matches() {
            return mismatches.isEmpty();
        }

        /** Any thread. A multi-line report for a person, one entry per mismatch. */
        public String report() {
            StringBuilder sb = new StringBuilder();
            if (matches()) {
                sb.append(actual).append(" matches ").append(expected).append(" (")
                        .append(String.join(", ", compared)).append(")\n");
                return sb.toString();
            }
            sb.append(actual).append(" does not match ").append(expected).append(": ")
                    .append(mismatches.size()).append(" of ").append(compared.size())
                    .append(compared.size() == 1 ? " file differs\n" : " files differ\n");
            for (Mismatch m : mismatches) {
                sb.append("- ").append(m.file()).append(": ")
                        .append(m.detail().replace("\n", "\n  ")).append('\n');
            }
            return sb.toString();
        }
    }

    /**
     * Control thread. Diffs two WAV files, two event logs or two render folders; {@code b} is
     * compared against {@code a}. {@code blockSize} (0 if unknown) places WAV differences in blocks.
     */
    public static Result diff(Path a, Path b, int blockSize) {
        if (Files.isDirectory(a) && Files.isDirectory(b)) {
            return compareFolders(a, b, blockSize);
        }
        if (Files.isDirectory(a) || Files.isDirectory(b)) {
            throw new IllegalArgumentException("cannot diff a folder with a file: " + a + " and " + b);
        }
        String name = b.getFileName().toString();
        List<Mismatch> mismatches = new ArrayList<>();
        Mismatch m = compareFile(name, a, b, blockSize);
        if (m != null) {
            mismatches.add(m);
        }
        return new Result(a, b, List.of(name), mismatches);
    }

    /**
     * Control thread. Compares the deterministic files of {@code actualDir} against those of
     * {@code expectedDir}.
     */
    public static Result compareFolders(Path expectedDir, Path actualDir, int blockSize) {
        List<String> names = new ArrayList<>(REQUIRED);
        TreeSet<Integer> takes = new TreeSet<>(takeNumbers(expectedDir));
        takes.addAll(takeNumbers(actualDir));
        for (int t : takes) {
            names.add(takeName(t));
        }
        List<Mismatch> mismatches = new ArrayList<>();
        for (String name : names) {
            Path e = expectedDir.resolve(name);
            Path a = actualDir.resolve(name);
            boolean inE = Files.isRegularFile(e);
            boolean inA = Files.isRegularFile(a);
            if (!inE && !inA) {
                mismatches.add(new Mismatch(name, "missing from both " + expectedDir + " and " + actualDir));
            } else if (!inA) {
                mismatches.add(new Mismatch(name, "in " + expectedDir + " but missing from " + actualDir));
            } else if (!inE) {
                mismatches.add(new Mismatch(name, "in " + actualDir + " but not in " + expectedDir));
            } else {
                Mismatch m = compareFile(name, e, a, blockSize);
                if (m != null) {
                    mismatches.add(m);
                }
            }
        }
        return new Result(expectedDir, actualDir, names, mismatches);
    }

    /** Null when the files are identical. */
    private static Mismatch compareFile(String name, Path expected, Path actual, int blockSize) {
        try {
            if (name.endsWith(".wav")) {
                AudioComparison.Result r = AudioComparison.compare(expected, actual, blockSize);
                return r.matches() ? null : new Mismatch(name, r.describe());
            }
            EventLogDiff.Result r = EventLogDiff.compare(expected, actual);
            return r.matches() ? null : new Mismatch(name, r.describe());
        } catch (ScenarioException | UncheckedIOException e) {
            // An unreadable file (a truncated WAV, say) is a mismatch to report, not a crash.
            return new Mismatch(name, e.getMessage());
        }
    }

    /** {@code take-N.wav} for take {@code n}. */
    static String takeName(int n) {
        return "take-" + n + ".wav";
    }

    /** The take numbers of the {@code take-N.wav} files in {@code dir} (none if it does not exist). */
    static List<Integer> takeNumbers(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(p -> {
                Matcher m = TAKE.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p)) {
                    out.add(Integer.parseInt(m.group(1)));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    /** The deterministic files present in {@code dir}, in report order. */
    static List<String> deterministicFiles(Path dir) {
        List<String> out = new ArrayList<>();
        for (String r : REQUIRED) {
            if (Files.isRegularFile(dir.resolve(r))) {
                out.add(r);
            }
        }
        for (int t : takeNumbers(dir)) {
            out.add(takeName(t));
        }
        return out;
    }
}
