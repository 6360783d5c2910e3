package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.testing.Bundled;
import io.blockwise.testing.LauncherFlags;
import io.blockwise.testing.RenderBundledMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit must be trustworthy: a correct engine logs zero rt-alloc on every run, including the
 * first render of a fresh JVM, where the audio thread meets every code path interpreted. Renders
 * every bundled scenario in 20 fresh JVMs with the flags {@code ./blockwise} runs with
 * ({@code cli/jvm.options}), {@link #AT_ONCE} at a time so that the test costs less wall time on
 * a machine with cores to spare (the cli module's {@code LauncherRenderIT} does the same through
 * the launcher itself, class-data-sharing archive included).
 */
class FreshJvmRenderTest {
    static final int RUNS = 20;
    /**
     * Fresh JVMs rendering at the same time: one per two processors, since a render keeps two
     * threads busy (the driver and the audio thread both spin at each block's hand-off), and more
     * spinning threads than cores make every hand-off wait for a time slice. On two cores, one.
     * {@code -Dblockwise.freshJvms=N} to change it.
     */
    static final int AT_ONCE = Integer.getInteger("blockwise.freshJvms",
            Math.max(1, Runtime.getRuntime().availableProcessors() / 2));

    @TempDir
    Path tmp;

    /** Control thread. Runs {@code RenderBundledMain} with {@code args} in a fresh JVM with the launcher's flags and {@code jvmFlags}. */
    static List<String> runFreshJvm(List<String> jvmFlags, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(LauncherFlags.read());
        cmd.addAll(jvmFlags);
        cmd.add("-Dblockwise.root=" + Bundled.root());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(RenderBundledMain.class.getName());
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "fresh JVM did not finish");
        assertEquals(0, p.exitValue(), output);
        return output.lines().toList();
    }

    @Test
    void everyBundledScenarioLogsZeroRtAllocInTwentyFreshJvms() throws Exception {
        int scenarios = Bundled.scenarios().size();
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                Path out = tmp.resolve("run" + run);
                runs.add(pool.submit(() -> runFreshJvm(List.of(), List.of("plain", out.toString()))));
            }
            List<String> failures = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                List<String> lines = runs.get(run).get();
                long clean = lines.stream().filter(l -> l.endsWith(" rt-alloc 0 defects 0")).count();
                if (clean != scenarios) {
                    failures.add("run " + run + ": " + lines);
                }
            }
            assertEquals(List.of(), failures);
        } finally {
            pool.shutdownNow();
        }
    }
}
