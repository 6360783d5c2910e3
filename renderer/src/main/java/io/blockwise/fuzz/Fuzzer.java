package io.blockwise.fuzz;

import io.blockwise.engine.PlantedDefect;
import io.blockwise.render.OfflineRenderer;
import io.blockwise.render.RenderOptions;
import io.blockwise.scenario.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Shrinkable;
import net.jqwik.api.sessions.JqwikSession;

/**
 * The {@code fuzz} command's engine: the properties of {@link FuzzProperty} over the generators
 * of {@link ScenarioArbitraries}, outside JUnit and fully determined by a seed.
 *
 * <p>Try {@code i} draws from its own {@code java.util.Random}, seeded from the run's seed and
 * {@code i} alone, through jqwik's public generator API ({@code Arbitrary.generator(genSize)},
 * {@code RandomGenerator.next(Random)}): one scenario (checked against properties 1 to 5), one
 * commutation pair (6) and one equivalence pair (7). The same seed gives the same scenarios, the
 * same failures and the same minimal scenarios. A failing property is shrunk ({@link Shrinker})
 * with the same property as the test, its minimal scenario written under {@code out} as a
 * scenario file, and it is not checked again in this run. Scenarios the engine cannot render yet
 * are counted as skipped. Control thread.
 */
public final class Fuzzer {
    /** Tries of a run when none are given. */
    public static final int DEFAULT_TRIES = 100;
    /** jqwik's generation size (its default number of tries): sizes of lists and numbers scale with it. */
    static final int GEN_SIZE = 1000;
    /** Property evaluations a shrink may spend (each renders one to three times). */
    static final int MAX_SHRINK_EVALUATIONS = 400;

    private static final Arbitrary<Scenario> SCENARIOS = ScenarioArbitraries.scenarios();
    private static final Arbitrary<ScenarioPair> COMMUTATIONS = ScenarioArbitraries.commutations();
    private static final Arbitrary<ScenarioPair> EQUIVALENCES = ScenarioArbitraries.equivalences();

    private final Options options;
    private final Consumer<String> out;
    private final Consumer<String> progress;

    /**
     * What to run.
     *
     * @param seed the seed every try derives from
     * @param tries how many tries
     * @param outDir where minimal failing scenarios are written
     * @param emitDir where every generated scenario is written, or null
     * @param render how to render (planted defects included)
     * @param stopAtFirstFailure end the run once a property has failed (and been shrunk)
     */
    public record Options(long seed, int tries, Path outDir, Path emitDir, RenderOptions render,
            boolean stopAtFirstFailure) {
        public Options {
            if (tries < 0) {
                throw new IllegalArgumentException("tries must be at least 0, got " + tries);
            }
        }

        /** Any thread. The default budget with {@code seed}, writing to {@code out/fuzz}, healthy renders. */
        public static Options defaults(long seed) {
            return new Options(seed, DEFAULT_TRIES, Path.of("out", "fuzz"), null, RenderOptions.DEFAULT, false);
        }

        /** Any thread. A copy with {@code n} tries. */
        public Options withTries(int n) {
            return new Options(seed, n, outDir, emitDir, render, stopAtFirstFailure);
        }

        /** Any thread. A copy writing minimal scenarios into {@code dir}. */
        public Options withOutDir(Path dir) {
            return new Options(seed, tries, dir, emitDir, render, stopAtFirstFailure);
        }

        /** Any thread. A copy writing every generated scenario into {@code dir} (null: none). */
        public Options withEmitDir(Path dir) {
            return new Options(seed, tries, outDir, dir, render, stopAtFirstFailure);
        }

        /** Any thread. A copy rendering with {@code r}. */
        public Options withRender(RenderOptions r) {
            return new Options(seed, tries, outDir, emitDir, r, stopAtFirstFailure);
        }

        /** Any thread. A copy that ends the run once a property has failed. */
        public Options stoppingAtFirstFailure() {
            return new Options(seed, tries, outDir, emitDir, render, true);
        }
    }

    /** One failing property: its minimal scenario file(s), its size and why it fails. */
    public record Failure(FuzzProperty property, int tryNumber, List<Path> files, Scenario minimal, int steps,
            String message) {
        /** Any thread. The line the command prints. */
        public String line() {
            return "FAIL " + property.label() + ": " + String.join(" vs ", files.stream().map(Path::toString).toList())
                    + " (" + minimal.events().size() + " events, try " + tryNumber + ", " + steps
                    + " shrink steps): " + message;
        }
    }

    /** The outcome of a run. */
    public record Report(long seed, int tries, int skipped, List<Failure> failures) {
        public Report {
            failures = List.copyOf(failures);
        }

        /** Any thread. True when no property failed. */
        public boolean passed() {
            return failures.isEmpty();
        }

        /** Any thread. {@code N tries, F failures, seed S}. */
        public String summaryLine() {
            return tries + " tries, " + failures.size() + " failures, seed " + seed;
        }

        /** Any thread. The failure of {@code p}, if it failed. */
        public Optional<Failure> failure(FuzzProperty p) {
            return failures.stream().filter(f -> f.property() == p).findFirst();
        }
    }

