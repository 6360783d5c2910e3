package io.blockwise.dsp;

import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * The spectral half of {@link PitchShifter}: one analysis frame in, one time-stretched synthesis
 * grain out. A phase vocoder with Laroche and Dolson's identity phase locking ("Improved phase
 * vocoder time-scale modification of audio", 1999):
 *
 * <ol>
 *   <li>the frame is Hann-windowed and rotated so that its centre is sample 0 (zero-phase
 *       windowing: a bin's phase is the phase of its partial at the frame centre);</li>
 *   <li>peaks are the bins louder than their two neighbours on each side; each peak owns the
 *       region of bins up to the quietest bin between it and the next peak;</li>
 *   <li>a peak's true frequency comes from its phase advance since the previous frame (the
 *       heterodyned deviation from the bin frequency, wrapped to (-pi, pi]); its synthesis phase
 *       advances by that frequency times the synthesis hop, which is {@code ratio} times the
 *       analysis hop (that is the time stretch);</li>
 *   <li>every bin of the region is rotated by the same angle as its peak (identity phase locking),
 *       so the phase relations inside a partial's main lobe, and hence its shape, are kept. That
 *       needs one atan2, one sin and one cos per peak, not per bin.</li>
 * </ol>
 *
 * The synthesis spectrum is inverse-transformed at twice the size (zero padding), giving the grain
 * band-limited-interpolated on a half-sample grid for {@link GrainResampler}. For an upward shift
 * the bins that would alias when the grain is read {@code ratio} times faster are cleared first,
 * which is an exact anti-aliasing low-pass. Phases and rotations are kept as unit complex numbers,
 * so no phase accumulator drifts. Owned by one thread (the audio thread once live).
 */
