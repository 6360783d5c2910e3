package io.blockwise.bench;

import io.blockwise.dsp.ProcessSpec;
import io.blockwise.dsp.Stage;
import io.blockwise.dsp.StageType;
import io.blockwise.engine.StageFactory;
import io.blockwise.scenario.StageSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The baseline every stage benchmark is reported against: a plain {@code level} stage, ns per
 * sample at 48 kHz, block 128.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LevelBenchmark {
    static final int BLOCK = 128;

    private Stage stage;
    private final double[] buf = new double[BLOCK];

    @Setup
    public void setUp() {
        stage = StageFactory.build(StageSpec.defaults(StageType.LEVEL).with(0, 0.9), new ProcessSpec(48000, BLOCK));
        for (int i = 0; i < BLOCK; i++) {
            buf[i] = StrictMath.sin(i * 0.05) * 0.5;
        }
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public double[] level() {
        stage.process(buf, 0, BLOCK);
        return buf;
    }
}
