package io.blockwise.cli;

import io.blockwise.golden.GoldenRuns;
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

@Command(name = "bless", mixinStandardHelpOptions = true, description = "Render scenarios and write their deterministic outputs to golden/NAME/. Refuses renders with defects.")
final class BlessCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario files or folders of them.")
    List<Path> scenarios;

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
        for (Path file : ScenarioSources.files(scenarios)) {
            Doing.now("blessing " + file);
            spec.commandLine().getOut().println(GoldenRuns.bless(file, golden, out));
        }
        return ExitCodes.OK;
    }
}
