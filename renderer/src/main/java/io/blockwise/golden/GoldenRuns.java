package io.blockwise.golden;

import io.blockwise.render.OfflineRenderer;
import io.blockwise.report.MismatchReport;
import io.blockwise.render.RenderFolder;
import io.blockwise.render.RenderOptions;
import io.blockwise.render.RenderResult;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioReader;
import io.blockwise.scenario.ScenarioSources;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The jobs behind the command line, so that the CLI stays a thin shell and the behaviour is
 * tested here: render, validate, check against golden, bless, diff. Control thread.
 */
public final class GoldenRuns {
    private GoldenRuns() {
    }

    /** Reads and renders one scenario file into {@code outRoot/NAME/}. */
    public static RenderResult render(Path scenarioFile, Path outRoot) {
        return render(scenarioFile, outRoot, RenderOptions.DEFAULT);
    }

    /** Reads and renders one scenario file into {@code outRoot/NAME/} with {@code options}. */
    public static RenderResult render(Path scenarioFile, Path outRoot, RenderOptions options) {
        return OfflineRenderer.render(ScenarioReader.read(scenarioFile), outRoot, options);
    }

    /** Reads and renders one scenario (a file or standard input) into {@code outRoot/NAME/}. */
    public static RenderResult render(ScenarioSources.Source source, Path outRoot, RenderOptions options) {
        return OfflineRenderer.render(source.read(), outRoot, options);
    }

    /** Everything a render does before block 0; returns a short description of the scenario. */
    public static String validate(Path scenarioFile) {
        return validate(ScenarioSources.Source.file(scenarioFile));
    }

    /** Everything a render does before block 0 for a file or standard input; a short description. */
    public static String validate(ScenarioSources.Source source) {
        Scenario s = source.read();
        OfflineRenderer.validate(s);
        return s.name() + ", " + s.durationFrames() + " frames at " + s.sampleRate() + " Hz, "
                + s.blockCount() + " blocks of " + s.blockSize() + ", " + s.events().size() + " events";
    }

    /** More about a finished render, for {@code -v}: process times, hand-offs, output level. */
    public static String details(RenderResult r) {
        return String.format(Locale.ROOT,
                "  process() per block: median %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us; %d hand-offs for %d blocks;"
                        + " peak %.4f, %d clipped samples",
                r.processTimes().quantileNanos(0.5) / 1e3, r.processTimes().quantileNanos(0.99) / 1e3,
                r.processTimes().quantileNanos(0.999) / 1e3, r.processTimes().maxNanos() / 1e3, r.handOffs(), r.blocks(),
                r.output().peak(), r.output().clippedSamples());
    }

