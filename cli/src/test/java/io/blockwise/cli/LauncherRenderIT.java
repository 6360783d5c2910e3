package io.blockwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audio-thread audit through {@code ./blockwise} itself, as users run it: the shaded jar, the
 * JVM flags of {@code cli/jvm.options} and the class-data-sharing archive the launcher creates.
 * Every bundled scenario is rendered in fresh launcher runs, one per two processors at a time; every render must
 * log zero {@code rt-alloc} from block 0. Runs after {@code package} (it needs the jar). The
 * flags alone are audited in 20 fresh JVMs by the renderer's {@code FreshJvmRenderTest}; here 6
 * runs by default, to keep {@code mvn verify} short ({@code -Dblockwise.launcherRuns=20} for more).
 */
class LauncherRenderIT {
    static final int RUNS = Integer.getInteger("blockwise.launcherRuns", 6);
    /** Launcher runs at the same time: one per two processors (a render keeps two threads busy). */
    static final int AT_ONCE = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    static final Path ROOT = Path.of(System.getProperty("blockwise.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    record Run(int code, String output) { }

    static Run launch(List<String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ROOT.resolve("blockwise").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        for (String kv : env) {
            int eq = kv.indexOf('=');
            pb.environment().put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the launcher did not finish");
        return new Run(p.exitValue(), output);
    }

    static List<String> bundledScenarios() throws IOException {
        try (Stream<Path> s = Files.list(ROOT.resolve("scenarios"))) {
            return s.map(Path::toString).filter(n -> (n.endsWith(".json") || n.endsWith(".yaml")) && !n.endsWith("schema.json")).sorted().toList();
        }
    }

    @Test
    void theLauncherUsesItsClassDataSharingArchive() throws Exception {
        launch(List.of(), "--version"); // creates the archive if the jar is newer
        Run r = launch(List.of("BLOCKWISE_JAVA_OPTS=-Xlog:class+load=info"), "validate",
                ROOT.resolve("scenarios/queue-flood.json").toString());
        assertEquals(0, r.code(), r.output());
        long shared = r.output().lines().filter(l -> l.contains("source: shared objects file")).count();
        long fromJar = r.output().lines().filter(l -> l.contains("io.blockwise.") && l.contains("source: shared objects file"))
                .count();
        assertTrue(fromJar > 0, "Blockwise's own classes come from the archive: " + shared + " shared classes");
    }

    @Test
    void everyBundledScenarioLogsZeroRtAllocInEveryFreshLauncherRun() throws Exception {
        List<String> scenarios = bundledScenarios();
        launch(List.of(), "--version"); // the archive first, so the runs below do not race to create it
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Future<Run>> runs = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                List<String> args = new ArrayList<>(List.of("render", "-o", tmp.resolve("run" + run).toString()));
                args.addAll(scenarios);
                runs.add(pool.submit(() -> launch(List.of(), args.toArray(String[]::new))));
            }
            List<String> failures = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                Run r = runs.get(run).get();
                long rendered = 0;
                long rtAlloc = 0;
                try (Stream<Path> logs = Files.find(tmp.resolve("run" + run), 2,
                        (p, a) -> p.getFileName().toString().equals("events.jsonl"))) {
                    for (Path log : (Iterable<Path>) logs::iterator) {
                        rendered++;
                        rtAlloc += Files.readAllLines(log).stream().filter(l -> l.contains("\"rt-alloc\"")).count();
                    }
                }
                if (r.code() != 0 || rendered != scenarios.size() || rtAlloc != 0) {
                    failures.add("run " + run + ": exit " + r.code() + ", " + rendered + " rendered, " + rtAlloc
                            + " rt-alloc: " + r.output());
                }
            }
            assertEquals(List.of(), failures);
        } finally {
            pool.shutdownNow();
        }
    }
}