    /**
     * Control thread. A fuzzer that prints its result lines to {@code out} and, if not null,
     * a short status to {@code progress} after each try.
     */
    public Fuzzer(Options options, Consumer<String> out, Consumer<String> progress) {
        this.options = options;
        this.out = out;
        this.progress = progress;
    }

    /** Control thread. Runs the tries; prints one line per failing property and the summary line last. */
    public Report run() {
        boolean ownSession = !JqwikSession.isActive();
        if (ownSession) {
            JqwikSession.start();
        }
        try (PropertyChecks checks = new PropertyChecks(options.render())) {
            return runTries(checks);
        } finally {
            if (ownSession) {
                JqwikSession.finish();
            }
        }
    }

    private Report runTries(PropertyChecks checks) {
        Run run = new Run(checks, new FuzzFiles(options));
        int tries = 0;
        while (tries < options.tries() && run.goesOn()) {
            int i = ++tries;
            Random random = new Random(mix(options.seed() + mix(i)));
            Shrinkable<Scenario> single = SCENARIOS.generator(GEN_SIZE, false).next(random);
            Shrinkable<ScenarioPair> commutation = COMMUTATIONS.generator(GEN_SIZE, false).next(random);
            Shrinkable<ScenarioPair> equivalence = EQUIVALENCES.generator(GEN_SIZE, false).next(random);
            run.files.emit(i, single.value(), commutation.value(), equivalence.value());
            run.single(i, single);
            run.pair(i, commutation);
            run.pair(i, equivalence);
            if (progress != null) {
                progress.accept("try " + i + "/" + options.tries() + ", " + run.failures.size() + " failures, "
                        + run.skipped + " skipped");
            }
        }
        if (run.skipped > 0) {
            out.accept(run.skipped + " generated scenario(s) skipped: they use features the engine does not render yet");
        }
        Report report = new Report(options.seed(), tries, run.skipped, run.failures);
        out.accept(report.summaryLine());
        return report;
    }

    /** The state of one run: what is still checked, what failed, what was skipped. */
    private final class Run {
        final PropertyChecks checks;
        final FuzzFiles files;
        final Set<FuzzProperty> pending = EnumSet.allOf(FuzzProperty.class);
        final List<Failure> failures = new ArrayList<>();
        int skipped;

        Run(PropertyChecks checks, FuzzFiles files) {
            this.checks = checks;
            this.files = files;
        }

        boolean goesOn() {
            return !pending.isEmpty() && !(options.stopAtFirstFailure() && !failures.isEmpty());
        }

        /** Properties 1 to 5 on one scenario (one shared render), each failure shrunk on its own. */
        void single(int tryNumber, Shrinkable<Scenario> single) {
            List<FuzzProperty> todo = pending.stream().filter(p -> !p.onPairs()).toList();
            if (todo.isEmpty() || !goesOn()) {
                return;
            }
            if (!supported(single.value())) {
                skipped++;
                return;
            }
            for (var f : checks.check(single.value(), todo).entrySet()) {
                FuzzProperty p = f.getKey();
                Shrinker.Result<Scenario> r = Shrinker.shrink(single, f.getValue(),
                        s -> supported(s) ? checks.check(p, s) : Optional.empty(), MAX_SHRINK_EVALUATIONS);
                fail(new Failure(p, tryNumber, files.minimal(p, r.value(), r.failure(), tryNumber), r.value(),
                        r.steps(), r.failure()));
            }
        }

        /** Property 6 or 7 on one pair. */
        void pair(int tryNumber, Shrinkable<ScenarioPair> pair) {
            FuzzProperty p = FuzzProperty.forPairKind(pair.value().kind());
            if (!pending.contains(p) || !goesOn()) {
                return;
            }
            if (!supported(pair.value())) {
                skipped++;
                return;
            }
            Optional<String> f = checks.check(p, pair.value());
            if (f.isPresent()) {
                Shrinker.Result<ScenarioPair> r = Shrinker.shrink(pair, f.get(),
                        x -> supported(x) ? checks.check(p, x) : Optional.empty(), MAX_SHRINK_EVALUATIONS);
                fail(new Failure(p, tryNumber, files.minimal(p, r.value(), r.failure(), tryNumber), r.value().a(),
                        r.steps(), r.failure()));
            }
        }

        private void fail(Failure f) {
            out.accept(f.line());
            failures.add(f);
            pending.remove(f.property());
        }
    }

    /**
     * Any thread. Render options that plant {@code defect} (none when null) so that the properties
     * can see it: a blocking stage is only visible to the JFR blocking audit, so it turns that on.
     */
    public static RenderOptions planting(PlantedDefect defect) {
        if (defect == null) {
            return RenderOptions.DEFAULT;
        }
        return RenderOptions.DEFAULT.planting(defect).withJfrBlockingAudit(defect == PlantedDefect.BLOCKING_STAGE);
    }

    /** Control thread. True when the engine renders {@code s} today. */
    static boolean supported(Scenario s) {
        return OfflineRenderer.unsupportedFeature(s).isEmpty();
    }

    static boolean supported(ScenarioPair p) {
        return supported(p.a()) && supported(p.b());
    }

    /** A 64-bit mix of the try number (SplitMix64's finaliser), so neighbouring tries draw unrelated seeds. */
    private static long mix(long i) {
        long z = i * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
