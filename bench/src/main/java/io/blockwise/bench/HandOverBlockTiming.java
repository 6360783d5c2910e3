package io.blockwise.bench;

import io.blockwise.dsp.ProcessSpec;
import io.blockwise.dsp.Stage;
import io.blockwise.dsp.StageType;
import io.blockwise.engine.StageFactory;
import io.blockwise.scenario.StageSpec;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The largest single block's hand-over time of a 2 s delay taken from 1x to 16x at 48 kHz, block
 * 128 (a period of 2.667 ms): once as the one-shot copy at the hand-over ({@link Stage#takeStateFrom}
 * with no plan, as before the copy was spread), once spread over the warm-up as the engine's
 * {@code ChainPaths} does it ({@link Stage#planHandOver}, then {@link Stage#handOverAhead} at the
 * start of each block with a budget of 256 samples per frame, and the rest at T). Only the
 * hand-over calls are timed, with {@code System.nanoTime}; the stages' own processing between them
 * is not. Each trial's worst block is kept (best and median trial); and per block position, the
 * fastest of the trials (preemption by the other tenants of a shared machine only adds time, so
 * the minimum is the block's own cost), of which the largest is the spread copy's worst block.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.blockwise.bench.HandOverBlockTiming [trials]}.
 */
public final class HandOverBlockTiming {
    static final int RATE = 48000;
    static final int FACTOR = 16;
    static final int BLOCK = 128;
    static final int PER_FRAME = 256;
    static final double PERIOD_NS = 1e9 * BLOCK / RATE;
    static final double LAG_SECONDS = 41.7 / RATE; // about the 16x oversampler's up-path latency

    private HandOverBlockTiming() {
    }

    static Stage delay(int rate) {
        StageSpec spec = StageSpec.defaults(StageType.DELAY).with(0, 2000).with(1, 0.5).with(2, 0.5);
        return StageFactory.build(spec, new ProcessSpec(rate, BLOCK * FACTOR));
    }

    static void run(Stage s, double[] x, int n) {
        s.processWithBypass(x, new double[n], 0, n);
    }

    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        SplittableRandom r = new SplittableRandom(1);
        Stage from = delay(RATE);
        double[] fill = new double[(int) (2.1 * RATE)];
        for (int i = 0; i < fill.length; i++) {
            fill[i] = r.nextDouble(-0.5, 0.5);
        }
        run(from, fill, fill.length);
        Stage to = delay(RATE * FACTOR);
        double[] x = new double[BLOCK];
        double[] y = new double[BLOCK * FACTOR];

        long[] oneShot = new long[trials];
        long[] spread = new long[trials];
        // Per block of the warm-up (the same positions every trial): its fastest time.
        long[] blockBest = new long[64];
        Arrays.fill(blockBest, Long.MAX_VALUE);
        long work = 0;
        long warmUp = 0;
        int warm = 5; // trials to warm the JIT up, not reported
        for (int t = -warm; t < trials; t++) {
            long start = System.nanoTime();
            to.takeStateFrom(from, LAG_SECONDS);
            long single = System.nanoTime() - start;

            start = System.nanoTime();
            work = to.planHandOver(from);
            long worst = System.nanoTime() - start;
            warmUp = Math.max(2 * 83 + 240, (work + PER_FRAME - 1) / PER_FRAME);
            long left = warmUp;
            int b = 0;
            while (left > 0) {
                start = System.nanoTime();
                to.handOverAhead(from, LAG_SECONDS, left, RATE, (long) PER_FRAME * BLOCK);
                int first = (int) Math.min(left, BLOCK);
                long block = System.nanoTime() - start;
                run(from, x, first);
                run(to, y, first * FACTOR);
                left -= first;
                if (left == 0) {
                    start = System.nanoTime();
                    to.takeStateFrom(from, LAG_SECONDS);
                    block += System.nanoTime() - start;
                }
                worst = Math.max(worst, block);
                if (t >= 0) {
                    blockBest[b] = Math.min(blockBest[b], block);
                }
                b++;
            }
            if (t >= 0) {
                oneShot[t] = single;
                spread[t] = worst;
            }
        }
        long worstBest = 0;
        for (long v : blockBest) {
            worstBest = v == Long.MAX_VALUE ? worstBest : Math.max(worstBest, v);
        }
        Arrays.sort(oneShot);
        Arrays.sort(spread);
        System.out.printf("2 s delay, 1x -> 16x at %d Hz, block %d (%.3f ms): %d samples, warm-up %d frames, %d trials%n",
                RATE, BLOCK, PERIOD_NS / 1e6, work, warmUp, trials);
        report("one-shot copy at T  ", oneShot, work);
        report("spread, worst block ", spread, PER_FRAME * BLOCK);
        System.out.printf("spread, the block whose fastest time is the largest: %.3f ms (%.2f of the period)%n",
                worstBest / 1e6, worstBest / PERIOD_NS);
    }

    private static void report(String what, long[] sorted, long samples) {
        long best = sorted[0];
        long median = sorted[sorted.length / 2];
        System.out.printf("%s best %.3f ms (%.2f of the period, %.1f ns a sample of %d), median %.3f ms (%.2f)%n",
                what, best / 1e6, best / PERIOD_NS, (double) best / samples, samples, median / 1e6, median / PERIOD_NS);
    }
}
