package io.blockwise.dsp;

import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * YIN (de Cheveigné and Kawahara, 2002) over one buffer, for {@link Tuner}: the difference
 * function, its cumulative-mean normalisation, an absolute threshold, the first local minimum
 * below it, and parabolic interpolation. Allocates only in its constructor.
 *
 * <p>The difference function {@code d(tau) = sum_{j<W} (x_j - x_{j+tau})^2} is computed as
 * {@code e(0) + e(tau) - 2 r(tau)}: the energies from a running sum of squares and the
 * cross-correlation {@code r} from one real FFT product (O(N log N) instead of O(W tau_max),
 * about 30x fewer operations at 48 kHz). The interpolation is done on {@code d}, not on the
 * normalised {@code d'}: the normalisation's slope would bias the vertex by about 0.6 cent at
 * 1.3 kHz, while {@code d} is symmetric about a stationary period; see {@link #interpolate} for
 * why it fits a cosine rather than only a parabola.
 */
final class YinEstimator {
    static {
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    /** YIN's absolute threshold on d'. */
    static final double THRESHOLD = 0.15;

    private final double sampleRate;
    private final int window;
    private final int minLag;
    private final int maxLag;
    private final int length;
    private final int fftSize;
    private final DoubleFFT_1D fft;
    private final double[] x;        // length: the analysed samples, oldest first
    private final double[] energy;   // length + 1: running sum of squares
    private final double[] a;        // fftSize: first W samples, then the correlation
    private final double[] b;        // fftSize: all samples
    private final double[] diff;     // maxLag + 2: d(tau)
    private final double[] norm;     // maxLag + 2: d'(tau)

    /** Control thread. */
    YinEstimator(int sampleRate, int window, int minLag, int maxLag) {
        this.sampleRate = sampleRate;
        this.window = window;
        this.minLag = minLag;
        this.maxLag = maxLag;
        this.length = window + maxLag + 1;
        int n = Integer.highestOneBit(length);
        this.fftSize = n == length ? n : 2 * n;
        fft = new DoubleFFT_1D(fftSize);
        x = new double[length];
        energy = new double[length + 1];
        a = new double[fftSize];
        b = new double[fftSize];
        diff = new double[maxLag + 2];
        norm = new double[maxLag + 2];
        // First calls of a JTransforms plan allocate: make them here.
        fft.realForward(a);
        fft.realInverse(a, true);
    }

    /** Samples one estimate needs: the window plus the lag range. */
    int length() {
        return length;
    }

    long bytes() {
        return 8L * (x.length + energy.length + a.length + b.length + diff.length + norm.length);
    }

    /**
     * Owner thread. Estimates the fundamental of the {@link #length()} samples ending at absolute
     * sample {@code end} (exclusive) of {@code ring} (power-of-two, indexed by {@code & mask}).
     * Returns Hz, or 0 when the mean square is below {@code gateMeanSquare} or no lag passes the
     * threshold (no periodicity).
     */
    double estimate(double[] ring, int mask, long end, double gateMeanSquare) {
        long start = end - length;
        energy[0] = 0;
        for (int i = 0; i < length; i++) {
            double v = ring[(int) ((start + i) & mask)];
            x[i] = v;
            energy[i + 1] = energy[i] + v * v;
        }
        if (energy[length] < gateMeanSquare * length) {
            return 0;
        }
        correlate();
        double e0 = energy[window];
        diff[0] = 0;
        norm[0] = 1;
        double running = 0;
        for (int tau = 1; tau <= maxLag + 1; tau++) {
            double d = e0 + (energy[tau + window] - energy[tau]) - 2 * a[tau];
            d = Math.max(d, 0);
            diff[tau] = d;
            running += d;
            norm[tau] = running > 0 ? d * tau / running : 1;
        }
        int tau = firstDip();
        if (tau < 0) {
            return 0;
        }
        return sampleRate / (tau + interpolate(diff[tau - 1], diff[tau], diff[tau + 1], tau));
    }

    /**
     * The offset of the true minimum from lag {@code tau}, from d at {@code tau - 1, tau, tau + 1}.
     * First the parabola's vertex; then the vertex of {@code A - B cos(w (x - delta))} through the
     * same three points, with {@code w = 2 pi / period}, refined twice. For a sine, d is exactly
     * that cosine, so the result is exact where the parabola is off by up to 0.04 samples at
     * short periods (11 cents at 1.3 kHz at 8 kHz); for a periodic signal with harmonics the
     * cosine's fourth-order term is still closer to the true one than the parabola's zero.
     */
    static double interpolate(double left, double mid, double right, int tau) {
        double curvature = left - 2 * mid + right;
        if (!(curvature > 0)) {
            return 0;
        }
        double parabolic = Math.max(-1, Math.min(1, 0.5 * (left - right) / curvature));
        double delta = parabolic;
        for (int i = 0; i < 3; i++) {
            double w = 2 * StrictMath.PI / (tau + delta);
            double c = RtMath.cos(w);
            double level = (left + right - 2 * c * mid) / (2 * (1 - c)); // A
            double depth = level - mid;                                  // B cos(w delta)
            double s = RtMath.sin(w);
            if (!(depth > 0) || !(s > 1e-6)) {
                return parabolic;
            }
            delta = RtMath.atan((left - right) / (2 * s * depth)) / w;
        }
        return Math.abs(delta) <= 1 ? delta : parabolic;
    }

    /** The first lag whose d' goes below the threshold, walked down to its local minimum; or -1. */
    private int firstDip() {
        for (int tau = minLag; tau <= maxLag; tau++) {
            if (norm[tau] < THRESHOLD) {
                while (tau + 1 <= maxLag && norm[tau + 1] < norm[tau]) {
                    tau++;
                }
                return tau;
            }
        }
        return -1;
    }

    /** Leaves r(tau) = sum_{j<W} x_j x_{j+tau} in {@code a[tau]}. */
    private void correlate() {
        Arrays.fill(a, 0);
        Arrays.fill(b, 0);
        System.arraycopy(x, 0, a, 0, window);
        System.arraycopy(x, 0, b, 0, length);
        fft.realForward(a);
        fft.realForward(b);
        // conj(A) B in JTransforms' packed layout: a[0], a[1] are the real DC and Nyquist bins.
        a[0] = a[0] * b[0];
        a[1] = a[1] * b[1];
        for (int k = 2; k < fftSize; k += 2) {
            double ar = a[k], ai = a[k + 1], br = b[k], bi = b[k + 1];
            a[k] = ar * br + ai * bi;
            a[k + 1] = ar * bi - ai * br;
        }
        fft.realInverse(a, true);
    }
}
