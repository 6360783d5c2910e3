package io.blockwise.dsp;

import java.util.Arrays;

/**
 * One {@link PartitionPlan.Segment} at run time: {@code count} partitions of {@code hop} taps
 * convolved by uniformly partitioned overlap-save with a frequency-domain delay line (FDL), and
 * the scheduler that spreads each hop's work over the following hop.
 *
 * <p>Per period (the {@code hop} frames after an input window ends) the work is a fixed program
 * of small units, built once: forward transform of the window (leaves, then join passes, cut into
 * slices of at most as many bins as a leaf has points), one multiply-accumulate of each partition's spectrum with
 * the matching FDL spectrum (also sliced), then the inverse (split passes, leaves) whose second
 * half is added into the convolver's pending-output ring at the frames it is due. Each unit has an
 * estimated cost; after {@code e} frames of the period the level has run every unit whose
 * cumulative cost fits in {@code total * e / hop} ("never ahead of a straight line"), and at the
 * period's last frame everything left. Levels are independent, so a block runs the share of each.
 * An instant level (the first segment) runs its whole program in the block its window ends.
 *
 * <p>Owned by one {@link Convolver}: built on the control thread, then used by the audio thread
 * only. No method but the constructor allocates.
 */
final class PartitionLevel {
    private static final byte FORWARD_LEAF = 0, COMBINE = 1, MAC = 2, SPLIT = 3, INVERSE_LEAF = 4;

    final int hop;
    final long firstTap;
    final int count;
    final boolean instant;

    private final SplitRealFft fft;
    private final double[][] irSpectra;
    private final double[][] inputSpectra;
    private final double[] acc;
    // Instant level only: the spectrum of the taps before it, [0, hop), and scratch for their
    // product, so that a whole aligned chunk's head is one product and one inverse FFT
    // (see addHead) rather than a direct FIR. Empty otherwise.
    private final double[] headSpectrum;
    private final double[] headProduct;
    private final double[] history;
    private final int historyMask;
    private final double[] pending;
    private final int pendingMask;

    private final byte[] op;
    private final int[] arg0, arg1, arg2, arg3;
    private final long[] cumulativeCost;

    // Audio-thread state: the window this period works on ends at frame windowEnd; its spectrum
    // goes to FDL slot newest; the next unit of the program to run.
    private long windowEnd;
    private int newest;
    private int next;

    /**
     * Control thread. Builds the partition spectra of {@code ir} and the unit program. {@code
     * history} and {@code pending} are the convolver's input and pending-output rings.
     */
    PartitionLevel(double[] ir, PartitionPlan.Segment segment, SplitRealFft fft,
                   double[] history, double[] pending) {
        this.hop = segment.hop();
        this.firstTap = segment.firstTap();
        this.count = segment.count();
        this.instant = segment.instant();
        this.fft = fft;
        this.history = history;
        this.historyMask = history.length - 1;
        this.pending = pending;
        this.pendingMask = pending.length - 1;
        int m = 2 * hop;
        irSpectra = new double[count][m];
        inputSpectra = new double[count][m];
        acc = new double[m];
        double[] padded = new double[m];
        headSpectrum = new double[instant ? m : 0];
        headProduct = new double[instant ? m : 0];
        if (instant) {
            System.arraycopy(ir, 0, padded, 0, (int) Math.min(hop, firstTap));
            fft.forwardAll(padded, headSpectrum);
        }
        for (int p = 0; p < count; p++) {
            Arrays.fill(padded, 0.0);
            long from = firstTap + (long) p * hop;
            int n = (int) Math.max(0, Math.min(hop, ir.length - from));
            System.arraycopy(ir, (int) from, padded, 0, n);
            fft.forwardAll(padded, irSpectra[p]);
        }
        // Slices as long as a leaf: every unit then costs about the same, a few microseconds.
        int slice = fft.leafSize;
        ProgramBuilder b = new ProgramBuilder(slice);
        int leaves = 1 << fft.depth;
        long leafCost = ConvolverCost.leaf(fft.leafSize);
        for (int leaf = 0; leaf < leaves; leaf++) {
            b.add(FORWARD_LEAF, leaf, 0, 0, 0, leafCost);
        }
        for (int j = fft.depth - 1; j >= 0; j--) {
            b.addPass(COMBINE, j, fft.passLength(j));
        }
        for (int p = 0; p < count; p++) {
            for (int q = 0; q < hop; q += slice) {
                int q1 = Math.min(hop, q + slice);
                b.add(MAC, p, 0, q, q1, ConvolverCost.mac(q1 - q));
            }
        }
        for (int j = 0; j < fft.depth; j++) {
            b.addPass(SPLIT, j, fft.passLength(j));
        }
        for (int leaf = 0; leaf < leaves; leaf++) {
            b.add(INVERSE_LEAF, leaf, 0, 0, 0, leafCost);
        }
        op = Arrays.copyOf(b.op, b.size);
        arg0 = Arrays.copyOf(b.a0, b.size);
        arg1 = Arrays.copyOf(b.a1, b.size);
        arg2 = Arrays.copyOf(b.a2, b.size);
        arg3 = Arrays.copyOf(b.a3, b.size);
        cumulativeCost = Arrays.copyOf(b.cum, b.size);
    }

    /** Any thread. Payload bytes of this level's arrays. */
    long bytes() {
        long m = 2L * hop;
        return fft.bytes() + 8L * (2L * count * m + m + headSpectrum.length + headProduct.length)
                + op.length * (1L + 4 * 4 + 8);
    }

    /** Number of units in one period's program (for the benchmark's report). */
    int units() {
        return op.length;
    }

