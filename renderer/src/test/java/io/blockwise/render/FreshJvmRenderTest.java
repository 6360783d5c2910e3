package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.testing.Bundled;
import io.blockwise.testing.RenderBundledMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit must be trustworthy: a correct engine logs zero rt-alloc on every run, including the
 * first render of a fresh JVM, where the audio thread meets every code path interpreted. Renders
 * every bundled scenario in 20 fresh JVMs (the JVM flags a render uses by default: none).
 */
class FreshJvmRenderTest {
    static final int RUNS = 20;

    @TempDir
    Path tmp;

    static List<String> runFreshJvm(List<String> jvmFlags, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
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
        List<String> failures = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            List<String> lines = runFreshJvm(List.of(), List.of("plain", tmp.resolve("run" + run).toString()));
            long clean = lines.stream().filter(l -> l.endsWith(" rt-alloc 0 defects 0")).count();
            if (clean != scenarios) {
                failures.add("run " + run + ": " + lines);
            }
        }
        assertEquals(List.of(), failures);
    }
}
