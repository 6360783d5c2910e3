package io.blockwise.fuzz;

import io.blockwise.dsp.Numbers;
import io.blockwise.render.RenderResult;
import io.blockwise.render.WavData;
import io.blockwise.render.WavReader;
import io.blockwise.rt.LogEvent;
import io.blockwise.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Property 5: the output (and every take) is finite and within {@link OutputBound}, and no stage faulted. */
final class OutputChecks {
    private OutputChecks() {
    }

    static Optional<String> finiteAndBounded(Scenario s, RenderResult r) {
        List<LogEvent> log = r.events();
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).event().equals("fault")) {
                return LogChecks.fail("no stage throws (a fault bypasses it for good)", log, i);
            }
        }
        double bound = OutputBound.of(s);
        for (Path wav : wavs(r.folder())) {
            WavData d = WavReader.read(wav);
            for (int c = 0; c < d.channels(); c++) {
                double[] x = d.channelData()[c];
                for (int i = 0; i < x.length; i++) {
                    if (!Double.isFinite(x[i]) || Math.abs(x[i]) > bound) {
                        String what = Double.isFinite(x[i]) ? "|x| <= " + Numbers.plain(bound) + " (OutputBound)"
                                : "finite samples (no NaN or Inf)";
                        return Optional.of("the output is finite and bounded: " + wav.getFileName() + " needs " + what
                                + " but frame " + i + " (block " + i / s.blockSize() + ", channel " + c + ") is "
                                + x[i]);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** {@code output.wav} and every {@code take-N.wav}, sorted by name. */
    static List<Path> wavs(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".wav")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
