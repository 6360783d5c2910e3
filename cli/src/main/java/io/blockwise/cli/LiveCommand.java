package io.blockwise.cli;

import io.blockwise.live.LiveOptions;
import io.blockwise.live.LiveResult;
import io.blockwise.live.LiveSession;
import io.blockwise.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "live", mixinStandardHelpOptions = true,
        description = "Run a scenario in real time (a paced clock, one block per block period) into OUT/NAME/: "
                + "output.wav, events.jsonl and a summary.json of process times, deadline misses, GC pauses and the audit.")
final class LiveCommand implements Callable<Integer> {
    @Parameters(arity = "1", paramLabel = "SCENARIO", description = "A scenario file (.json, .yaml, .yml).")
    Path scenario;

    @Option(names = {"-o", "--out"}, defaultValue = "out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--churn", defaultValue = "0", paramLabel = "N",
            description = "Threads sending random valid messages as fast as the engine accepts them (default: ${DEFAULT-VALUE}).")
    int churn;

    @Option(names = "--churn-ir", defaultValue = "1", paramLabel = "SECONDS",
            description = "Length of the synthetic IRs the churn swaps in (default: ${DEFAULT-VALUE} s).")
    double churnIrSeconds;

    @Option(names = "--capture", paramLabel = "FILE",
            description = "Write the messages as the audio thread took them, at their blocks, as a scenario that render reproduces byte for byte.")
    Path capture;

    @Option(names = "--seconds", defaultValue = "0", paramLabel = "S",
            description = "Run the clock for S seconds (default: the scenario's duration).")
    double seconds;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (churn < 0 || seconds < 0 || churnIrSeconds <= 0 || churnIrSeconds > 10) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--churn and --seconds must be non-negative, --churn-ir 0..10 s");
        }
        Doing.now("running " + scenario + " live");
        LiveOptions options = LiveOptions.DEFAULT.withSeconds(seconds).withChurn(churn)
                .withChurnIrSeconds(churnIrSeconds).withCapture(capture);
        LiveResult r = LiveSession.run(ScenarioReader.read(scenario), out, options);
        spec.commandLine().getOut().println(r.describe());
        if (!r.clean()) {
            for (String d : r.defects()) {
                spec.commandLine().getOut().println("  defect: " + d);
            }
            throw new CheckFailedException(r.defects().size() + " defect(s) found; see the lines above and summary.json");
        }
        return ExitCodes.OK;
    }
}
