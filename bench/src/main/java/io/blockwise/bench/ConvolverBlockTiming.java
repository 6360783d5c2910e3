package io.blockwise.bench;

import io.blockwise.dsp.Convolver;
import io.blockwise.dsp.ImpulseResponses;
import java.util.Arrays;

/**
 * Worst-block to mean-block time of the partitioned convolver's schedule, 48 kHz, block 128.
 *
 * <p>The work a block does depends only on its position in the schedule, which repeats every
 * largest-partition hop (all hops are powers of two, at most 65536 frames = 512 blocks). So the
 * loop times each of the 512 positions ("phases") over many cycles with {@code System.nanoTime}
 * and keeps, per phase, the fastest time: preemption and the other tenants of a shared machine
 * only ever add time, so the minimum is the phase's own cost. The ratio is the largest
 * per-phase minimum over the mean of the per-phase minima. Raw statistics (every block as
 * timed, noise included) are printed next to it.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.blockwise.bench.ConvolverBlockTiming
 * [cycles]}.
 */
public final class ConvolverBlockTiming {
    static final int RATE = 48000;
    static final int BLOCK = 128;
    static final int PHASES = 65536 / BLOCK;

    private ConvolverBlockTiming() {
    }

    /** A cabinet-like IR: seeded decaying filtered noise, decay a fifth of the length. */
    static double[] ir(int length) {
        return ImpulseResponses.synthetic(1, RATE, length, Math.max(1, length / 5));
    }

    /** Same measurement for the uniform reference, whose every block does the same work. */
    private static double uniformMinimumMean(UniformConvolver u, double[] in, double[] out, int cycles) {
        for (int i = 0; i < PHASES * 8; i++) {
            u.process(in, out, 0);
        }
        long[] min = new long[PHASES];
        Arrays.fill(min, Long.MAX_VALUE);
        for (int cycle = 0; cycle < cycles; cycle++) {
            for (int p = 0; p < PHASES; p++) {
                long start = System.nanoTime();
                u.process(in, out, 0);
                min[p] = Math.min(min[p], System.nanoTime() - start);
            }
        }
        return Arrays.stream(min).average().orElse(0);
    }

    public static void main(String[] args) {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        for (int seconds : new int[] {1, 5}) {
            Convolver c = new Convolver(ir(seconds * RATE), BLOCK);
            double[] in = ir(BLOCK);
            double[] out = new double[BLOCK];
            for (int i = 0; i < PHASES * 8; i++) {
                c.process(in, out, 0, BLOCK);
            }
            long[] min = new long[PHASES];
            Arrays.fill(min, Long.MAX_VALUE);
            long[] raw = new long[PHASES * cycles];
            for (int cycle = 0; cycle < cycles; cycle++) {
                for (int p = 0; p < PHASES; p++) {
                    long start = System.nanoTime();
                    c.process(in, out, 0, BLOCK);
                    long t = System.nanoTime() - start;
                    raw[cycle * PHASES + p] = t;
                    min[p] = Math.min(min[p], t);
                }
            }
            double mean = Arrays.stream(min).average().orElse(0);
            long worst = Arrays.stream(min).max().orElse(0);
            Arrays.sort(raw);
            double rawMean = Arrays.stream(raw).average().orElse(0);
            System.out.printf("%d s IR, %s%n", seconds, c.plan());
            System.out.printf("  per-phase minimum: mean %.1f us/block (%.1f ns/sample), worst %.1f us, worst/mean %.2f%n",
                    mean / 1000, mean / BLOCK, worst / 1000.0, worst / mean);
            UniformConvolver u = new UniformConvolver(ir(seconds * RATE), BLOCK);
            double uniformMean = uniformMinimumMean(u, in, out, cycles);
            System.out.printf("  uniform 128 (per-phase minimum): mean %.1f us/block (%.1f ns/sample): %.2f x the partitioned%n",
                    uniformMean / 1000, uniformMean / BLOCK, uniformMean / mean);
            System.out.printf("  raw: mean %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us (max/mean %.1f)%n",
                    rawMean / 1000, raw[(int) (raw.length * 0.99)] / 1000.0, raw[(int) (raw.length * 0.999)] / 1000.0,
                    raw[raw.length - 1] / 1000.0, raw[raw.length - 1] / rawMean);
        }
    }
}
