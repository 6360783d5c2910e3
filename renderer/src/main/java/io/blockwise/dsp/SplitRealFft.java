package io.blockwise.dsp;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * A real FFT of size {@code M} cut into small pieces of work, so that the convolver can run the
 * pieces of one large transform in different audio blocks. The transform is split by radix-2
 * decimation in time, {@code depth} times: the {@code 2^depth} leaves are the sub-sequences
 * {@code x[2^depth * n + b]}, each transformed by one JTransforms real FFT of size
 * {@code M >> depth} (a power of two: JTransforms allocates on every call otherwise); then
 * {@code depth} passes join pairs of half spectra (even part E, odd part O) into the spectrum of
 * twice the length: {@code X[k] = E[k] + W^k O[k]}, {@code X[n-k] = conj(E[k] - W^k O[k])},
 * {@code W = exp(-2 pi i / 2n)}. The inverse runs the same steps backwards:
 * {@code E[k] = (X[k] + conj X[n-k]) / 2}, {@code O[k] = (X[k] - conj X[n-k]) conj(W^k) / 2}, then
 * scaled JTransforms inverses of the leaves. Every pass can be cut into ranges of {@code k}.
 *
 * <p>All spectra use JTransforms' packed real layout for an even size {@code n}: {@code a[0]} is
 * Re X[0], {@code a[1]} is Re X[n/2] (both real), and {@code a[2k]}, {@code a[2k+1]} are Re and Im
 * of X[k] for {@code 0 < k < n/2}. Level {@code j} of the decomposition holds {@code 2^j} blocks
 * of {@code M >> j} values; block {@code b} is the spectrum of {@code x[2^j n + b]}, so the
 * even and odd parts of level-{@code j} block {@code b} are level-{@code j+1} blocks {@code b}
 * and {@code b + 2^j}. Level 0 is the caller's array; the levels below alternate between two
 * scratch arrays.
 *
 * <p>Owned by one {@link PartitionLevel}: control thread while it is built, then the audio thread.
 * No method allocates.
 */
final class SplitRealFft {
    /** Transform size M. */
    final int size;
    /** Number of radix-2 splits above the leaves. */
    final int depth;
    /** Size of each JTransforms leaf transform, {@code size >> depth}. */
    final int leafSize;

    private final DoubleFFT_1D leaf;
    // cos(2 pi k / M) and sin(2 pi k / M) for k < M/4: W_M^k = cos - i sin. Empty when depth == 0.
    private final double[] cos;
    private final double[] sin;
    // Levels 1, 3, 5, ... (pingA) and 2, 4, ... (pingB) of the decomposition.
    private final double[] pingA;
    private final double[] pingB;

    /** Control thread. {@code leafPlan} is a plan of size {@code size >> depth}. */
    SplitRealFft(int size, int depth, DoubleFFT_1D leafPlan) {
        this.size = size;
        this.depth = depth;
        this.leafSize = size >> depth;
        this.leaf = leafPlan;
        int quarter = depth == 0 ? 0 : size / 4;
        cos = new double[quarter];
        sin = new double[quarter];
        for (int k = 0; k < quarter; k++) {
            double phase = 2 * StrictMath.PI * k / size;
            cos[k] = StrictMath.cos(phase);
            sin[k] = StrictMath.sin(phase);
        }
        pingA = new double[depth >= 1 ? size : 0];
        pingB = new double[depth >= 2 ? size : 0];
    }

    /** Any thread. Payload bytes of this object's arrays (the JTransforms plan excluded). */
    long bytes() {
        return 8L * (cos.length + sin.length + pingA.length + pingB.length);
    }

    /** Owner thread. Clears the scratch levels. */
    void reset() {
        java.util.Arrays.fill(pingA, 0.0);
        java.util.Arrays.fill(pingB, 0.0);
    }

    /** Number of k values of a pass at level {@code j}: 0 .. n/2 inclusive, n = M >> (j + 1). */
    int passLength(int j) {
        return (size >> (j + 2)) + 1;
    }

    private double[] level(int j, double[] top) {
        return j == 0 ? top : (j & 1) == 1 ? pingA : pingB;
    }

    /**
     * Owner thread. Gathers leaf {@code b} of the window {@code src[start .. start + M)} (indices
     * masked with {@code srcMask}, so the window may wrap around a ring) and transforms it.
     * With depth 0 the result is the whole spectrum, in {@code top}.
     */
    void forwardLeaf(int b, double[] src, int srcMask, long start, double[] top) {
        double[] dst = level(depth, top);
        int off = b * leafSize;
        int stride = 1 << depth;
        int idx = (int) ((start + b) & srcMask);
        for (int n = 0; n < leafSize; n++) {
            dst[off + n] = src[idx];
            idx = (idx + stride) & srcMask;
        }
        leaf.realForward(dst, off);
    }