final class PhaseLockedVocoder {
    static {
        // JTransforms starts pool threads for large transforms unless told not to; the audio
        // thread must never hand work to another thread.
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private static final double TWO_PI = 2 * StrictMath.PI;
    /** Peaks quieter than this fraction of the loudest bin's power (-140 dB) are noise. */
    private static final double PEAK_FLOOR = 1e-14;
    private static final double TINY = 1e-300;

    private final int size;
    private final int half;
    private final int analysisHop;
    private final double ratio;
    private final int cutoffBin;
    private final DoubleFFT_1D forward;
    private final DoubleFFT_1D inverse;

    private double[] window;     // periodic Hann, size
    private double[] binAdvance; // 2 pi k / size * analysisHop, half + 1
    private double[] frame;      // size: windowed frame, then its packed spectrum
    private double[] current;    // 2 (half + 1): this frame's spectrum, interleaved re, im
    private double[] previous;   // 2 (half + 1): last frame's analysis spectrum
    private double[] synth;      // 2 (half + 1): this frame's synthesis spectrum
    private double[] lastSynth;  // 2 (half + 1): last frame's synthesis spectrum
    private double[] power;      // half + 1
    private int[] peaks;         // at most half / 2 + 1 peaks
    private double[] grain;      // 2 size: the synthesis grain on the half-sample grid
    private final double[] sinCos = new double[2]; // scratch: sin and cos of a phase advance
    private boolean primed;      // previous / lastSynth hold a frame

    /** Control thread. Allocates everything and runs both transform plans once. */
    PhaseLockedVocoder(int size, int analysisHop, double ratio) {
        this.size = size;
        this.half = size / 2;
        this.analysisHop = analysisHop;
        this.ratio = ratio;
        this.cutoffBin = ratio > 1 ? (int) Math.floor(half / ratio) : half;
        forward = new DoubleFFT_1D(size);
        inverse = new DoubleFFT_1D(2L * size);
        window = new double[size];
        for (int i = 0; i < size; i++) {
            window[i] = 0.5 - 0.5 * StrictMath.cos(TWO_PI * i / size);
        }
        binAdvance = new double[half + 1];
        for (int k = 0; k <= half; k++) {
            binAdvance[k] = TWO_PI * k / size * analysisHop;
        }
        frame = new double[size];
        current = new double[2 * (half + 1)];
        previous = new double[2 * (half + 1)];
        synth = new double[2 * (half + 1)];
        lastSynth = new double[2 * (half + 1)];
        power = new double[half + 1];
        peaks = new int[half / 2 + 2];
        grain = new double[2 * size];
        // First calls of a JTransforms plan allocate its work arrays: do them here, not on rt.
        forward.realForward(frame);
        inverse.realInverse(grain, true);
        reset();
    }

    /** Owner thread. Forgets the previous frame. */
    void reset() {
        Arrays.fill(previous, 0);
        Arrays.fill(lastSynth, 0);
        Arrays.fill(grain, 0);
        primed = false;
    }

    /** The grain of the last {@link #analyse}: {@code 2 size} samples on a half-sample grid, centred at 0. */
    double[] grain() {
        return grain;
    }

    /**
     * Owner thread. Analyses the {@code size} input samples ending at absolute sample {@code end}
     * (exclusive) of {@code ring} (a power-of-two ring indexed by {@code & mask}) and leaves the
     * synthesis grain in {@link #grain()}, at half the amplitude of the input (the zero-padded
     * inverse transform's scaling; {@link GrainResampler} folds the 2 in).
     */
    void analyse(double[] ring, int mask, long end) {
        // Zero-phase windowing: frame[(i + half) mod size] = ring[start + i] * window[i], so the
        // frame's centre (i = half) goes to index 0. Done in runs that neither wrap the ring nor
        // cross i = half, so each run is a plain indexed loop.
        int r = (int) ((end - size) & mask);
        for (int i = 0; i < size; ) {
            int stop = Math.min(i < half ? half : size, i + (mask + 1 - r));
            int shift = i < half ? half : -half;
            for (int k = i, s = r; k < stop; k++, s++) {
                frame[k + shift] = ring[s] * window[k];
            }
            r = (r + stop - i) & mask;
            i = stop;
        }
        forward.realForward(frame);
        unpack();
        int peakCount = pickPeaks();
        lockPhases(peakCount);
        synthesise();
        double[] t = previous;
        previous = current;
        current = t;
        t = lastSynth;
        lastSynth = synth;
        synth = t;
        primed = true;
    }

    private void unpack() {
        current[0] = frame[0];
        current[1] = 0;
        current[2 * half] = frame[1];
        current[2 * half + 1] = 0;
        System.arraycopy(frame, 2, current, 2, size - 2);
        for (int k = 0; k <= half; k++) {
            double re = current[2 * k], im = current[2 * k + 1];
            power[k] = re * re + im * im;
        }
    }

    private int pickPeaks() {
        double max = 0;
        for (int k = 0; k <= half; k++) {
            max = Math.max(max, power[k]);
        }
        double floor = Math.max(max * PEAK_FLOOR, TINY);
        int count = 0;
        for (int k = 1; k < half; k++) {
            double p = power[k];
            if (p > floor && p > power[k - 1] && p >= power[k + 1]
                    && (k < 2 || p > power[k - 2]) && (k + 2 > half || p >= power[k + 2])) {
                peaks[count++] = k;
                k++; // the next bin is not louder, so it cannot be a peak
            }
        }
        return count;
    }

    private void lockPhases(int peakCount) {
        if (peakCount == 0) {
            Arrays.fill(synth, 0);
            return;
        }
        int regionStart = 0;
        for (int p = 0; p < peakCount; p++) {
            int k = peaks[p];
            int regionEnd = half; // inclusive
            if (p + 1 < peakCount) {
                regionEnd = k;
                for (int b = k + 1; b < peaks[p + 1]; b++) {
                    if (power[b] < power[regionEnd]) {
                        regionEnd = b;
                    }
                }
            }
            rotateRegion(k, regionStart, regionEnd);
            regionStart = regionEnd + 1;
        }
    }

    /** Rotates bins {@code from..to} of the current spectrum by the phase correction of peak {@code k}. */
    private void rotateRegion(int k, int from, int to) {
        double xr = current[2 * k], xi = current[2 * k + 1];
        double rr = 1, ri = 0; // a new partial keeps its analysis phase
        double pr = previous[2 * k], pi = previous[2 * k + 1];
        double prevPower = pr * pr + pi * pi;
        if (primed && prevPower > TINY) {
            // Phase advance at the peak since the last frame: arg(X conj(Xprev)).
            double cr = xr * pr + xi * pi, ci = xi * pr - xr * pi;
            double expected = binAdvance[k];
            double deviation = RtMath.atan2(ci, cr) - expected;
            deviation -= TWO_PI * Math.rint(deviation / TWO_PI);
            double advance = ratio * (expected + deviation);
            // Unit phasor of the last synthesis phase at this bin (or its analysis phase).
            double yr = lastSynth[2 * k], yi = lastSynth[2 * k + 1];
            double yp = yr * yr + yi * yi;
            double ur, ui;
            if (yp > TINY) {
                double s = 1 / Math.sqrt(yp);
                ur = yr * s;
                ui = yi * s;
            } else {
                double s = 1 / Math.sqrt(prevPower);
                ur = pr * s;
                ui = pi * s;
            }
            RtMath.sinCos(advance, sinCos);
            double sa = sinCos[0], ca = sinCos[1];
            double vr = ur * ca - ui * sa, vi = ur * sa + ui * ca; // e^{i psi}
            double inv = 1 / Math.sqrt(power[k]);
            rr = (vr * xr + vi * xi) * inv; // e^{i psi} conj(X) / |X|
            ri = (vi * xr - vr * xi) * inv;
        }
        for (int b = from; b <= to; b++) {
            double re = current[2 * b], im = current[2 * b + 1];
            synth[2 * b] = rr * re - ri * im;
            synth[2 * b + 1] = rr * im + ri * re;
        }
    }

    /** Packs the synthesis spectrum, band-limited to the cutoff, into a 2 size inverse transform. */
    private void synthesise() {
        grain[0] = synth[0];
        grain[1] = 0;
        int top = Math.min(cutoffBin, half - 1);
        System.arraycopy(synth, 2, grain, 2, 2 * top);
        Arrays.fill(grain, 2 + 2 * top, grain.length, 0);
        if (cutoffBin >= half) {
            // The original Nyquist bin is real; on the doubled grid it becomes an ordinary bin
            // whose implied mirror carries the other half.
            grain[2 * half] = synth[2 * half] * 0.5;
        }
        inverse.realInverse(grain, true);
    }

    /** Bytes of this part's arrays. */
    long bytes() {
        // The two-double sinCos scratch is left out, so the figure (logged with every pitch
        // shifter's alloc and retire events) stays what it was before the scratch existed.
        return 8L * (window.length + binAdvance.length + frame.length + current.length + previous.length
                + synth.length + lastSynth.length + power.length + grain.length) + 4L * peaks.length;
    }

    void release() {
        window = null;
        binAdvance = null;
        frame = null;
        current = null;
        previous = null;
        synth = null;
        lastSynth = null;
        power = null;
        peaks = null;
        grain = null;
    }
}
