package io.blockwise.bench;

import io.blockwise.dsp.Convolver;
import java.util.SplittableRandom;
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
 * Cabinet convolution, ns per sample at 48 kHz, block 128, 1 s and 5 s IRs: uniform 128-frame
 * partitions ({@link UniformConvolver}) against the non-uniform partitioned {@link Convolver}.
 * The worst-block to mean-block ratio of the convolver's schedule is measured by
 * {@link ConvolverBlockTiming}. Run: {@code java -jar bench/target/benchmarks.jar
 * ConvolverBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ConvolverBenchmark {
    static final int RATE = 48000;
    static final int BLOCK = 128;

    @Param({"1", "5"})
    public int seconds;

    private UniformConvolver uniform;
    private Convolver partitioned;
    private final double[] in = new double[BLOCK];
    private final double[] out = new double[BLOCK];

    @Setup
    public void setUp() {
        double[] ir = ConvolverBlockTiming.ir(seconds * RATE);
        uniform = new UniformConvolver(ir, BLOCK);
        partitioned = new Convolver(ir, BLOCK);
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < BLOCK; i++) {
            in[i] = r.nextDouble() - 0.5;
        }
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public double[] uniform128() {
        uniform.process(in, out, 0);
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public double[] partitioned() {
        partitioned.process(in, out, 0, BLOCK);
        return out;
    }
}
