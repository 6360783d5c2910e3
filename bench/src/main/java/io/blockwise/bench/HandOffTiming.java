package io.blockwise.bench;

import io.blockwise.engine.Engine;
import io.blockwise.engine.EngineConfig;
import io.blockwise.engine.EngineHandle;
import io.blockwise.render.RtThread;
import io.blockwise.rt.EventLog;
import io.blockwise.rt.ResourceRegistry;
import io.blockwise.rt.RetireQueue;
import io.blockwise.scenario.EngineSetup;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * Cost of the offline driver's per-block hand-off to {@code blockwise-rt} and back
 * ({@link RtThread#processBlock}), on an engine with an empty setup (its {@code process()} is a
 * copy), with 0, 5, 20 and 100 us of busy driver work between blocks (what the driver does for a
 * block: input, logging, WAV writing). The round trip is timed from just before the hand-off to
 * its return; the time inside {@code process()} ({@link RtThread#lastProcessNanos}) is reported
 * beside it. Run: {@code java -cp bench/target/benchmarks.jar io.blockwise.bench.HandOffTiming
 * [blocks]}.
 */
public final class HandOffTiming {
    private HandOffTiming() {
    }

    public static void main(String[] args) {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 22500;
        Engine engine = new Engine(new EngineConfig(48000, 128, 64, 64, 64), new RetireQueue());
        new EngineHandle(engine, new ResourceRegistry(), new EventLog()).installSetup(EngineSetup.empty());
        double[] in = new double[128];
        double[] out = new double[128];
        System.out.printf(Locale.ROOT, "%d blocks per case, load %.2f%n", blocks,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        long frame = 0;
        try (RtThread rt = new RtThread(engine)) {
            for (int warm = 0; warm < 2; warm++) {
                for (int workUs : new int[] {0, 5, 20, 100}) {
                    long[] trip = new long[blocks];
                    long inside = 0;
                    long workNanos = workUs * 1000L;
                    long t0 = System.nanoTime();
                    for (int b = 0; b < blocks; b++) {
                        long w = System.nanoTime();
                        while (System.nanoTime() - w < workNanos) {
                            Thread.onSpinWait();
                        }
                        long s = System.nanoTime();
                        rt.processBlock(in, out, 128, frame);
                        trip[b] = System.nanoTime() - s;
                        inside += rt.lastProcessNanos();
                        frame += 128;
                    }
                    long total = System.nanoTime() - t0;
                    Arrays.sort(trip);
                    if (warm == 1) {
                        System.out.printf(Locale.ROOT,
                                "driver work %3d us: hand-off round trip median %.2f us, p99 %.1f us, max %.0f us,"
                                        + " mean %.2f us (process() mean %.2f us); loop %.3f s%n",
                                workUs, trip[blocks / 2] / 1e3, trip[(int) (blocks * 0.99)] / 1e3,
                                trip[blocks - 1] / 1e3, Arrays.stream(trip).average().orElse(0) / 1e3,
                                inside / 1e3 / blocks, total / 1e9);
                    }
                }
            }
        }
    }
}