    /** One line about a finished render. */
    public static String describe(RenderResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.name()).append(": ").append(r.frames()).append(" frames, ").append(r.blocks())
                .append(" blocks -> ").append(r.folder()).append(String.format(Locale.ROOT, " (%.1fx real time", r.realTimeFactor()))
                .append(", ").append(r.eventCounts().getOrDefault("rt-alloc", 0L)).append(" rt-alloc, ")
                .append(r.eventCounts().getOrDefault("rt-block", 0L)).append(" rt-block, ")
                .append(r.eventCounts().getOrDefault("reject", 0L)).append(" rejects, ")
                .append(r.defects().size()).append(" defects)");
        for (String d : r.defects()) {
            sb.append("\n  defect: ").append(d);
        }
        return sb.toString();
    }

    /**
     * The scenario files directly in {@code folder} (.json, .yaml, .yml, but not the format's
     * JSON Schema {@code schema.json}), sorted by name.
     */
    public static List<Path> bundledScenarios(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new UncheckedIOException(new java.nio.file.NoSuchFileException(folder.toString()));
        }
        return ScenarioSources.scenarioFilesIn(folder);
    }

    /**
     * Renders each scenario and compares its folder with {@code goldenRoot/NAME/}; a render with
     * defects fails too. Reports progress through {@code progress}, one line per scenario plus
     * the details of each mismatch.
     */
    public static CheckReport check(List<Path> scenarioFiles, Path goldenRoot, Path outRoot, Consumer<String> progress) {
        return check(scenarioFiles, goldenRoot, outRoot, progress, 1);
    }

    /**
     * {@link #check} with the renders on {@code threads} threads (0: one per core). Lines and
     * results come in the order of {@code scenarioFiles} and every file written is the same as in
     * a serial run: renders share nothing.
     */
    public static CheckReport check(List<Path> scenarioFiles, Path goldenRoot, Path outRoot, Consumer<String> progress,
            int threads) {
        return check(scenarioFiles, goldenRoot, outRoot, progress, threads, null);
    }

    /**
     * {@link #check} that also writes a {@link MismatchReport} under {@code reportRoot} when any
     * scenario does not match (nothing is written when all match; null: never). The report's
     * index is in {@link CheckReport#report()}.
     */
    public static CheckReport check(List<Path> scenarioFiles, Path goldenRoot, Path outRoot, Consumer<String> progress,
            int threads, Path reportRoot) {
        return check(scenarioFiles, goldenRoot, outRoot, progress, threads, reportRoot, RenderOptions.DEFAULT);
    }

    /**
     * {@link #check} rendering with {@code options} ({@code check --jfr}: the real-time sanitizer,
     * whose findings join a scenario's defects with their de-duplicated stacks). Renders at once
     * stay apart under the sanitizer: it attributes JFR events by the audio thread's id.
     */
    public static CheckReport check(List<Path> scenarioFiles, Path goldenRoot, Path outRoot, Consumer<String> progress,
            int threads, Path reportRoot, RenderOptions options) {
        List<String> failures = new ArrayList<>();
        MismatchReport pictures = reportRoot == null ? null : new MismatchReport(reportRoot);
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        InOrderParallel.run(scenarioFiles, threads == 0 ? InOrderParallel.defaultThreads() : threads, file -> {
            RenderResult r = render(file, outRoot, options);
            RenderFolderDiff.Result diff;
            try (AutoCloseable reading = RenderFolder.lockForReading(outRoot, r.name())) {
                diff = GoldenStore.compare(r.folder(), goldenRoot.resolve(r.name()), r.blockSize());
            } catch (Exception e) {
                throw rethrow(e);
            }
            return new Checked(file, r, diff);
        }, c -> {
            RenderResult r = c.result();
            RenderFolderDiff.Result diff = c.diff();
            boolean ok = diff.matches() && r.clean();
            progress.accept((ok ? "ok       " : "MISMATCH ") + r.name());
            String detail = "";
            if (!diff.matches()) {
                detail = diff.report();
            } else if (!r.clean()) {
                detail = "defects: " + String.join("; ", r.defects());
            }
            if (!r.sanitizer().clean()) {
                detail = detail + "\n" + r.sanitizer().text(r.name()).stripTrailing();
            }
            if (!ok) {
                progress.accept(indent(detail));
                failures.add(r.name());
            }
            if (pictures != null && diff.matches()) {
                pictures.matched(r.name());
            } else if (pictures != null) {
                pictures.mismatch(r.name(), goldenRoot.resolve(r.name()), r.folder(), detail, r.blockSize());
            }
            outcomes.add(new ScenarioOutcome(r.name(), c.file(), ok, detail, r.wallNanos() / 1e9));
        });
        Path index = pictures != null && !failures.isEmpty() ? pictures.writeIndex() : null;
        return new CheckReport(scenarioFiles.size(), failures, outcomes, index);
    }

    private record Checked(Path file, RenderResult result, RenderFolderDiff.Result diff) { }

    /**
     * One scenario's result in a check: passed, or the readable difference (or the defects); the
     * render's wall time in seconds.
     */
    public record ScenarioOutcome(String name, Path file, boolean passed, String detail, double seconds) { }

    /** Renders {@code scenarioFile} and writes its deterministic files to {@code goldenRoot/NAME/}. */
    public static String bless(Path scenarioFile, Path goldenRoot, Path outRoot) {
        RenderResult r = render(scenarioFile, outRoot);
        if (!r.clean()) {
            throw new CheckFailure("not blessing " + r.name() + ": the render has defects: "
                    + String.join("; ", r.defects()));
        }
        Path target = goldenRoot.resolve(r.name());
        try (AutoCloseable reading = RenderFolder.lockForReading(outRoot, r.name())) {
            GoldenStore.bless(r.folder(), target);
        } catch (Exception e) {
            throw rethrow(e);
        }
        return "blessed " + r.name() + " -> " + target;
    }

    /** Locks close without checked exceptions; anything else passes through unchanged. */
    private static RuntimeException rethrow(Exception e) {
        return e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }

    /** Compares two WAVs or two render folders; anything else is a one-line ScenarioException. */
    public static DiffOutcome diff(Path a, Path b, int blockSize) {
        return diff(a, b, blockSize, null);
    }

    /**
     * {@link #diff} where {@code blockSize} 0 means "as the renders were made" (from B's or A's
     * folder: summary.json or the event log), and a difference also writes a {@link MismatchReport}
     * under {@code reportRoot} (null: none), whose index is in {@link DiffOutcome#report()}.
     */
    public static DiffOutcome diff(Path a, Path b, int blockSize, Path reportRoot) {
        int bs = blockSize > 0 ? blockSize : BlockSizeOf.of(b);
        if (bs == 0) {
            bs = BlockSizeOf.of(a);
        }
        RenderFolderDiff.Result d = RenderFolderDiff.diff(a, b, bs);
        String text = (bs > 0 ? "" : "(block size unknown: give --block-size to name blocks)\n") + d.report();
        Path index = null;
        if (!d.matches() && reportRoot != null) {
            MismatchReport pictures = new MismatchReport(reportRoot);
            boolean folders = Files.isDirectory(a);
            String name = (folders ? b : b.toAbsolutePath().getParent()).getFileName() + "";
            pictures.mismatch(name.isEmpty() ? "diff" : name, a, b, folders ? a.resolve("output.wav") : a,
                    folders ? b.resolve("output.wav") : b, d.report(), bs);
            index = pictures.writeIndex();
        }
        return new DiffOutcome(d.matches(), text, index);
    }

    private static String indent(String text) {
        return text.lines().map(l -> "    " + l).reduce((x, y) -> x + "\n" + y).orElse("");
    }

    /** The outcome of {@link #check}. */
    public record CheckReport(int checked, List<String> failed, List<ScenarioOutcome> outcomes, Path report) {
        public CheckReport {
            failed = List.copyOf(failed);
            outcomes = List.copyOf(outcomes);
        }

        public boolean passed() {
            return failed.isEmpty();
        }

        public String summaryLine() {
            return passed() ? checked + " scenario(s) match golden"
                    : failed.size() + " of " + checked + " scenario(s) do not match golden: " + String.join(", ", failed);
        }
    }

    /** The outcome of {@link #diff}. */
    public record DiffOutcome(boolean same, String text, Path report) { }
}
