package io.blockwise.cli;

import io.blockwise.fuzz.plant.PlantedDefect;
import io.blockwise.fuzz.FuzzConsole;
import io.blockwise.fuzz.FuzzJUnit;
import io.blockwise.fuzz.Fuzzer;
import io.blockwise.golden.JUnitXml;
import io.blockwise.golden.Shard;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "fuzz", mixinStandardHelpOptions = true, description = "Check the engine's properties on generated scenarios (any message, any timing); "
        + "write a minimal scenario for each failing property. Exit 1 if any failed.")
final class FuzzCommand implements Callable<Integer> {
    @Option(names = "--seed", description = "Seed of the run (default: a random one, printed at the end).")
    Long seed;

    @Option(names = "--tries", defaultValue = "" + Fuzzer.DEFAULT_TRIES, description = "Generated scenarios (default: ${DEFAULT-VALUE}).")
    int tries;

    @Option(names = "--out", defaultValue = "out/fuzz", description = "Folder for minimal failing scenarios (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--emit", description = "Also write every generated scenario into this folder (fuzz-0001.json, ...).")
    Path emit;

    @Option(names = "--plant", converter = DefectName.class, completionCandidates = DefectName.class,
            paramLabel = "DEFECT", description = "Render with a defect planted on purpose, to watch the fuzzer find it: "
                    + "${COMPLETION-CANDIDATES} (blocking-stage turns on the JFR blocking audit).")
    PlantedDefect plant;

    @Option(names = "--jfr", description = "Run the real-time sanitizer on every render (Java Flight Recorder: locks, waits, parks, sleeps, file and socket I/O "
            + "on the audio thread become rt-block, which fails the no-allocation property); renders then run one at a time.")
    boolean jfr;

    @Option(names = "--threads", description = "Worker threads that render tries (default: the available processors, "
            + "here ${DEFAULT-VALUE}); the result is the same for any number.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the result as JUnit XML to FILE (a test case per property; a failure carries the minimal scenario).")
    Path junit;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N of the tries (try t belongs to shard (t - 1) mod N + 1), so N machines with the same --seed and --tries cover every try exactly once.")
    String shard;

    @Mixin
    DebugOption debug;

    @Mixin
    VerbosityOption verbosity;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (tries < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tries must be 0 or more, got " + tries);
        }
        Doing.now("fuzzing");
        long s = seed != null ? seed : new java.util.SplittableRandom().nextLong();
        FuzzConsole console = new FuzzConsole(spec.commandLine().getOut(), spec.commandLine().getErr(),
                System.console() != null && !verbosity.quiet);
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        Fuzzer.Report report = new Fuzzer(new Fuzzer.Options(s, tries, out, emit, Fuzzer.planting(plant).withJfrBlockingAudit(jfr || plant == PlantedDefect.BLOCKING_STAGE), false, threads,
                shard == null ? Shard.ALL : Shard.parse(shard)),
                console.lines(), console.progress(verbosity.verbose)).run();
        if (junit != null) {
            JUnitXml.write(junit, "blockwise.fuzz", FuzzJUnit.cases(report));
        }
        if (!report.passed()) {
            throw new CheckFailedException(report.failures().size() + " propert" + (report.failures().size() == 1
                    ? "y" : "ies") + " failed; minimal scenarios in " + out);
        }
        return ExitCodes.OK;
    }

    /** {@code --plant} by its command-line name. */
    static final class DefectName implements CommandLine.ITypeConverter<PlantedDefect>, Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Arrays.stream(PlantedDefect.values()).map(PlantedDefect::cliName).iterator();
        }

        @Override
        public PlantedDefect convert(String value) {
            PlantedDefect d = PlantedDefect.byCliName(value);
            if (d == null) {
                throw new CommandLine.TypeConversionException("unknown defect '" + value + "'; allowed: "
                        + String.join(", ", Arrays.stream(PlantedDefect.values()).map(PlantedDefect::cliName).toList()));
            }
            return d;
        }
    }
}
