package io.blockwise.analysis;

import java.util.Arrays;

/** The onset rule of {@link GlitchDetector} (see there): a transient that starts a sound. */
final class Onsets {
    /** New content's median prediction error is at least this fraction (-40 dB) of the level before. */
    static final double NEW_CONTENT = 0.01;

    private Onsets() { }

    /**
     * Any thread. True when a suspect event at {@code n} is a note onset rather than a glitch;
     * {@code e} is the prediction error of {@code x}.
     */
    static boolean isOnset(double[] x, double[] e, int n, int sampleRate) {
        int skip = Levels.frames(2, sampleRate);
        int window = Levels.frames(20, sampleRate);
        int young = Levels.frames(GlitchDetector.ONSET_MS, sampleRate);
        double silence = Levels.fromDb(GlitchDetector.SILENCE_DBFS);
        double rise = Levels.fromDb(GlitchDetector.ONSET_RISE_DB);
        if (Levels.peak(x, n + skip, n + skip + window) < silence) {
            return false;
        }
        if (Levels.peak(x, n - young - window, n - young) < silence) {
            return true;
        }
        if (Levels.acRms(x, n + skip, n + skip + window) >= rise * Levels.acRms(x, n - window, n)) {
            return true;
        }
        double innovation = medianAbs(e, n + skip, n + skip + window);
        return innovation >= rise * medianAbs(e, n - window, n)
                && innovation >= NEW_CONTENT * Levels.peak(x, n - window, n);
    }

    /** The median of |e[i]| over {@code from <= i < to}, clipped to e's bounds (0 when empty). */
    static double medianAbs(double[] e, int from, int to) {
        int a = Math.max(0, from);
        int b = Math.min(e.length, to);
        if (b <= a) {
            return 0;
        }
        double[] v = new double[b - a];
        for (int i = a; i < b; i++) {
            v[i - a] = Math.abs(e[i]);
        }
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
