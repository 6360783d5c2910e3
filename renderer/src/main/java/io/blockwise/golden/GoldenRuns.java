package io.blockwise.golden;

import io.blockwise.render.OfflineRenderer;
import io.blockwise.render.RenderFolder;
import io.blockwise.render.RenderOptions;
import io.blockwise.render.RenderResult;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

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

    /** Everything a render does before block 0; returns a short description of the scenario. */
    public static String validate(Path scenarioFile) {
        Scenario s = ScenarioReader.read(scenarioFile);
        OfflineRenderer.validate(s);
        return s.name() + ", " + s.durationFrames() + " frames at " + s.sampleRate() + " Hz, "
                + s.blockCount() + " blocks of " + s.blockSize() + ", " + s.events().size() + " events";
    }

    /** One line about a finished render. */
    public static String describe(RenderResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.name()).append(": ").append(r.frames()).append(" frames, ").append(r.blocks())
                .append(" blocks -> ").append(r.folder()).append(String.format(Locale.ROOT, " (%.1fx real time", r.realTimeFactor()))
                .append(", ").append(r.eventCounts().getOrDefault("rt-alloc", 0L)).append(" rt-alloc)");
        for (String d : r.defects()) {
            sb.append("\n  defect: ").append(d);
        }
        return sb.toString();
    }

    /** The scenario files directly in {@code folder} (.json, .yaml, .yml), sorted by name. */
    public static List<Path> bundledScenarios(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new UncheckedIOException(new java.nio.file.NoSuchFileException(folder.toString()));
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(GoldenRuns::isScenarioFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isScenarioFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /**
     * Renders each scenario and compares its folder with {@code goldenRoot/NAME/}; a render with
     * defects fails too. Reports progress through {@code progress}, one line per scenario plus
     * the details of each mismatch.
     */
    public static CheckReport check(List<Path> scenarioFiles, Path goldenRoot, Path outRoot, Consumer<String> progress) {
        List<String> failures = new ArrayList<>();
        for (Path file : scenarioFiles) {
            RenderResult r = render(file, outRoot);
            RenderFolderDiff.Result diff;
            try (AutoCloseable reading = RenderFolder.lockForReading(outRoot, r.name())) {
                diff = GoldenStore.compare(r.folder(), goldenRoot.resolve(r.name()), r.blockSize());
            } catch (Exception e) {
                throw rethrow(e);
            }
            boolean ok = diff.matches() && r.clean();
            progress.accept((ok ? "ok       " : "MISMATCH ") + r.name());
            if (!diff.matches()) {
                progress.accept(indent(diff.report()));
                failures.add(r.name());
            } else if (!r.clean()) {
                progress.accept(indent("defects: " + String.join("; ", r.defects())));
                failures.add(r.name());
            }
        }
        return new CheckReport(scenarioFiles.size(), failures);
    }

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
        RenderFolderDiff.Result d = RenderFolderDiff.diff(a, b, blockSize);
        return new DiffOutcome(d.matches(), d.report());
    }

    private static String indent(String text) {
        return text.lines().map(l -> "    " + l).reduce((x, y) -> x + "\n" + y).orElse("");
    }

    /** The outcome of {@link #check}. */
    public record CheckReport(int checked, List<String> failed) {
        public CheckReport {
            failed = List.copyOf(failed);
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
    public record DiffOutcome(boolean same, String report) { }
}
