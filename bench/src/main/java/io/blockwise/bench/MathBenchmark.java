package io.blockwise.bench;

import io.blockwise.dsp.RtMath;
import java.util.SplittableRandom;
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
 * ns per call of the transcendental functions on the bench-rig's audio path: {@code StrictMath}
 * tanh (soft clipper), atan2, sin and cos (phase-locked vocoder, once per spectral peak per hop),
 * against {@link RtMath}'s pure-Java fdlibm ports (the same bits) and {@code Math} (intrinsics,
 * not deterministic across JDKs; shown as the floor). On JDK 17 the StrictMath ones are JNI calls
 * into fdlibm. Arguments are in the ranges the audio path sees: |x| up to 4 for tanh and sin;
 * the {@code *Phase} variants take the vocoder's phase advances, up to about 1350 rad, which
 * need the medium argument reduction. Run: {@code java -jar bench/target/benchmarks.jar MathBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class MathBenchmark {
    static final int N = 1024;
    private final double[] x = new double[N];
    private final double[] y = new double[N];
    private final double[] phase = new double[N];

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < N; i++) {
            x[i] = r.nextDouble(-4, 4);
            y[i] = r.nextDouble(-4, 4);
            phase[i] = r.nextDouble(0, 1350);
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double strictTanh() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += StrictMath.tanh(x[i]);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double mathTanh() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += Math.tanh(x[i]);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double strictAtan2() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += StrictMath.atan2(y[i], x[i]);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double strictSin() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += StrictMath.sin(x[i]);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double rtMathSin() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += RtMath.sin(x[i]);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double mathSin() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += Math.sin(x[i]);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double rtMathTanh() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += RtMath.tanh(x[i]);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double rtMathAtan2() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += RtMath.atan2(y[i], x[i]);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double strictCosPhase() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += StrictMath.cos(phase[i]);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double rtMathCosPhase() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += RtMath.cos(phase[i]);
        }
        return s;
    }
}
