package io.blockwise.bench;

import io.blockwise.dsp.PitchShifter;
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
 * The pitch shifter, ns per sample at 48 kHz, block 128, on a guitar-like input (a few partials
 * plus a little noise, so peak picking finds a realistic number of peaks). Upward shifts cost
 * more: the analysis hop shrinks to {@code 512 / ratio} to keep 4x synthesis overlap.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PitchShifterBenchmark {
    static final int BLOCK = 128;
    static final int RATE = 48000;
    static final int INPUT = 1 << 16;

    @Param({"-12", "-5", "7", "12"})
    public double semitones;

    private PitchShifter shifter;
    private final double[] input = new double[INPUT];
    private final double[] buf = new double[BLOCK];
    private int position;

    @Setup
    public void setUp() {
        shifter = new PitchShifter(semitones, RATE, BLOCK);
        SplittableRandom random = new SplittableRandom(1);
        for (int n = 0; n < INPUT; n++) {
            double t = (double) n / RATE;
            input[n] = 0.3 * StrictMath.sin(2 * StrictMath.PI * 110 * t)
                    + 0.15 * StrictMath.sin(2 * StrictMath.PI * 220 * t)
                    + 0.1 * StrictMath.sin(2 * StrictMath.PI * 330 * t)
                    + 0.01 * random.nextDouble(-1, 1);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public double[] shift() {
        System.arraycopy(input, position, buf, 0, BLOCK);
        position = (position + BLOCK) & (INPUT - 1);
        shifter.process(buf, 0, BLOCK);
        return buf;
    }
}
