package io.blockwise.bench;

import io.blockwise.render.JvmPrimer;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * What a cold JVM pays before its first block: time from JVM start to {@code main} (as the JVM
 * itself counts it, {@code RuntimeMXBean#getUptime}), then the first
 * {@link JvmPrimer#ensurePrimed()} (interning every audio-thread class's string constants and
 * running every message and stage kind through throwaway engines), then a second call (should be
 * free: the primer is once per JVM). Run in a fresh JVM each time:
 * {@code java -cp bench/target/benchmarks.jar io.blockwise.bench.PrimerTiming [--split]}.
 *
 * <p>{@code --split} times the primer's three private steps one by one (by reflection, in the
 * order {@code ensurePrimed} runs them) instead of calling it. {@code --interner} times the
 * primer's four code-source interning calls one by one, with the classes each one read: on a
 * shaded jar all four anchors share one code source. {@code --filtered} instead times one pass
 * over that jar reading only the audio-reachable packages (what the interning could cost).
 */
public final class PrimerTiming {
    private PrimerTiming() {
    }

    /**
     * What the interning could cost: one pass over the anchor's jar, reading only the classes of
     * the packages the audio thread can reach (the engine's and the three DSP/queue libraries).
     */
    private static void filteredSinglePass(Class<?> anchor) throws Exception {
        String[] prefixes = {"io/blockwise/dsp/", "io/blockwise/engine/", "io/blockwise/rt/", "io/blockwise/render/",
            "org/jctools/", "org/jtransforms/", "pl/edu/icm/jlargearrays/"};
        java.nio.file.Path jar = java.nio.file.Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (java.nio.file.Files.isDirectory(jar)) {
            return;
        }
        long t = System.nanoTime();
        int classes = 0;
        int strings = 0;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            for (java.util.zip.ZipEntry e : java.util.Collections.list(zip.entries())) {
                String n = e.getName();
                if (!n.endsWith(".class")) {
                    continue;
                }
                for (String p : prefixes) {
                    if (n.startsWith(p)) {
                        try (java.io.InputStream in = zip.getInputStream(e)) {
                            for (String c : io.blockwise.rt.ClassStringConstants.read(in)) {
                                KEPT.add(c.intern());
                                strings++;
                            }
                        }
                        classes++;
                        break;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "one filtered pass (%s): %.1f ms, %d classes, %d strings%n",
                String.join(" ", prefixes), (System.nanoTime() - t) / 1e6, classes, strings);
    }

    private static final java.util.List<String> KEPT = new java.util.ArrayList<>();

    public static void main(String[] args) throws Exception {
        long uptimeAtMainMs = ManagementFactory.getRuntimeMXBean().getUptime();
        if (args.length > 0 && args[0].equals("--filtered")) {
            filteredSinglePass(io.blockwise.engine.Engine.class);
            return;
        }
        if (args.length > 0 && args[0].equals("--interner")) {
            Class<?>[] anchors = {io.blockwise.engine.Engine.class,
                org.jtransforms.fft.DoubleFFT_1D.class, pl.edu.icm.jlargearrays.ConcurrencyUtils.class};
            for (Class<?> a : anchors) {
                int before = io.blockwise.rt.StringConstantInterner.classesRead();
                long t = System.nanoTime();
                io.blockwise.rt.StringConstantInterner.internCodeSourceOf(a);
                System.out.printf(Locale.ROOT, "internCodeSourceOf(%s): %.1f ms, %d classes read from %s%n",
                        a.getSimpleName(), (System.nanoTime() - t) / 1e6,
                        io.blockwise.rt.StringConstantInterner.classesRead() - before,
                        a.getProtectionDomain().getCodeSource().getLocation());
            }
            return;
        }
        if (args.length > 0 && args[0].equals("--split")) {
            StringBuilder line = new StringBuilder("JVM start to main: " + uptimeAtMainMs + " ms");
            for (String step : new String[] {"internStringConstants", "primeOnThisThread", "primeOnAnAudioThread"}) {
                java.lang.reflect.Method m = JvmPrimer.class.getDeclaredMethod(step);
                m.setAccessible(true);
                long t = System.nanoTime();
                m.invoke(null);
                line.append(String.format(Locale.ROOT, "; %s %.1f ms", step, (System.nanoTime() - t) / 1e6));
            }
            System.out.println(line.append(String.format(Locale.ROOT, "; load %.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())));
            return;
        }
        long t0 = System.nanoTime();
        JvmPrimer.ensurePrimed();
        long first = System.nanoTime() - t0;
        long t1 = System.nanoTime();
        JvmPrimer.ensurePrimed();
        long second = System.nanoTime() - t1;
        System.out.printf(Locale.ROOT, "JVM start to main: %d ms; first ensurePrimed(): %.1f ms; second: %.3f ms;"
                + " load %.2f%n", uptimeAtMainMs, first / 1e6, second / 1e6,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
