package io.blockwise.golden;

import io.blockwise.scenario.InputFiles;
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

    /** What {@link #diff} takes, for its error messages. */
    static final String DIFF_ALLOWED = "allowed: two WAV files or two render folders (each holding "
            + String.join(" and ", REQUIRED) + ")";
    /** Largest event log compared (it is read whole). */
    static final long MAX_LOG_BYTES = 256L << 20;

    /**
     * Control thread. Diffs two WAV files or two render folders; {@code b} is compared against
     * {@code a}. {@code blockSize} (0 if unknown) places WAV differences in blocks. Anything else
     * (a missing path, a FIFO or device, a file that is not a readable WAV, a folder without
     * {@code output.wav} and {@code events.jsonl}, an unreadable file inside one) is bad input:
     * a {@link ScenarioException} with one line, thrown before any FIFO or device is opened.
     */
    public static Result diff(Path a, Path b, int blockSize) {
        boolean aDir = kind(a);
        boolean bDir = kind(b);
        if (aDir != bDir) {
            throw new ScenarioException("cannot diff a folder with a file: " + a + " and " + b + "; " + DIFF_ALLOWED);
        }
        if (aDir) {
            requireRenderFolder(a);
            requireRenderFolder(b);
            return compareFolders(a, b, blockSize, true);
        }
        String name = b.getFileName().toString();
        List<Mismatch> mismatches = new ArrayList<>();
        Mismatch m = compareWavs(name, a, b, blockSize);
        if (m != null) {
            mismatches.add(m);
        }
        return new Result(a, b, List.of(name), mismatches);
    }

    /** True for a folder, false for a regular file; anything else is refused. */
    private static boolean kind(Path p) {
        if (Files.isDirectory(p)) {
            return true;
        }
        InputFiles.requireRegular(p, Long.MAX_VALUE, what -> new ScenarioException(p + ": " + what + "; " + DIFF_ALLOWED));
        return false;
    }

    private static void requireRenderFolder(Path dir) {
        for (String r : REQUIRED) {
            if (!Files.isRegularFile(dir.resolve(r))) {
                throw new ScenarioException(dir + ": not a render folder (no " + r + "); " + DIFF_ALLOWED);
            }
        }
    }

    /** Null when identical; unreadable files are bad input. */
    private static Mismatch compareWavs(String name, Path expected, Path actual, int blockSize) {
        InputFiles.requireRegular(expected, InputFiles.MAX_WAV_BYTES, what -> new ScenarioException(expected + ": " + what));
        InputFiles.requireRegular(actual, InputFiles.MAX_WAV_BYTES, what -> new ScenarioException(actual + ": " + what));
        AudioComparison.Result r = AudioComparison.compare(expected, actual, blockSize);
        return r.matches() ? null : new Mismatch(name, r.describe());
    }

    /**
     * Control thread. Compares the deterministic files of {@code actualDir} against those of
     * {@code expectedDir}; a file that cannot be read is a mismatch saying why.
     */
    public static Result compareFolders(Path expectedDir, Path actualDir, int blockSize) {
        return compareFolders(expectedDir, actualDir, blockSize, false);
    }

    private static Result compareFolders(Path expectedDir, Path actualDir, int blockSize, boolean strict) {
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
                Mismatch m = compareFile(name, e, a, blockSize, strict);
                if (m != null) {
                    mismatches.add(m);
                }
            }
        }
        return new Result(expectedDir, actualDir, names, mismatches);
    }

    /** Null when the files are identical; {@code strict}: an unreadable file is bad input, not a mismatch. */
    private static Mismatch compareFile(String name, Path expected, Path actual, int blockSize, boolean strict) {
        try {
            if (name.endsWith(".wav")) {
                return compareWavs(name, expected, actual, blockSize);
            }
            InputFiles.requireRegular(expected, MAX_LOG_BYTES, what -> new ScenarioException(expected + ": " + what));
            InputFiles.requireRegular(actual, MAX_LOG_BYTES, what -> new ScenarioException(actual + ": " + what));
            EventLogDiff.Result r = EventLogDiff.compare(expected, actual);
            return r.matches() ? null : new Mismatch(name, r.describe());
        } catch (ScenarioException | UncheckedIOException e) {
            if (strict) {
                throw e instanceof ScenarioException s ? s : new ScenarioException(name + ": cannot read: "
                        + e.getMessage(), e);
            }
            // Checking against golden: an unreadable file (a truncated WAV, say) is a mismatch to report.
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
