package io.blockwise.dsp;

import io.blockwise.rt.Resource;
import java.util.Arrays;
import java.util.List;
import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * Zero-latency, non-uniformly partitioned convolution of a mono signal with an impulse response
 * of up to 10 s at 192 kHz, in double precision.
 *
 * <h2>Partitions</h2>
 * See {@link PartitionPlan}. The first {@value #DEFAULT_HEAD} taps make the response to an impulse
 * at frame t start at frame t: for a chunk that ends mid-way (a call of 7 or 441 frames) they are
 * a direct FIR ({@link HeadFir}); for a whole, aligned chunk of 64 frames, the common case, they
 * are one more spectral product and inverse FFT on the spectrum the instant segment computes for
 * the window ending with that chunk, about a third of the FIR's cost. The rest of the IR is cut into segments of uniform
 * partitions sharing a frequency-domain delay line, with hops that grow by powers of two up to
 * {@value #DEFAULT_MAX_HOP}; the sizes are chosen by minimising a measured cost model
 * ({@link ConvolverCost}), as Garcia does. At 48 kHz a 1 s IR becomes
 * {@code fir 64 | 7x64* | 14x256 | 22x2048} (43 partitions, 3 FFT sizes) and a 5 s IR
 * {@code fir 64 | 15x64* | 30x512 | 28x8192}, instead of 375 and 1875 uniform partitions of
 * 128 taps.
 *
 * <h2>Schedule</h2>
 * The input is cut into chunks that end at every multiple of the head size (64 frames) and at
 * the end of each call, so any block length works (1, 7, 441, ...). After each chunk:
 * <ul>
 *   <li>the head-size segment ("instant", marked *) transforms the window that has just ended
 *       and adds its result to the pending-output ring for the next 64 frames, which is due at
 *       once;</li>
 *   <li>every larger segment of hop N has its result due N frames after its window ends (its
 *       first tap is at least 2N) and spreads that work over those N frames. The work is a
 *       fixed program of small units: JTransforms leaf FFTs of at most
 *       {@value #DEFAULT_MAX_LEAF} points (a transform of 2N points is split into leaves by
 *       radix-2 decimation in time, {@link SplitRealFft}), the join and split passes between
 *       them, and the per-partition spectral products, passes and products cut into slices as
 *       long as a leaf. After e of the N frames the segment has run every unit whose cumulative
 *       estimated cost fits under {@code e / N} of the total, and at the N-th frame the rest.</li>
 * </ul>
 * So no block waits on a whole large FFT: each block costs the head, the instant segment
 * and a proportional share of every larger segment, give or take one unit (a few microseconds)
 * per segment. {@code ConvolverBlockTiming} in the bench module measures the worst-block to
 * mean-block ratio.
 *
 * <h2>Threads</h2>
 * Built (planned, transformed, every JTransforms plan run once) on the control thread; then
 * {@link #process} and {@link #reset} on the audio thread only, which never allocate. JTransforms
 * is set to one thread in this class's static initialiser, so it never starts pool threads.
 */
public final class Convolver extends Resource {
    /** Direct-FIR taps and the internal block: the smallest partition. */
    static final int DEFAULT_HEAD = 64;
    /** Largest partition; beyond it the IR is cut uniformly. */
    static final int DEFAULT_MAX_HOP = 65536;
    /** Largest JTransforms call; bigger transforms are split (see {@link SplitRealFft}). */
    static final int DEFAULT_MAX_LEAF = 1024;
    /** Longest IR: 10 s at 192 kHz. */
    public static final int MAX_IR_LENGTH = 1_920_000;

    static {
        // JTransforms starts pool threads from 8192 points unless told otherwise.
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private final int irLength;
    private final int maxBlockFrames;
    private final int head;
    private final String plan;
    private final long bytes;

    // Audio-thread state after construction; nulled by release() on the collector thread, after
    // the resource has been retired (the retire queue orders the hand-off).
    private HeadFir fir;
    private PartitionLevel[] levels;
    private double[] history;
    private double[] pending;
    private int historyMask;
    private int pendingMask;
    private long time;

    /**
     * Control thread. Plans the partitions of {@code ir}, allocates every array, transforms the
     * IR and runs each FFT plan once. {@code maxBlockFrames} is the largest block {@link #process}
     * will be given (checked by the caller; the convolver itself works on any length).
     */
    public Convolver(double[] ir, int maxBlockFrames) {
        this(ir, maxBlockFrames, DEFAULT_HEAD, DEFAULT_MAX_HOP, DEFAULT_MAX_LEAF);
    }

    /** Control thread. With an explicit partitioning (benchmarks and tests). */
    Convolver(double[] ir, int maxBlockFrames, int head, int maxHop, int maxLeaf) {
        super("convolver");
        if (ir == null || ir.length < 1 || ir.length > MAX_IR_LENGTH) {
            throw new IllegalArgumentException("IR length " + (ir == null ? 0 : ir.length)
                    + " must be 1.." + MAX_IR_LENGTH);
        }
        if (maxBlockFrames < 1 || Integer.bitCount(maxLeaf) != 1) {
            throw new IllegalArgumentException("maxBlockFrames " + maxBlockFrames + " must be positive, maxLeaf "
                    + maxLeaf + " a power of two");
        }
        this.irLength = ir.length;
        this.maxBlockFrames = maxBlockFrames;
        this.head = head;
        PartitionPlan partitions = PartitionPlan.of(ir.length, head, maxHop, maxLeaf);
        this.plan = partitions.describe();
        fir = new HeadFir(ir, partitions.firLength(), head);
        // History: a spread level reads the window [end - 2N, end) until N frames after end.
        history = new double[ceilPow2(3L * partitions.largestHop() + 2L * head)];
        // Pending output: a level writes up to firstTap frames ahead of the current frame.
        pending = new double[ceilPow2(partitions.latestStart() + 2L * head)];
        historyMask = history.length - 1;
        pendingMask = pending.length - 1;
        List<PartitionPlan.Segment> segments = partitions.segments();
        levels = new PartitionLevel[segments.size()];
        DoubleFFT_1D[] plans = new DoubleFFT_1D[31];
        long total = fir.bytes() + 8L * (history.length + pending.length);
        for (int i = 0; i < levels.length; i++) {
            PartitionPlan.Segment s = segments.get(i);
            int size = 2 * s.hop();
            int depth = Math.max(0, log2(size) - log2(maxLeaf));
            SplitRealFft fft = new SplitRealFft(size, depth, plan(plans, size >> depth));
            levels[i] = new PartitionLevel(ir, s, fft, history, pending);
            total += levels[i].bytes();
        }
        bytes = total;
    }

    /** First calls of a JTransforms plan allocate; make them here, on the control thread. */
    private static DoubleFFT_1D plan(DoubleFFT_1D[] plans, int size) {
        int log = log2(size);
        if (plans[log] == null) {
            DoubleFFT_1D p = new DoubleFFT_1D(size);
            double[] scratch = new double[size];
            scratch[1] = 1;
            p.realForward(scratch, 0);
            p.realInverse(scratch, 0, true);
            p.realForward(scratch);
            p.realInverse(scratch, true);
            plans[log] = p;
        }
        return plans[log];
    }

    /**
     * Audio thread only. {@code out[off..off+len) = (in * ir)} for these frames, continuing the
     * convolution from the previous call. Any {@code len} works; {@code in} and {@code out} may be
     * the same array.
     */
    public void process(double[] in, double[] out, int off, int len) {
        PartitionLevel[] lv = levels;
        int done = 0;
        while (done < len) {
            int phase = (int) (time & (head - 1));
            int n = Math.min(len - done, head - phase);
            int o = off + done;
            // A whole aligned chunk gets its head from the instant level's FFT of the window it
            // completes (see PartitionLevel.addHead); a partial one from the direct FIR.
            boolean whole = n == head && lv.length > 0;
            writeHistory(in, o, n);
            if (whole) {
                fir.skip(in, o, n);
            } else {
                fir.process(in, o, out, o, n);
            }
            int idx = (int) (time & pendingMask);
            for (int i = 0; i < n; i++) {
                out[o + i] = (whole ? 0.0 : out[o + i]) + pending[idx];
                pending[idx] = 0.0;
                idx = (idx + 1) & pendingMask;
            }
            time += n;
            for (int l = 0; l < lv.length; l++) {
                lv[l].advance(time);
            }
            if (whole) {
                lv[0].addHead(out, o);
            }
            done += n;
        }
    }

    private void writeHistory(double[] in, int off, int n) {
        int idx = (int) (time & historyMask);
        int first = Math.min(n, history.length - idx);
        System.arraycopy(in, off, history, idx, first);
        if (first < n) {
            System.arraycopy(in, off + first, history, 0, n - first);
        }
    }

    /** Audio thread only. Forgets all input, as if freshly built. */
    public void reset() {
        fir.reset();
        Arrays.fill(history, 0.0);
        Arrays.fill(pending, 0.0);
        for (int l = 0; l < levels.length; l++) {
            levels[l].reset();
        }
        time = 0;
    }

    /** Any thread. Taps of the impulse response. */
    public int irLength() {
        return irLength;
    }

    /** Any thread. The block size this convolver was built for. */
    public int maxBlockFrames() {
        return maxBlockFrames;
    }

    /** Any thread. The partitioning, e.g. {@code "fir 64 | 3x64* | 2x128 | 1x256"} (* = instant). */
    public String plan() {
        return plan;
    }

    /**
     * Any thread. Payload bytes of this convolver's arrays (IR and input spectra, rings, scratch,
     * unit program), fixed at construction. JTransforms' own plan tables are not counted.
     */
    @Override
    public long bytes() {
        return bytes;
    }

    /** Collector thread. Drops the arrays with the free, not with the last reference. */
    @Override
    protected void release() {
        fir = null;
        levels = null;
        history = null;
        pending = null;
    }

    private static int log2(int n) {
        return 31 - Integer.numberOfLeadingZeros(n);
    }

    private static int ceilPow2(long n) {
        long p = 1;
        while (p < n) {
            p <<= 1;
        }
        if (p > 1 << 30) {
            throw new IllegalArgumentException("ring of " + n + " frames is too large");
        }
        return (int) p;
    }
}
