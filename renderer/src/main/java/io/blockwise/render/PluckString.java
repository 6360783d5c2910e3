package io.blockwise.render;

import io.blockwise.scenario.ScenarioException;
import java.util.SplittableRandom;

/**
 * One Karplus-Strong note. The loop is a delay line of {@code N} samples, a first-order allpass
 * for the fractional part of the period and a two-tap loss filter
 * {@code F(z) = g ((1 - S) + S z^-1)}; the delay line starts filled with a seeded noise burst (mean
 * removed, peak 1), which is also the note's first {@code N} output samples.
 *
 * <p>Tuning: the loop's total phase delay at the note's frequency {@code w0} must be one period
 * {@code L = sr / hz} samples. {@code F}'s phase delay {@code pF = atan2(S sin w0, 1 - S + S cos w0) / w0}
 * (0.5 when {@code S = 0.5}) is computed exactly, {@code N = floor(L - pF - 0.1)}, and the allpass
 * {@code (C + z^-1) / (1 + C z^-1)} supplies {@code d = L - pF - N} in [0.1, 1.1) with
 * {@code C = sin((1 - d) w0 / 2) / sin((1 + d) w0 / 2)}, which gives phase delay exactly {@code d}
 * at {@code w0}. So the fundamental's resonance sits at {@code hz} (to rounding).
 *
 * <p>Decay: each trip round the loop (one period) scales the fundamental by {@code |F(w0)|}; it
 * must fall 60 dB in {@code decay} seconds, i.e. {@code |F(w0)| = 10^(-3 / (decay hz))}. The
 * classic averager ({@code S = 0.5}) has {@code |F(w0)| = g cos(w0 / 2)}, so {@code g} follows; when
 * that would need {@code g > 1} (a long, high note), {@code g = 1} and {@code S < 0.5} is chosen so
 * that {@code 1 - 2 S (1 - S)(1 - cos w0)} equals the required squared gain (Jaffe and Smith's
 * decay stretching).
 *
 * <p>After {@code N + 4 decay} frames (the fundamental 240 dB down) the note stops and outputs 0.
 */
final class PluckString {
    private final long startFrame;
    private final long activeFrames;
    private final double[] line;
    private final double allpassC;
    private final double gain;
    private final double stretch;
    private int index;
    private long position;
    private double apIn, apOut, prev;

    PluckString(long startFrame, double hz, long decayFrames, int sampleRate, long seed) {
        if (!(hz > 0 && hz < sampleRate / 2.0)) {
            throw new ScenarioException("pluck: note frequency " + hz + " Hz must be above 0 and below "
                    + "half the sample rate (" + sampleRate / 2.0 + " Hz)");
        }
        double period = sampleRate / hz;
        double w0 = 2 * StrictMath.PI * hz / sampleRate;
        double cos = StrictMath.cos(w0);
        double perPeriod = StrictMath.pow(10, -3.0 / ((double) decayFrames / sampleRate * hz));
        double half = StrictMath.cos(w0 / 2);
        double s;
        double g;
        if (perPeriod <= half) {
            s = 0.5;
            g = perPeriod / half;
        } else {
            double q = (1 - perPeriod * perPeriod) / (2 * (1 - cos));
            s = (1 - Math.sqrt(1 - 4 * q)) / 2;
            g = 1;
        }
        double loopDelay = StrictMath.atan2(s * StrictMath.sin(w0), 1 - s + s * cos) / w0;
        int n = (int) StrictMath.floor(period - loopDelay - 0.1);
        double d = period - loopDelay - n;
        this.allpassC = StrictMath.sin((1 - d) * w0 / 2) / StrictMath.sin((1 + d) * w0 / 2);
        this.gain = g;
        this.stretch = s;
        this.startFrame = startFrame;
        this.activeFrames = n + 4 * decayFrames;
        this.line = burst(n, seed);
    }

    /** {@code n} uniform samples, mean removed, scaled to peak 1. */
    private static double[] burst(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] b = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            b[i] = 2 * random.nextDouble() - 1;
            mean += b[i];
        }
        mean /= n;
        double peak = 0;
        for (int i = 0; i < n; i++) {
            b[i] -= mean;
            peak = Math.max(peak, Math.abs(b[i]));
        }
        for (int i = 0; i < n && peak > 0; i++) {
            b[i] /= peak;
        }
        return b;
    }

    /** Control thread. Adds {@code amp} times this note's frames {@code [start, start + frames)}. */
    void add(double[] buf, int off, long start, int frames, double amp) {
        long from = Math.max(start, startFrame + position);
        long to = Math.min(start + frames, startFrame + activeFrames);
        int len = line.length;
        for (long f = from; f < to; f++) {
            double y = line[index];
            buf[off + (int) (f - start)] += amp * y;
            // y[k + N] = F(A(y[k])): allpass (direct form I), then the two-tap loss filter.
            double a = allpassC * y + apIn - allpassC * apOut;
            apIn = y;
            apOut = a;
            line[index] = gain * ((1 - stretch) * a + stretch * prev);
            prev = a;
            index = index + 1 == len ? 0 : index + 1;
        }
        if (to > from) {
            position = to - startFrame;
        }
    }
}
