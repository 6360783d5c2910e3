package io.blockwise.dsp;

import java.util.SplittableRandom;

/**
 * Turns a cabinet impulse response into what a {@link Convolver} is built from: resampled to the
 * engine's rate, trailing silence trimmed, peak-normalised, at most {@value #MAX_SECONDS} s.
 * Also synthesises seeded IRs. Control thread only: everything here allocates.
 */
public final class ImpulseResponses {
    /** Longest IR after preparation. */
    public static final int MAX_SECONDS = 10;
    /** Trailing samples below this level relative to the peak (-120 dB) are silence. */
    static final double SILENCE = 1e-6;
    /** Roll-off of synthetic IRs, like a guitar cabinet's. */
    static final double SYNTHETIC_CUTOFF_HZ = 5000;

    private ImpulseResponses() {
    }

    /**
     * Control thread. Prepares a mono IR recorded at {@code fileRate} for an engine at
     * {@code targetRate}: trailing silence trimmed (below -120 dB relative to the peak), resampled
     * by {@link SincResampler}, trimmed again (the resampler's own tail), divided by its peak so
     * the peak is exactly 1.0.
     *
     * @throws IllegalArgumentException when the IR is empty or silent, contains a non-finite
     *     sample, or is longer than 10 s after preparation
     */
    public static double[] prepare(double[] mono, int fileRate, int targetRate) {
        if (mono == null || mono.length == 0) {
            throw new IllegalArgumentException("IR is empty");
        }
        if (fileRate <= 0 || targetRate <= 0) {
            throw new IllegalArgumentException(
                    "IR rates must be positive: file " + fileRate + " Hz, target " + targetRate + " Hz");
        }
        for (int i = 0; i < mono.length; i++) {
            if (!Double.isFinite(mono[i])) {
                throw new IllegalArgumentException("IR sample " + i + " is " + mono[i]);
            }
        }
        double[] trimmed = trim(mono);
        double[] resampled = SincResampler.resample(trimmed, fileRate, targetRate);
        double[] out = trim(resampled);
        checkLength(out.length, targetRate);
        double peak = peak(out);
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] / peak;
        }
        return out;
    }

    /**
     * Control thread. Exponentially decaying filtered noise: white noise from
     * {@code SplittableRandom(seed)} through a second-order low-pass at 5 kHz (Q 0.707, or 0.45 of
     * the rate when that is lower), times {@code exp(-t / decayFrames)}, peak-normalised.
     * The same arguments give the same samples on every JVM.
     */
    public static double[] synthetic(long seed, int sampleRate, long lengthFrames, long decayFrames) {
        if (sampleRate <= 0 || lengthFrames < 1 || decayFrames < 1) {
            throw new IllegalArgumentException("synthetic IR: sampleRate " + sampleRate + ", length "
                    + lengthFrames + " and decay " + decayFrames + " frames must be positive");
        }
        checkLength(lengthFrames, sampleRate);
        Biquad lowpass = new Biquad();
        lowpass.designLowpass(sampleRate, Math.min(SYNTHETIC_CUTOFF_HZ, 0.45 * sampleRate), StrictMath.sqrt(0.5));
        SplittableRandom random = new SplittableRandom(seed);
        double[] ir = new double[(int) lengthFrames];
        for (int t = 0; t < ir.length; t++) {
            double noise = 2 * random.nextDouble() - 1;
            ir[t] = lowpass.process(noise) * StrictMath.exp(-(double) t / decayFrames);
        }
        double peak = peak(ir);
        if (peak > 0) {
            for (int t = 0; t < ir.length; t++) {
                ir[t] = ir[t] / peak;
            }
        }
        return ir;
    }

    /** Drops trailing samples below -120 dB relative to the peak. */
    static double[] trim(double[] x) {
        double peak = peak(x);
        if (peak == 0) {
            throw new IllegalArgumentException("IR is silent");
        }
        double floor = peak * SILENCE;
        int end = x.length;
        while (end > 1 && Math.abs(x[end - 1]) < floor) {
            end--;
        }
        return java.util.Arrays.copyOf(x, end);
    }

    private static void checkLength(long frames, int rate) {
        if (frames > (long) MAX_SECONDS * rate) {
            double seconds = Math.round(frames * 1e5 / rate) / 1e5;
            throw new IllegalArgumentException("IR is " + Numbers.plain(seconds)
                    + " s after preparation; allowed: at most " + MAX_SECONDS + " s");
        }
    }

    private static double peak(double[] x) {
        double peak = 0;
        for (double v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        return peak;
    }
}
