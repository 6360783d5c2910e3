package io.blockwise.fuzz;

import io.blockwise.fuzz.plant.PlantedDefect;
import io.blockwise.golden.Shard;
import io.blockwise.render.RenderOptions;
import io.blockwise.scenario.Scenario;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
 * commutation pair (6) and one equivalence pair (7). A failing property is shrunk ({@link Shrinker})
 * with the same property as the test, its minimal scenario written under {@code out} as a
 * scenario file, and it is not checked again in this run.
 *
 * <p>Tries run on {@code threads} worker threads and the result is the same whatever their
 * number: the control thread draws every try in try order (jqwik's session state is per thread
 * and not thread-safe, so only this thread touches jqwik), workers render and check (the renderer
 * is thread-safe; each render has its own engine, audio thread and scratch folder), and the control
 * thread takes the results back in try order, deciding, printing, shrinking and writing files
 * exactly as a serial run would. A worker checks a property only while it has not failed in an
 * earlier try, which is all a serial run checks too. With the JFR blocking audit on, every render
 * runs on the control thread, one at a time (the audit tells audio threads apart by name only). The same seed gives the same scenarios, the
 * same failures, the same minimal scenarios and the same summary line. Control thread.
 */
public final class Fuzzer {
    /** Tries of a run when none are given. */
    public static final int DEFAULT_TRIES = 100;
    /** jqwik's generation size (its default number of tries): sizes of lists and numbers scale with it. */
    static final int GEN_SIZE = 1000;
    /** Property evaluations a shrink may spend (each renders one to three times). */
    static final int MAX_SHRINK_EVALUATIONS = 400;
    /** Tries drawn ahead of the one being taken back, per worker thread. */
    static final int AHEAD_PER_THREAD = 2;

    private static final Arbitrary<Scenario> SCENARIOS = ScenarioArbitraries.scenarios();
    private static final Arbitrary<ScenarioPair> COMMUTATIONS = ScenarioArbitraries.commutations();
    private static final Arbitrary<ScenarioPair> EQUIVALENCES = ScenarioArbitraries.equivalences();

    private final Options options;
    private final Consumer<String> out;
    private final Consumer<FuzzStatus> progress;