    /** Audio thread only. Clears the FDL and the schedule, as at frame 0. */
    void reset() {
        for (int p = 0; p < count; p++) {
            Arrays.fill(inputSpectra[p], 0.0);
        }
        Arrays.fill(acc, 0.0);
        fft.reset();
        windowEnd = 0;
        newest = 0;
        next = 0;
    }

    /**
     * Audio thread only. Called after the convolver has consumed frames up to {@code time} (and
     * written them to the history ring); {@code time} meets every multiple of the head block.
     */
    void advance(long time) {
        long elapsed = time - windowEnd;
        if (elapsed >= hop) {
            if (!instant) {
                runUpTo(op.length); // the period's deadline: whatever is left
            }
            windowEnd = time;
            newest = newest + 1 == count ? 0 : newest + 1;
            next = 0;
            if (instant) {
                runUpTo(op.length);
            }
            return;
        }
        if (!instant) {
            long budget = cumulativeCost[op.length - 1] * elapsed / hop;
            int end = next;
            while (end < op.length && cumulativeCost[end] <= budget) {
                end++;
            }
            runUpTo(end);
        }
    }

    /**
     * Audio thread only; instant level only, right after {@link #advance} ran it for the window
     * that ends with a whole, aligned chunk of {@code hop} frames. Adds that chunk's convolution
     * with taps {@code [0, hop)} to {@code out[off .. off + hop)}: the window's spectrum is
     * already computed, so the head costs one product and one inverse FFT of {@code 2 hop}
     * points, where a direct FIR costs {@code hop x hop} multiply-adds.
     */
    void addHead(double[] out, int off) {
        double[] x = inputSpectra[newest];
        double[] h = headSpectrum;
        double[] a = headProduct;
        a[0] = h[0] * x[0];
        a[1] = h[1] * x[1];
        for (int i = 2, end = 2 * hop; i < end; i += 2) {
            double hr = h[i], hi = h[i + 1], xr = x[i], xi = x[i + 1];
            a[i] = hr * xr - hi * xi;
            a[i + 1] = hr * xi + hi * xr;
        }
        fft.inverseAddSecondHalf(a, out, off);
    }

    private void runUpTo(int end) {
        while (next < end) {
            run(next++);
        }
    }

    private void run(int u) {
        double[] spectrum = inputSpectra[newest];
        switch (op[u]) {
            case FORWARD_LEAF:
                fft.forwardLeaf(arg0[u], history, historyMask, windowEnd - 2L * hop, spectrum);
                break;
            case COMBINE:
                fft.combine(arg0[u], arg1[u], arg2[u], arg3[u], spectrum);
                break;
            case MAC: {
                int p = arg0[u];
                int slot = newest - p < 0 ? newest - p + count : newest - p;
                multiply(irSpectra[p], inputSpectra[slot], arg2[u], arg3[u], p == 0);
                break;
            }
            case SPLIT:
                fft.split(arg0[u], arg1[u], arg2[u], arg3[u], acc);
                break;
            default:
                // Output index i of the window lands at frame windowEnd - 2 hop + i + firstTap.
                fft.inverseLeafAddSecondHalf(arg0[u], acc, pending, pendingMask,
                        windowEnd - 2L * hop + firstTap);
                break;
        }
    }

    /**
     * acc (=|+=) h * x over complex bins [q0, q1) of the packed layout; bin 0 holds the two real
     * values (DC and Nyquist).
     */
    private void multiply(double[] h, double[] x, int q0, int q1, boolean first) {
        double[] a = acc;
        int q = q0;
        if (q == 0) {
            a[0] = (first ? 0 : a[0]) + h[0] * x[0];
            a[1] = (first ? 0 : a[1]) + h[1] * x[1];
            q = 1;
        }
        if (first) {
            for (int i = 2 * q, end = 2 * q1; i < end; i += 2) {
                double hr = h[i], hi = h[i + 1], xr = x[i], xi = x[i + 1];
                a[i] = hr * xr - hi * xi;
                a[i + 1] = hr * xi + hi * xr;
            }
        } else {
            for (int i = 2 * q, end = 2 * q1; i < end; i += 2) {
                double hr = h[i], hi = h[i + 1], xr = x[i], xi = x[i + 1];
                a[i] += hr * xr - hi * xi;
                a[i + 1] += hr * xi + hi * xr;
            }
        }
    }

    /** Control thread. Growable unit list. */
    private static final class ProgramBuilder {
        byte[] op = new byte[16];
        int[] a0 = new int[16], a1 = new int[16], a2 = new int[16], a3 = new int[16];
        long[] cum = new long[16];
        int size;
        final int slice;

        ProgramBuilder(int slice) {
            this.slice = slice;
        }

        void add(byte code, int x0, int x1, int x2, int x3, long cost) {
            if (size == op.length) {
                int n = 2 * size;
                op = Arrays.copyOf(op, n);
                a0 = Arrays.copyOf(a0, n);
                a1 = Arrays.copyOf(a1, n);
                a2 = Arrays.copyOf(a2, n);
                a3 = Arrays.copyOf(a3, n);
                cum = Arrays.copyOf(cum, n);
            }
            op[size] = code;
            a0[size] = x0;
            a1[size] = x1;
            a2[size] = x2;
            a3[size] = x3;
            cum[size] = (size == 0 ? 0 : cum[size - 1]) + Math.max(1, cost);
            size++;
        }

        /** A join or split pass of level j over every block, in slices of k. */
        void addPass(byte code, int j, int length) {
            for (int blk = 0; blk < (1 << j); blk++) {
                for (int k = 0; k < length; k += slice) {
                    int k1 = Math.min(length, k + slice);
                    add(code, j, blk, k, k1, ConvolverCost.pass(k1 - k));
                }
            }
        }
    }
}
