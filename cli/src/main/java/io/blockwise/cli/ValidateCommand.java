package io.blockwise.cli;

import io.blockwise.golden.GoldenRuns;
import io.blockwise.scenario.ScenarioSources;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check scenarios as render would, up to the first block: parse, validate, read input files, build the setup. "
        + "Checks every file given: one line per bad file; exit 2 if any was bad.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario files, folders of them, or - for standard input.")
    List<Path> scenarios;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int worst = ExitCodes.OK;
        // Each argument on its own, so a bad one (an empty folder, say) is one line and the rest
        // are still checked.
        for (ScenarioSources.Expansion expansion : ScenarioSources.expandEach(scenarios, System.in)) {
            if (expansion.error() != null) {
                worst = Math.max(worst, ExitCodes.report(expansion.error(), debug.debug, spec.commandLine().getErr()));
                continue;
            }
            for (ScenarioSources.Source source : expansion.sources()) {
                Doing.now("validating " + source.label());
                try {
                    spec.commandLine().getOut().println(source.label() + ": ok (" + GoldenRuns.validate(source) + ")");
                } catch (RuntimeException | Error e) {
                    worst = Math.max(worst, ExitCodes.report(e, debug.debug, spec.commandLine().getErr()));
                }
            }
        }
        return worst;
    }
}
