package io.blockwise.bench;

import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * The reference the partitioned convolver is measured against: textbook uniformly partitioned
 * overlap-save (UPOLS) with a frequency-domain delay line, every partition {@code block} taps,
 * one real FFT of {@code 2 block} points forward and one inverse per block, {@code ceil(L /
 * block)} complex multiply-accumulates of {@code block + 1} bins. Zero latency only when called
 * with exactly {@code block} frames per call (the engine's block equals the partition), which is
 * the case it is benchmarked in. Same packed layout and multiply loop as the real convolver.
 */
final class UniformConvolver {
    static {
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private final int block;
    private final int count;
    private final DoubleFFT_1D fft;
    private final double[][] irSpectra;
    private final double[][] inputSpectra;
    private final double[] window;
    private final double[] acc;
    private int newest;

    UniformConvolver(double[] ir, int block) {
        this.block = block;
        this.count = (ir.length + block - 1) / block;
        int m = 2 * block;
        fft = new DoubleFFT_1D(m);
        irSpectra = new double[count][m];
        inputSpectra = new double[count][m];
        window = new double[m];
        acc = new double[m];
        for (int p = 0; p < count; p++) {
            int n = Math.min(block, ir.length - p * block);
            System.arraycopy(ir, p * block, irSpectra[p], 0, n);
            fft.realForward(irSpectra[p]);
        }
        fft.realInverse(acc, true);
    }

    /** {@code out[off..off+block) = (in * ir)} for one block of exactly {@code block} frames. */
    void process(double[] in, double[] out, int off) {
        System.arraycopy(window, block, window, 0, block);
        System.arraycopy(in, off, window, block, block);
        newest = newest + 1 == count ? 0 : newest + 1;
        double[] x0 = inputSpectra[newest];
        System.arraycopy(window, 0, x0, 0, 2 * block);
        fft.realForward(x0);
        Arrays.fill(acc, 0.0);
        for (int p = 0; p < count; p++) {
            int slot = newest - p < 0 ? newest - p + count : newest - p;
            multiplyAdd(irSpectra[p], inputSpectra[slot]);
        }
        fft.realInverse(acc, true);
        System.arraycopy(acc, block, out, off, block);
    }

    private void multiplyAdd(double[] h, double[] x) {
        double[] a = acc;
        a[0] += h[0] * x[0];
        a[1] += h[1] * x[1];
        for (int i = 2, end = 2 * block; i < end; i += 2) {
            double hr = h[i], hi = h[i + 1], xr = x[i], xi = x[i + 1];
            a[i] += hr * xr - hi * xi;
            a[i + 1] += hr * xi + hi * xr;
        }
    }
}
