package io.blockwise.cli;

import io.blockwise.golden.GoldenRuns;
import io.blockwise.render.ProgressLine;
import io.blockwise.render.RenderOptions;
import io.blockwise.golden.JUnitXml;
import io.blockwise.golden.Shard;
import io.blockwise.scenario.ScenarioSources;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true, description = "Render scenarios and compare them with golden/NAME/ (default: every scenario in scenarios/). Exit 1 on any mismatch.")
final class CheckCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "SCENARIO", description = "Scenario files or folders of them.")
    List<Path> scenarios;

    @Option(names = "--scenarios", defaultValue = "scenarios", description = "Folder of bundled scenarios (default: ${DEFAULT-VALUE}).")
    Path scenarioFolder;

    @Option(names = "--golden", defaultValue = "golden", description = "Golden folder (default: ${DEFAULT-VALUE}).")
    Path golden;

    @Option(names = {"-o", "--out"}, defaultValue = "out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML to FILE (a test case per scenario).")
    Path junit;

    @Option(names = "--shard", paramLabel = "I/N", description = "Check only shard I of N (1 <= I <= N): every N-th scenario in path order, so N CI jobs cover all exactly once.")
    String shard;

    @Option(names = "--report", paramLabel = "DIR", description = "Where a mismatch report goes: an index.html linking a page per scenario with waveform, difference and spectrogram plots (default: OUT/report). Written only when something does not match.")
    Path reportDir;

    @Option(names = "--no-report", description = "Write no mismatch report.")
    boolean noReport;

    @Option(names = "--jfr", description = "Run the real-time sanitizer: record what the audio thread does inside the engine with Java Flight Recorder "
            + "(locks, waits, parks, sleeps, file and socket I/O, allocations); a blocking call is a defect (rt-block), reported with its stack.")
    boolean jfr;

    @Option(names = "--threads", defaultValue = "0", description = "Renders at once (default: one per core). The output is the same for any value.")
    int threads;

    @Mixin
    DebugOption debug;

    @Mixin
    VerbosityOption verbosity;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Doing.now("checking scenarios against " + golden);
        List<Path> files = scenarios == null || scenarios.isEmpty()
                ? GoldenRuns.bundledScenarios(scenarioFolder) : ScenarioSources.files(scenarios);
        if (shard != null) {
            files = Shard.parse(shard).of(files);
        }
        ProgressLine progress = verbosity.progressLine(System.err);
        int total = files.size();
        int[] done = {0};
        java.util.function.Consumer<String> lines = line -> {
            if (progress != null) {
                progress.clear();
            }
            spec.commandLine().getOut().println(line);
            if (progress != null && !line.startsWith(" ")) {
                progress.show(++done[0] + " of " + total + " scenarios checked");
            }
        };
        GoldenRuns.CheckReport report = GoldenRuns.check(files, golden, out, lines, threads,
                noReport ? null : reportDir != null ? reportDir : out.resolve("report"),
                RenderOptions.DEFAULT.withJfrBlockingAudit(jfr));
        if (junit != null) {
            JUnitXml.write(junit, "blockwise.check", JUnitXml.casesOf(report));
        }
        if (progress != null) {
            progress.clear();
        }
        if (report.report() != null) {
            spec.commandLine().getOut().println("report: " + report.report());
        }
        if (!report.passed()) {
            throw new CheckFailedException(report.summaryLine());
        }
        spec.commandLine().getOut().println(report.summaryLine());
        return ExitCodes.OK;
    }
}
