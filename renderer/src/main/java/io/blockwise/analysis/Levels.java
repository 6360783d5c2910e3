package io.blockwise.analysis;

/** Short-term levels of a stretch of signal; windows are clipped to the signal's bounds. */
final class Levels {
    private Levels() { }

    /** Any thread. The largest |x[i]| for {@code from <= i < to} (0 for an empty window). */
    static double peak(double[] x, int from, int to) {
        double p = 0;
        for (int i = Math.max(0, from), end = Math.min(x.length, to); i < end; i++) {
            p = Math.max(p, Math.abs(x[i]));
        }
        return p;
    }

    /** Any thread. The RMS of x minus its mean over {@code from <= i < to} (0 for an empty window). */
    static double acRms(double[] x, int from, int to) {
        int a = Math.max(0, from);
        int b = Math.min(x.length, to);
        if (b <= a) {
            return 0;
        }
        double sum = 0;
        for (int i = a; i < b; i++) {
            sum += x[i];
        }
        double mean = sum / (b - a);
        double sq = 0;
        for (int i = a; i < b; i++) {
            double d = x[i] - mean;
            sq += d * d;
        }
        return Math.sqrt(sq / (b - a));
    }

    /** Any thread. {@code db} decibels as a linear factor. */
    static double fromDb(double db) {
        return Math.pow(10, db / 20);
    }

    /** Any thread. {@code ms} milliseconds in frames at {@code sampleRate}, at least 1. */
    static int frames(double ms, int sampleRate) {
        return Math.max(1, (int) Math.round(ms * sampleRate / 1000.0));
    }
}
