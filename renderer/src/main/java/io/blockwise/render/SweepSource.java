package io.blockwise.render;

import io.blockwise.scenario.ScenarioException;
import io.blockwise.scenario.SourceSpec.Curve;

/**
 * {@code sweep}: a sine whose frequency goes from {@code from} at frame 0 to {@code to} at frame
 * {@code N} (the duration), with the phase integrated analytically from the frame index (no
 * accumulated rounding). With {@code T = N / sr} and {@code t = n / sr}:
 * <ul>
 *   <li>linear: {@code f(t) = f0 + (f1 - f0) t / T}, cycles {@code f0 t + (f1 - f0) t^2 / (2T)};</li>
 *   <li>log (exponential): {@code f(t) = f0 r^(t/T)} with {@code r = f1 / f0}, cycles
 *       {@code f0 T (r^(t/T) - 1) / ln r} (computed with {@code expm1} for precision).</li>
 * </ul>
 * Frames at or after {@code N} (the tail of the last block) hold the frequency at {@code f1}.
 */
final class SweepSource implements SourceGenerator {
    private final double f0;
    private final double f1;
    private final double amp;
    private final boolean log;
    private final double sampleRate;
    private final long durationFrames;
    private final double lnRatio;
    private final double cyclesAtEnd;

    SweepSource(double from, double to, double amp, Curve curve, int sampleRate, long durationFrames) {
        if (curve == Curve.LOG && !(from > 0 && to > 0)) {
            throw new ScenarioException("sweep: a log sweep needs from and to above 0 Hz, got from "
                    + from + ", to " + to);
        }
        this.f0 = from;
        this.f1 = to;
        this.amp = amp;
        this.log = curve == Curve.LOG && from != to;
        this.sampleRate = sampleRate;
        this.durationFrames = durationFrames;
        this.lnRatio = this.log ? StrictMath.log(to / from) : 0;
        this.cyclesAtEnd = durationFrames > 0 ? cycles(durationFrames) : 0;
    }

    @Override
    public void add(double[] buf, int off, long startFrame, int frames) {
        for (int i = 0; i < frames; i++) {
            long n = startFrame + i;
            double c = n < durationFrames ? cycles(n) : cyclesAtEnd + f1 * (n - durationFrames) / sampleRate;
            double frac = c - StrictMath.floor(c);
            buf[off + i] += amp * StrictMath.sin(2 * StrictMath.PI * frac);
        }
    }

    /** Cycles completed at frame {@code n} (0 ≤ n ≤ N, N > 0). */
    private double cycles(long n) {
        double x = (double) n / durationFrames;
        double seconds = durationFrames / sampleRate;
        if (log) {
            return f0 * seconds / lnRatio * StrictMath.expm1(lnRatio * x);
        }
        return seconds * x * (f0 + (f1 - f0) * x / 2);
    }
}
