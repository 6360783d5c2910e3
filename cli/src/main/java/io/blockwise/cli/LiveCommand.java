package io.blockwise.cli;

import io.blockwise.live.LiveOptions;
import io.blockwise.live.LiveResult;
import io.blockwise.live.LiveSession;
import io.blockwise.live.device.DeviceClock;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioReader;
import java.util.List;
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

    @Option(names = "--device", arity = "0..1", fallbackValue = "", paramLabel = "NAME",
            description = "Also play through an audio device (javax.sound.sampled): the first whose mixer name contains NAME, "
                    + "or the default one; its buffer then paces the session instead of the timer.")
    String device;

    @Option(names = "--device-buffer", defaultValue = "8", paramLabel = "BLOCKS",
            description = "The device's buffer, in blocks (default: ${DEFAULT-VALUE}).")
    int deviceBufferBlocks;

    @Option(names = "--jfr", description = "Run the real-time sanitizer: record what the audio thread does inside the engine with Java Flight Recorder "
            + "(locks, waits, parks, sleeps, file and socket I/O, allocations); blocking calls are logged as rt-block, every finding is printed on stderr "
            + "once per stack and written to summary.json (rtSanitizer).")
    boolean jfr;

    @Option(names = "--rt-priority", defaultValue = "70", paramLabel = "N",
            description = "Run the driver and the audio thread under Linux's real-time SCHED_FIFO policy at priority N (1..99; 0: off), "
                    + "through chrt, where permitted (root); summary.json says what the session ran with (default: ${DEFAULT-VALUE}).")
    int rtPriority;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (churn < 0 || seconds < 0 || churnIrSeconds <= 0 || churnIrSeconds > 10 || rtPriority < 0 || rtPriority > 99) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--churn and --seconds must be non-negative, --churn-ir 0..10 s, --rt-priority 0..99");
        }
        Doing.now("running " + scenario + " live");
        if (deviceBufferBlocks < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--device-buffer must be at least 1 block");
        }
        Scenario s = ScenarioReader.read(scenario);
        LiveOptions options = LiveOptions.DEFAULT.withSeconds(seconds).withChurn(churn)
                .withChurnIrSeconds(churnIrSeconds).withCapture(capture).withJfr(jfr).withRtPriority(rtPriority);
        if (device != null) {
            Doing.now("opening the audio device");
            DeviceClock clock = DeviceClock.open(device.isEmpty() ? null : device, s.sampleRate(), s.blockSize(),
                    deviceBufferBlocks);
            spec.commandLine().getOut().println("device: " + clock.description());
            options = options.withPacer(clock.factory(), List.of(clock));
            Doing.now("running " + scenario + " live");
        }
        LiveResult r = LiveSession.run(s, out, options);
        spec.commandLine().getErr().print(r.sanitizer().text(r.name()));
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
