package io.blockwise.bench;

import io.blockwise.dsp.Oversampler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The oversampler's round trip (upsample then downsample, nothing in between), ns per base-rate
 * sample, block 128, per factor. Compare with {@link LevelBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OversamplerBenchmark {
    static final int BLOCK = 128;

    @Param({"2", "4", "8", "16"})
    public int factor;

    private Oversampler oversampler;
    private final double[] in = new double[BLOCK];
    private final double[] out = new double[BLOCK];
    private double[] up;

    @Setup
    public void setUp() {
        oversampler = new Oversampler(factor, BLOCK);
        up = new double[BLOCK * factor];
        for (int i = 0; i < BLOCK; i++) {
            in[i] = 0.5 * StrictMath.sin(i * 0.05);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public double[] roundTrip() {
        oversampler.upsample(in, 0, BLOCK, up);
        oversampler.downsample(up, out, 0, BLOCK);
        return out;
    }
}