    /**
     * What to run.
     *
     * @param seed the seed every try derives from
     * @param tries how many tries
     * @param outDir where minimal failing scenarios are written
     * @param emitDir where every generated scenario is written, or null
     * @param render how to render (planted defects included)
     * @param stopAtFirstFailure end the run once a property has failed (and been shrunk)
     * @param threads worker threads that render and check tries (the result does not depend on it)
     * @param shard the tries this run takes: try i (from 1) belongs to shard {@code (i - 1) mod N + 1},
     *     so N runs with the same seed and tries cover every try exactly once
     */
    public record Options(long seed, int tries, Path outDir, Path emitDir, RenderOptions render,
            boolean stopAtFirstFailure, int threads, Shard shard) {
        public Options {
            if (tries < 0) {
                throw new IllegalArgumentException("tries must be at least 0, got " + tries);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
        }

        /**
         * Any thread. The default budget with {@code seed}, writing to {@code out/fuzz}, healthy
         * renders, one worker thread per available processor.
         */
        public static Options defaults(long seed) {
            return new Options(seed, DEFAULT_TRIES, Path.of("out", "fuzz"), null, RenderOptions.DEFAULT, false,
                    Runtime.getRuntime().availableProcessors(), Shard.ALL);
        }

        /** Any thread. A copy with {@code n} tries. */
        public Options withTries(int n) {
            return new Options(seed, n, outDir, emitDir, render, stopAtFirstFailure, threads, shard);
        }

        /** Any thread. A copy writing minimal scenarios into {@code dir}. */
        public Options withOutDir(Path dir) {
            return new Options(seed, tries, dir, emitDir, render, stopAtFirstFailure, threads, shard);
        }

        /** Any thread. A copy writing every generated scenario into {@code dir} (null: none). */
        public Options withEmitDir(Path dir) {
            return new Options(seed, tries, outDir, dir, render, stopAtFirstFailure, threads, shard);
        }

        /** Any thread. A copy rendering with {@code r}. */
        public Options withRender(RenderOptions r) {
            return new Options(seed, tries, outDir, emitDir, r, stopAtFirstFailure, threads, shard);
        }

        /** Any thread. A copy that ends the run once a property has failed. */
        public Options stoppingAtFirstFailure() {
            return new Options(seed, tries, outDir, emitDir, render, true, threads, shard);
        }

        /** Any thread. A copy running tries on {@code n} worker threads. */
        public Options withThreads(int n) {
            return new Options(seed, tries, outDir, emitDir, render, stopAtFirstFailure, n, shard);
        }

        /** Any thread. A copy taking only the tries of {@code part}. */
        public Options withShard(Shard part) {
            return new Options(seed, tries, outDir, emitDir, render, stopAtFirstFailure, threads, part);
        }

        /** Any thread. The worker threads actually used: one under the JFR blocking audit. */
        int workerThreads() {
            return render.jfrBlockingAudit() ? 1 : threads;
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
    public record Report(long seed, int tries, List<Failure> failures) {
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
     * its status to {@code progress} after each try.
     */
    public Fuzzer(Options options, Consumer<String> out, Consumer<FuzzStatus> progress) {
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
            ExecutorService workers = Executors.newFixedThreadPool(options.workerThreads(), new WorkerThreads());
            try {
                return runTries(checks, workers);
            } finally {
                stop(workers);
            }
        } finally {
            if (ownSession) {
                JqwikSession.finish();
            }
        }
    }

    /**
     * Control thread. Drops the tries drawn ahead that no worker started, and waits for the ones
     * running (a render does not stop half-way), so that no render writes into the scratch folder
     * after it is deleted.
     */
    private static void stop(ExecutorService workers) {
        workers.shutdownNow();
        try {
            while (!workers.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS)) {
                Thread.onSpinWait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Report runTries(PropertyChecks checks, ExecutorService workers) {
        Run run = new Run(checks, new FuzzFiles(options));
        Deque<Pending> ahead = new ArrayDeque<>();
        int drawn = 0;
        int tries = 0;
        int window = serialOnly() ? 1 : AHEAD_PER_THREAD * options.workerThreads();
        long startNanos = System.nanoTime(); // the status line's rate only: never reaches a result
        while (tries < options.tries() && run.goesOn()) {
            while (drawn < options.tries() && ahead.size() < window) {
                int n = ++drawn;
                if (options.shard().owns(n - 1)) {
                    ahead.add(submit(n, checks, workers, run.pending));
                }
            }
            if (ahead.isEmpty()) {
                break; // every try of this shard is done
            }
            Pending next = ahead.removeFirst();
            int i = next.number();
            tries++;
            run.files.emit(i, next.draw.single.value(), next.draw.commutation.value(), next.draw.equivalence.value());
            Checked checked = await(next.checked);
            run.single(i, next.draw.single, checked.single);
            run.pair(i, next.draw.commutation, checked.commutation);
            run.pair(i, next.draw.equivalence, checked.equivalence);
            if (progress != null) {
                Scenario last = next.draw.single.value();
                progress.accept(new FuzzStatus(i, options.tries(), run.failures.size(), System.nanoTime() - startNanos,
                        run.pending.size(), last.events().size(), last.durationFrames() / (double) last.sampleRate()));
            }
        }
        for (Pending p : ahead) {
            p.checked.cancel(true);
        }
        Report report = new Report(options.seed(), tries, run.failures);
        out.accept(report.summaryLine());
        return report;
    }

    /**
     * Any thread. True when every render must run alone, on the control thread: the JFR blocking
     * audit attributes events to the audio thread by its name, which every render's audio thread
     * shares, so two renders at once (a worker's and a shrink's) would blame each other.
     */
    private boolean serialOnly() {
        return options.render().jfrBlockingAudit();
    }

    /** Control thread. Draws try {@code i} here (jqwik), and hands its renders to a worker (or, {@link #serialOnly}, renders them here). */
    private Pending submit(int i, PropertyChecks checks, ExecutorService workers, Set<FuzzProperty> pending) {
        Draw draw = Draw.of(options.seed(), i);
        Scenario single = draw.single.value();
        ScenarioPair commutation = draw.commutation.value();
        ScenarioPair equivalence = draw.equivalence.value();
        // Properties that failed in an earlier try are not looked at again, serial or not.
        List<FuzzProperty> singles = pending.stream().filter(p -> !p.onPairs()).toList();
        FuzzProperty c = FuzzProperty.forPairKind(commutation.kind());
        FuzzProperty e = FuzzProperty.forPairKind(equivalence.kind());
        boolean checkC = pending.contains(c);
        boolean checkE = pending.contains(e);
        java.util.concurrent.Callable<Checked> task = () -> new Checked(
                singles.isEmpty() ? Map.of() : checks.check(single, singles),
                checkC ? checks.check(c, commutation) : Optional.empty(),
                checkE ? checks.check(e, equivalence) : Optional.empty());
        if (serialOnly()) {
            java.util.concurrent.FutureTask<Checked> here = new java.util.concurrent.FutureTask<>(task);
            here.run();
            return new Pending(i, draw, here);
        }
        return new Pending(i, draw, workers.submit(task));
    }

    private static Checked await(Future<Checked> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a try", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** One try's generated values, with their shrink trees. */
    record Draw(Shrinkable<Scenario> single, Shrinkable<ScenarioPair> commutation,
            Shrinkable<ScenarioPair> equivalence) {
        /** Control thread (inside a jqwik session). Try {@code i} of the run seeded {@code seed}. */
        static Draw of(long seed, int i) {
            Random random = new Random(mix(seed + mix(i)));
            Shrinkable<Scenario> single = SCENARIOS.generator(GEN_SIZE, false).next(random);
            Shrinkable<ScenarioPair> commutation = COMMUTATIONS.generator(GEN_SIZE, false).next(random);
            Shrinkable<ScenarioPair> equivalence = EQUIVALENCES.generator(GEN_SIZE, false).next(random);
            return new Draw(single, commutation, equivalence);
        }
    }

    /** A try's checks as a worker made them: the failing single-scenario properties, and each pair's verdict. */
    record Checked(Map<FuzzProperty, String> single, Optional<String> commutation, Optional<String> equivalence) { }

    /** A try drawn and handed to a worker, not yet taken back. */
    private record Pending(int number, Draw draw, Future<Checked> checked) { }

    /** Daemon worker threads named {@code blockwise-fuzz-N}. */
    private static final class WorkerThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "blockwise-fuzz-" + next.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }

    /**
     * The state of one run: what is still checked, what failed. Written by the control thread
     * only; workers get a copy of {@code pending} taken when their try is handed over.
     */
    private final class Run {
        final PropertyChecks checks;
        final FuzzFiles files;
        final Set<FuzzProperty> pending = EnumSet.allOf(FuzzProperty.class);
        final List<Failure> failures = new ArrayList<>();

        Run(PropertyChecks checks, FuzzFiles files) {
            this.checks = checks;
            this.files = files;
        }

        boolean goesOn() {
            return !pending.isEmpty() && !(options.stopAtFirstFailure() && !failures.isEmpty());
        }

        /** Properties 1 to 5 on one scenario (one shared render, made by a worker), each failure shrunk on its own. */
        void single(int tryNumber, Shrinkable<Scenario> single, Map<FuzzProperty, String> found) {
            if (!goesOn()) {
                return;
            }
            for (FuzzProperty p : FuzzProperty.values()) {
                String failure = found.get(p);
                if (failure == null || !pending.contains(p)) {
                    continue;
                }
                Shrinker.Result<Scenario> r = Shrinker.shrink(single, failure, s -> checks.check(p, s),
                        MAX_SHRINK_EVALUATIONS);
                fail(new Failure(p, tryNumber, files.minimal(p, r.value(), r.failure(), tryNumber), r.value(),
                        r.steps(), r.failure()));
            }
        }

        /** Property 6 or 7 on one pair (its verdict made by a worker). */
        void pair(int tryNumber, Shrinkable<ScenarioPair> pair, Optional<String> found) {
            FuzzProperty p = FuzzProperty.forPairKind(pair.value().kind());
            if (found.isEmpty() || !pending.contains(p) || !goesOn()) {
                return;
            }
            Shrinker.Result<ScenarioPair> r = Shrinker.shrink(pair, found.get(), x -> checks.check(p, x),
                    MAX_SHRINK_EVALUATIONS);
            fail(new Failure(p, tryNumber, files.minimal(p, r.value(), r.failure(), tryNumber), r.value().a(),
                    r.steps(), r.failure()));
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
        return RenderOptions.DEFAULT.withHooks(defect.hooks())
                .withJfrBlockingAudit(defect == PlantedDefect.BLOCKING_STAGE);
    }

    /** A 64-bit mix of the try number (SplitMix64's finaliser), so neighbouring tries draw unrelated seeds. */
    private static long mix(long i) {
        long z = i * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
