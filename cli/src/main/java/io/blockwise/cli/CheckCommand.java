package io.blockwise.cli;

import io.blockwise.golden.GoldenRuns;
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
    @Parameters(arity = "0..*", paramLabel = "SCENARIO")
    List<Path> scenarios;

    @Option(names = "--scenarios", defaultValue = "scenarios", description = "Folder of bundled scenarios (default: ${DEFAULT-VALUE}).")
    Path scenarioFolder;

    @Option(names = "--golden", defaultValue = "golden", description = "Golden folder (default: ${DEFAULT-VALUE}).")
    Path golden;

    @Option(names = {"-o", "--out"}, defaultValue = "out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Doing.now("checking scenarios against " + golden);
        List<Path> files = scenarios == null || scenarios.isEmpty()
                ? GoldenRuns.bundledScenarios(scenarioFolder) : scenarios;
        GoldenRuns.CheckReport report = GoldenRuns.check(files, golden, out, spec.commandLine().getOut()::println);
        if (!report.passed()) {
            throw new CheckFailedException(report.summaryLine());
        }
        spec.commandLine().getOut().println(report.summaryLine());
        return ExitCodes.OK;
    }
}
