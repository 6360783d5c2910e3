package io.blockwise.bench;

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
 * The convolver's spectral multiply-accumulate ({@code PartitionLevel.multiply}: acc += h * x over
 * complex bins), ns per complex bin, in its layout (re and im interleaved in one array, stride 2)
 * against a split layout (separate re and im arrays, stride 1), which C2 can auto-vectorise.
 * Same arithmetic, same results. Run: {@code java -jar bench/target/benchmarks.jar
 * ComplexMacBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ComplexMacBenchmark {
    @Param({"513", "1025"})
    public int bins;

    private double[] h;
    private double[] x;
    private double[] acc;
    private double[] hr;
    private double[] hi;
    private double[] xr;
    private double[] xi;
    private double[] ar;
    private double[] ai;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(4);
        h = new double[2 * bins];
        x = new double[2 * bins];
        acc = new double[2 * bins];
        hr = new double[bins];
        hi = new double[bins];
        xr = new double[bins];
        xi = new double[bins];
        ar = new double[bins];
        ai = new double[bins];
        for (int k = 0; k < bins; k++) {
            hr[k] = h[2 * k] = r.nextDouble(-1, 1);
            hi[k] = h[2 * k + 1] = r.nextDouble(-1, 1);
            xr[k] = x[2 * k] = r.nextDouble(-1, 1);
            xi[k] = x[2 * k + 1] = r.nextDouble(-1, 1);
        }
    }

    @Benchmark
    public double[] interleaved() {
        double[] a = acc;
        for (int i = 0, end = 2 * bins; i < end; i += 2) {
            double hre = h[i], him = h[i + 1], xre = x[i], xim = x[i + 1];
            a[i] += hre * xre - him * xim;
            a[i + 1] += hre * xim + him * xre;
        }
        return a;
    }

    @Benchmark
    public double[] split() {
        double[] r = ar;
        double[] m = ai;
        for (int k = 0; k < bins; k++) {
            r[k] += hr[k] * xr[k] - hi[k] * xi[k];
            m[k] += hr[k] * xi[k] + hi[k] * xr[k];
        }
        return r;
    }
}
