package io.blockwise.cli;

import io.blockwise.golden.GoldenRuns;
import io.blockwise.scenario.ScenarioSources;
import io.blockwise.render.ProgressLine;
import io.blockwise.render.RenderOptions;
import io.blockwise.render.RenderResult;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "render", mixinStandardHelpOptions = true, description = "Render scenarios into OUT/NAME/ (output.wav, events.jsonl, summary.json).")
final class RenderCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario files (.json, .yaml, .yml), folders of them, or - for standard input.")
    List<Path> scenarios;

    @Option(names = {"-o", "--out"}, defaultValue = "out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--jfr", description = "Run the real-time sanitizer: record what the audio thread does inside the engine with Java Flight Recorder "
            + "(locks, waits, parks, sleeps, file and socket I/O, allocations); blocking calls are logged as rt-block, every finding is printed on stderr "
            + "once per stack and written to summary.json (rtSanitizer).")
    boolean jfr;

    @Option(names = "--lockstep", description = "Run the collector and writer on threads of their own (same output bytes).")
    boolean lockstep;

    @Mixin
    DebugOption debug;

    @Mixin
    VerbosityOption verbosity;

    @Spec
    CommandSpec spec;

    RenderOptions options() {
        return RenderOptions.DEFAULT.withJfrBlockingAudit(jfr)
                .withMode(lockstep ? RenderOptions.Mode.LOCKSTEP : RenderOptions.Mode.OFFLINE);
    }

    @Override
    public Integer call() {
        int defects = 0;
        ProgressLine progress = verbosity.progressLine(System.err);
        RenderOptions options = progress == null ? options() : options().withProgress(progress);
        for (ScenarioSources.Source source : ScenarioSources.expand(scenarios, System.in)) {
            Doing.now("rendering " + source.label());
            RenderResult r = GoldenRuns.render(source, out, options);
            if (progress != null) {
                progress.clear();
            }
            spec.commandLine().getOut().println(GoldenRuns.describe(r));
            if (!r.sanitizer().clean()) {
                spec.commandLine().getErr().print(r.sanitizer().text(r.name()));
            }
            if (verbosity.verbose) {
                spec.commandLine().getOut().println(GoldenRuns.details(r));
            }
            defects += r.defects().size();
        }
        if (defects > 0) {
            throw new CheckFailedException(defects + " defect(s) found; see the lines above and summary.json");
        }
        return ExitCodes.OK;
    }
}
