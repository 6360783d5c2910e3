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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every stage type at its defaults, ns per sample at 48 kHz, block 128, on a steady signal (a
 * sine plus a little of a second one, refreshed each block so the stages see audio, not their
 * own output). Compare with {@link LevelBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StageBenchmark {
    static final int BLOCK = 128;

    @Param({"preamp", "compressor", "noiseGate", "toneStack", "powerAmp", "level", "multibandSaturator",
            "delay", "reverb", "eq", "tremolo"})
    public String type;

    private Stage stage;
    private final double[] source = new double[BLOCK * 375];
    private final double[] buf = new double[BLOCK];
    private int position;

    @Setup
    public void setUp() {
        StageType t = StageType.byFormatName(type);
        stage = StageFactory.build(StageSpec.defaults(t), new ProcessSpec(48000, BLOCK));
        // One second of a 110 Hz sine with a quieter 1.7 kHz partial (375 whole blocks).
        for (int i = 0; i < source.length; i++) {
            source[i] = 0.5 * StrictMath.sin(2 * Math.PI * 110 * i / 48000.0)
                    + 0.1 * StrictMath.sin(2 * Math.PI * 1700 * i / 48000.0);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public double[] process() {
        System.arraycopy(source, position, buf, 0, BLOCK);
        position = position + BLOCK == source.length ? 0 : position + BLOCK;
        stage.process(buf, 0, BLOCK);
        return buf;
    }
}
