package io.blockwise.cli;

import io.blockwise.golden.GoldenRuns;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diff", mixinStandardHelpOptions = true, description = "Compare two WAV files or two render folders. Exit 1 when they differ.")
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A")
    Path a;

    @Parameters(index = "1", paramLabel = "B")
    Path b;

    @Option(names = "--block-size", defaultValue = "0", description = "Block size used to name the first differing block (default: as the renders were made, from their folders' summary.json or event log).")
    int blockSize;

    @Option(names = "--report", paramLabel = "DIR", defaultValue = "out/diff-report", description = "Where a report of a difference goes: index.html and a page with waveform, difference and spectrogram plots (default: ${DEFAULT-VALUE}).")
    Path report;

    @Option(names = "--no-report", description = "Write no report.")
    boolean noReport;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (blockSize < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--block-size must be 0 (unknown) or more, got " + blockSize);
        }
        Doing.now("comparing " + a + " and " + b);
        GoldenRuns.DiffOutcome d = GoldenRuns.diff(a, b, blockSize, noReport ? null : report);
        spec.commandLine().getOut().println(d.text());
        if (d.report() != null) {
            spec.commandLine().getOut().println("report: " + d.report());
        }
        if (!d.same()) {
            throw new CheckFailedException(a + " and " + b + " differ");
        }
        return ExitCodes.OK;
    }
}
