package io.blockwise.analysis;

/** Tells the kinds of click apart for {@link GlitchDetector} (the rules are described there). */
final class Classifier {
    private static final int AHEAD = 3;
    /** A DC step keeps its offset over this long. */
    static final double STEP_MS = 2;

    private Classifier() { }

    /**
     * Any thread. The kind of the click at {@code n} with prediction error {@code d}, where
     * {@code scale} is the local error scale before it and {@code a} the predictor's coefficients.
     */
    static GlitchKind click(double[] x, int n, double d, double scale, double[] a, int sampleRate) {
        if (n + AHEAD >= x.length) {
            return GlitchKind.DISCONTINUITY;
        }
        double tolerance = 0.3 * Math.abs(d) + scale;
        if (spikeError(x, n, d, a) <= tolerance) {
            return GlitchKind.SPIKE;
        }
        int span = Levels.frames(STEP_MS, sampleRate);
        if (n + span <= x.length && n - span - LinearPredictor.ORDER >= 0) {
            double drift = stepDeviation(x, n - span, 0, a, span);
            if (drift <= 0.5 * Math.abs(d) && stepDeviation(x, n, d, a, span) <= tolerance + drift) {
                return GlitchKind.DC_STEP;
            }
        }
        return GlitchKind.DISCONTINUITY;
    }

    /**
     * The largest one-step prediction error over the {@value #AHEAD} frames after {@code n} once
     * frame n is replaced by its prediction.
     */
    private static double spikeError(double[] x, int n, double d, double[] a) {
        int from = n - LinearPredictor.ORDER;
        double[] y = new double[LinearPredictor.ORDER + AHEAD + 1];
        for (int i = 0; i < y.length; i++) {
            int m = from + i;
            double v = m < 0 ? 0 : x[m];
            y[i] = m == n ? v - d : v;
        }
        double worst = 0;
        for (int k = 1; k <= AHEAD; k++) {
            int i = LinearPredictor.ORDER + k;
            worst = Math.max(worst, Math.abs(y[i] - LinearPredictor.predict(y, i, a)));
        }
        return worst;
    }

    /**
     * How far the difference between the signal and the predictor's free-running extrapolation from
     * before {@code n} strays from {@code d} over {@code span} frames (a DC step keeps it at d). With
     * d = 0 over the clean stretch before the click it measures how far the extrapolation itself
     * drifts (from quantisation noise in its starting samples, or a changing signal), which is
     * allowed on top of the tolerance; a drift above half the error means the extrapolation cannot
     * tell, and the click is not called a step.
     */
    private static double stepDeviation(double[] x, int n, double d, double[] a, int span) {
        double[] y = extrapolate(x, n, a, span);
        double worst = 0;
        for (int k = 0; k < span; k++) {
            worst = Math.max(worst, Math.abs(x[n + k] - y[LinearPredictor.ORDER + k] - d));
        }
        return worst;
    }

    /** The {@value LinearPredictor#ORDER} samples before n followed by {@code span} extrapolated ones. */
    private static double[] extrapolate(double[] x, int n, double[] a, int span) {
        double[] y = new double[LinearPredictor.ORDER + span];
        for (int i = 0; i < LinearPredictor.ORDER; i++) {
            int m = n - LinearPredictor.ORDER + i;
            y[i] = m < 0 ? 0 : x[m];
        }
        for (int i = LinearPredictor.ORDER; i < y.length; i++) {
            y[i] = LinearPredictor.predict(y, i, a);
        }
        return y;
    }

    /**
     * Any thread. If the signal from {@code n} falls {@value GlitchDetector#DROP_DB} dB or more
     * below the predictor's extrapolation over 2 ms and comes back within 250 ms, the frame where it
     * is back (within 20 dB of the peak over the 20 ms before n); otherwise -1.
     */
    static int dropoutEnd(double[] x, int n, double[] a, int sampleRate) {
        int post = Levels.frames(2, sampleRate);
        if (n + post > x.length) {
            return -1;
        }
        double[] y = extrapolate(x, n, a, post);
        double expected = Levels.peak(y, LinearPredictor.ORDER, y.length);
        double actual = Levels.peak(x, n, n + post);
        if (expected < Levels.fromDb(GlitchDetector.SILENCE_DBFS)
                || actual > expected * Levels.fromDb(-GlitchDetector.DROP_DB)) {
            return -1;
        }
        double back = Levels.peak(x, n - Levels.frames(20, sampleRate), n) * Levels.fromDb(-20);
        int limit = Math.min(x.length, n + Levels.frames(250, sampleRate));
        for (int m = n + 1; m < limit; m++) {
            if (Math.abs(x[m]) >= back && back > 0) {
                return m;
            }
        }
        return -1;
    }
}
