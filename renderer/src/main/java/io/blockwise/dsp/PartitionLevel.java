package io.blockwise.dsp;

import java.util.Arrays;

/**
 * One {@link PartitionPlan.Segment} at run time: {@code count} partitions of {@code hop} taps
 * convolved by uniformly partitioned overlap-save with a frequency-domain delay line (FDL), and
 * the scheduler that spreads each hop's work over the following hop.
 *
 * <p>Per period (the {@code hop} frames after an input window ends) the work is a fixed
 * {@link UnitProgram} of small units: forward transform of the window, one multiply-accumulate
 * of each partition's spectrum with the matching FDL spectrum, inverse transform whose second
 * half is added into the convolver's pending-output ring at the frames it is due. After
 * {@code e} frames of the period the level has run every unit whose cumulative estimated cost
 * fits in {@code total * e / hop} ("never ahead of a straight line"), and at the period's last
 * frame everything left. Levels are independent, so a block runs a share of each. An instant
 * level (the first segment) runs its whole program in the block its window ends.
 *
 * <p>Owned by one {@link Convolver}: built on the control thread, then used by the audio thread
 * only. No method but the constructor allocates.
 */
final class PartitionLevel {
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

    private final UnitProgram program;

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
        program = new UnitProgram(fft, count);
    }

    /** Any thread. Payload bytes of this level's arrays. */
    long bytes() {
        long m = 2L * hop;
        return fft.bytes() + 8L * (2L * count * m + m + headSpectrum.length + headProduct.length)
                + program.bytes();
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
                runUpTo(program.length()); // the period's deadline: whatever is left
            }
            windowEnd = time;
            newest = newest + 1 == count ? 0 : newest + 1;
            next = 0;
            if (instant) {
                runUpTo(program.length());
            }
            return;
        }
        if (!instant) {
            long budget = program.totalCost() * elapsed / hop;
            long[] cumulative = program.cumulativeCost;
            int end = next;
            while (end < cumulative.length && cumulative[end] <= budget) {
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
        UnitProgram pr = program;
        double[] spectrum = inputSpectra[newest];
        switch (pr.op[u]) {
            case UnitProgram.FORWARD_LEAF:
                fft.forwardLeaf(pr.arg0[u], history, historyMask, windowEnd - 2L * hop, spectrum);
                break;
            case UnitProgram.COMBINE:
                fft.combine(pr.arg0[u], pr.arg1[u], pr.arg2[u], pr.arg3[u], spectrum);
                break;
            case UnitProgram.MAC: {
                int p = pr.arg0[u];
                int slot = newest - p < 0 ? newest - p + count : newest - p;
                multiply(irSpectra[p], inputSpectra[slot], pr.arg2[u], pr.arg3[u], p == 0);
                break;
            }
            case UnitProgram.SPLIT:
                fft.split(pr.arg0[u], pr.arg1[u], pr.arg2[u], pr.arg3[u], acc);
                break;
            default:
                // Output index i of the window lands at frame windowEnd - 2 hop + i + firstTap.
                fft.inverseLeafAddSecondHalf(pr.arg0[u], acc, pending, pendingMask,
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
}
