package io.blockwise.bench;

import io.blockwise.render.OfflineRenderer;
import io.blockwise.render.ProcessTimes;
import io.blockwise.render.RenderResult;
import io.blockwise.scenario.IrSpec;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioReader;
import io.blockwise.scenario.SourceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Whole-scenario render speed: each scenario is rendered through
 * {@code OfflineRenderer.render(ScenarioReader.read(file), outDir)} once "cold" (its first render
 * in this JVM; only the first scenario also pays {@code JvmPrimer} and most of the JIT warm-up)
 * and then {@code --runs} times warm, all in one JVM. A plain {@code main}, not JMH: one render is seconds long, and what matters is the product's
 * own path, file parsing and WAV writing included.
 *
 * <p>Reported per scenario, as ratios, never asserted:
 * <ul>
 *   <li>x real time = audio seconds / wall seconds of the whole call (read + render), cold, warm
 *       median and warm best;</li>
 *   <li>the audio thread's {@code process()} time per block ({@link RenderResult#processTimes()},
 *       pooled over the warm runs): median, p99, max in us;</li>
 *   <li>where the best warm run's wall time went: inside {@code process()} on {@code blockwise-rt};
 *       the driver's share of the block loop (input generation, hand-off, logging, meters,
 *       collector, WAV writing); and set-up outside the loop (parsing, reading input files,
 *       preparing IRs, building the setup, writing the log, moving the folder);</li>
 *   <li>CPU/wall: the JVM's CPU time (every thread) over the wall time of the best warm run. The
 *       hand-off spins on both sides, so about 2 means both cores were busy for the render.</li>
 * </ul>
 * Every render's outputs go to a scratch folder that is deleted at the end unless {@code --out}
 * is given. A {@code System.gc()} runs between renders so one render's garbage is not collected
 * inside the next.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.blockwise.bench.RenderBenchmark
 * [--runs N] [--out DIR] [files...]}. Without files: every {@code .json}/{@code .yaml}/{@code .yml}
 * in {@code scenarios/} (of the working directory), plus {@value #PEER_RIG} when its input files
 * exist (made by {@code make_inputs.py}).
 */
public final class RenderBenchmark {
    static final String PEER_RIG = "/tmp/peers/bench-rig.json"; // put there, with its inputs, by bench/peers.sh

    private RenderBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int runs = 5;
        Path out = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(value(args, i++));
                case "--out" -> out = Path.of(value(args, i++));
                case "-h", "--help" -> {
                    System.out.println("usage: RenderBenchmark [--runs N] [--out DIR] [files...]");
                    return;
                }
                default -> files.add(Path.of(args[i]));
            }
        }
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
        }
        if (files.isEmpty()) {
            files = defaultFiles();
        }
        boolean scratch = out == null;
        Path outDir = scratch ? Files.createTempDirectory("blockwise-render-bench") : out;
        System.out.printf(Locale.ROOT, "RenderBenchmark: %d warm run(s) after 1 cold, %s, %d cores, load %s%n",
                runs, System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors(), load());
        List<Row> rows = new ArrayList<>();
        try {
            for (Path f : files) {
                Scenario sc = ScenarioReader.read(f);
                List<Path> missing = missingInputFiles(sc);
                if (!missing.isEmpty()) {
                    System.out.printf("skipped %s: missing %s%n", f, missing);
                    continue;
                }
                rows.add(measure(sc, f, outDir, runs));
            }
        } finally {
            if (scratch) {
                deleteRecursively(outDir);
            }
        }
        printTable(rows);
        System.out.printf(Locale.ROOT, "load at end: %s%n", load());
    }

    private static String value(String[] args, int i) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException(args[i] + " needs a value");
        }
        return args[i + 1];
    }

    /** One scenario: a cold render, then {@code runs} warm ones. */
    private static Row measure(Scenario first, Path file, Path outDir, int runs) {
        Row row = new Row(first.name(), first.durationFrames() / (double) first.sampleRate());
        for (int r = 0; r <= runs; r++) {
            System.gc();
            java.time.Instant started = java.time.Instant.now();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            RenderResult res = OfflineRenderer.render(ScenarioReader.read(file), outDir);
            long wall = System.nanoTime() - t0;
            long cpu = processCpuNanos() - cpu0;
            // Start instants let a profile (JFR) be cut to the warm runs.
            System.out.printf(Locale.ROOT, "  %s run %d%s: %.3f s (JVM CPU %.3f s), started %s, load %s%n",
                    row.name, r, r == 0 ? " (cold)" : "", wall / 1e9, cpu / 1e9, started, load());
            if (!res.clean()) {
                System.out.printf("warning: %s run %d has defects: %s%n", row.name, r, res.defects());
            }
            if (r == 0) {
                row.coldNanos = wall;
                continue;
            }
            row.warmNanos.add(wall);
            row.processPool.add(res.processTimes());
            if (row.best == null || wall < row.bestNanos) {
                row.best = res;
                row.bestNanos = wall;
                row.bestCpuNanos = cpu;
            }
        }
        return row;
    }

    private static void printTable(List<Row> rows) {
        System.out.println();
        System.out.println("scenario              audio |  cold s   xRT |  warm med s   xRT |  best s    xRT"
                + " | process us/block med   p99     max | process  driver  setup | CPU/wall");
        for (Row r : rows) {
            long[] warm = r.warmNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            double median = median(warm);
            ProcessTimes all = r.pooledProcess();
            long processSum = r.best.processTimes().totalNanos();
            long loop = r.best.wallNanos();
            System.out.printf(Locale.ROOT,
                    "%-20s %6.1fs | %6.2f %6.1f | %10.2f %6.1f | %6.2f %6.1f | %19.1f %6.1f %7.1f | %6.1f%% %6.1f%% %5.1f%% | %8.2f%n",
                    r.name, r.audioSeconds,
                    r.coldNanos / 1e9, r.audioSeconds / (r.coldNanos / 1e9),
                    median / 1e9, r.audioSeconds / (median / 1e9),
                    r.bestNanos / 1e9, r.audioSeconds / (r.bestNanos / 1e9),
                    all.quantileNanos(0.50) / 1e3, all.quantileNanos(0.99) / 1e3, all.maxNanos() / 1e3,
                    100.0 * processSum / r.bestNanos, 100.0 * (loop - processSum) / r.bestNanos,
                    100.0 * (r.bestNanos - loop) / r.bestNanos, r.bestCpuNanos / (double) r.bestNanos);
        }
        System.out.println("xRT = audio seconds / wall seconds of read + render (cold: the scenario's first render in"
                + " this JVM; the first scenario's includes JvmPrimer). process() times pooled over the warm runs; shares are of the best warm run's wall time: process() on blockwise-rt, the driver's"
                + " rest of the block loop (input, hand-off, log, WAV), set-up outside the loop. CPU/wall: JVM CPU"
                + " time (all threads, spinning included) over wall time of the best warm run.");
    }

    /** Files of {@code scenarios/} in name order, then the peer rig when its inputs exist. */
    static List<Path> defaultFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        Path dir = Path.of("scenarios");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> {
                    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    return n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml");
                }).sorted().forEach(files::add);
            }
        }
        Path rig = Path.of(PEER_RIG);
        if (Files.isRegularFile(rig)) {
            files.add(rig);
        }
        return files;
    }

    /** Input and IR files the scenario names that do not exist (so it cannot be rendered here). */
    static List<Path> missingInputFiles(Scenario sc) {
        List<Path> paths = new ArrayList<>();
        for (SourceSpec s : sc.inputs()) {
            if (s instanceof SourceSpec.File f) {
                paths.add(f.path());
            }
        }
        if (sc.setup().ir() instanceof IrSpec.File f) {
            paths.add(f.path());
        }
        Path base = sc.file().toAbsolutePath().getParent();
        List<Path> missing = new ArrayList<>();
        for (Path p : paths) {
            Path resolved = p.isAbsolute() || base == null ? p : base.resolve(p);
            if (!Files.exists(resolved)) {
                missing.add(resolved);
            }
        }
        return missing;
    }

    private static double median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** Nearest-rank percentile of a sorted array. */
    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** CPU time of the whole JVM (every thread, JIT and GC included), ns; -1 when unsupported. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String load() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f (1 min)", l);
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Measurements of one scenario. */
    private static final class Row {
        final String name;
        final double audioSeconds;
        final List<Long> warmNanos = new ArrayList<>();
        final ProcessTimes processPool = new ProcessTimes();
        long coldNanos;
        RenderResult best;
        long bestNanos;
        long bestCpuNanos;

        Row(String name, double audioSeconds) {
            this.name = name;
            this.audioSeconds = audioSeconds;
        }

        ProcessTimes pooledProcess() {
            return processPool;
        }
    }
}