    /**
     * Owner thread. The forward pass that joins level {@code j + 1} into block {@code blk} of
     * level {@code j}, for {@code k} in {@code [k0, k1)} (a sub-range of {@code 0..passLength(j)}).
     */
    void combine(int j, int blk, int k0, int k1, double[] top) {
        int n = size >> (j + 1);
        int half = n >> 1;
        double[] s = level(j + 1, top);
        double[] x = level(j, top);
        int eo = blk * n;
        int oo = (blk + (1 << j)) * n;
        int xo = blk * 2 * n;
        for (int k = k0; k < k1; k++) {
            if (k == 0) {
                double e0 = s[eo];
                double o0 = s[oo];
                x[xo] = e0 + o0;
                x[xo + 1] = e0 - o0; // X[n] = E[0] - O[0], since W^n = -1
            } else if (k == half) {
                x[xo + n] = s[eo + 1]; // X[n/2] = E[n/2] - i O[n/2]
                x[xo + n + 1] = -s[oo + 1];
            } else {
                double wr = cos[k << j];
                double wi = -sin[k << j];
                double er = s[eo + 2 * k];
                double ei = s[eo + 2 * k + 1];
                double or = s[oo + 2 * k];
                double oi = s[oo + 2 * k + 1];
                double tr = wr * or - wi * oi;
                double ti = wr * oi + wi * or;
                x[xo + 2 * k] = er + tr;
                x[xo + 2 * k + 1] = ei + ti;
                x[xo + 2 * (n - k)] = er - tr;
                x[xo + 2 * (n - k) + 1] = ti - ei;
            }
        }
    }

    /**
     * Owner thread. The inverse of {@link #combine}: splits block {@code blk} of level {@code j}
     * into its even and odd halves at level {@code j + 1}, for {@code k} in {@code [k0, k1)}.
     */
    void split(int j, int blk, int k0, int k1, double[] top) {
        int n = size >> (j + 1);
        int half = n >> 1;
        double[] x = level(j, top);
        double[] s = level(j + 1, top);
        int eo = blk * n;
        int oo = (blk + (1 << j)) * n;
        int xo = blk * 2 * n;
        for (int k = k0; k < k1; k++) {
            if (k == 0) {
                double x0 = x[xo];
                double xn = x[xo + 1];
                s[eo] = 0.5 * (x0 + xn);
                s[oo] = 0.5 * (x0 - xn);
            } else if (k == half) {
                s[eo + 1] = x[xo + n];
                s[oo + 1] = -x[xo + n + 1];
            } else {
                double ar = x[xo + 2 * k];
                double ai = x[xo + 2 * k + 1];
                double br = x[xo + 2 * (n - k)];
                double bi = -x[xo + 2 * (n - k) + 1];
                s[eo + 2 * k] = 0.5 * (ar + br);
                s[eo + 2 * k + 1] = 0.5 * (ai + bi);
                double dr = 0.5 * (ar - br);
                double di = 0.5 * (ai - bi);
                double c = cos[k << j];
                double sn = sin[k << j]; // conj(W^k) = cos + i sin
                s[oo + 2 * k] = dr * c - di * sn;
                s[oo + 2 * k + 1] = dr * sn + di * c;
            }
        }
    }

    /**
     * Owner thread. Inverse-transforms leaf {@code b} (scaled, so the whole inverse is divided by
     * M) and adds the samples of the second half of the time-domain window, indices
     * {@code i} in {@code [M/2, M)}, to {@code ring[(time0 + i) & ringMask]}. The first half is the
     * circular wrap-around an overlap-save convolution discards.
     */
    void inverseLeafAddSecondHalf(int b, double[] top, double[] ring, int ringMask, long time0) {
        double[] a = level(depth, top);
        int off = b * leafSize;
        leaf.realInverse(a, off, true);
        int stride = 1 << depth;
        int idx = (int) ((time0 + ((long) (leafSize >> 1) << depth) + b) & ringMask);
        for (int n = leafSize >> 1; n < leafSize; n++) {
            ring[idx] += a[off + n];
            idx = (idx + stride) & ringMask;
        }
    }

    /**
     * Owner thread, depth 0 only. Inverse-transforms {@code spectrum} in place (scaled) and adds
     * its second half, indices {@code [M/2, M)}, to {@code out[off .. off + M/2)}.
     */
    void inverseAddSecondHalf(double[] spectrum, double[] out, int off) {
        leaf.realInverse(spectrum, 0, true);
        int half = size >> 1;
        for (int i = 0; i < half; i++) {
            out[off + i] += spectrum[half + i];
        }
    }

    /** Control thread. The whole forward transform of {@code src[0 .. M)} into {@code top}. */
    void forwardAll(double[] src, double[] top) {
        for (int b = 0; b < (1 << depth); b++) {
            forwardLeaf(b, src, size - 1, 0, top);
        }
        for (int j = depth - 1; j >= 0; j--) {
            for (int blk = 0; blk < (1 << j); blk++) {
                combine(j, blk, 0, passLength(j), top);
            }
        }
    }
}
