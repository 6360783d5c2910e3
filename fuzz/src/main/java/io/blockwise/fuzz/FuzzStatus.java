package io.blockwise.fuzz;

import java.util.Locale;

/**
 * Where a fuzz run stands after a try, for the status line on a terminal: tries done of all,
 * failures, the wall time so far (read from the clock; it only ever reaches the terminal, never
 * a result line or a file), the properties still checked and the last try's scenario.
 */
public record FuzzStatus(int done, int total, int failures, long elapsedNanos, int propertiesLeft,
        int lastEvents, double lastSeconds) {

    /**
     * Any thread. {@code try 40/2000  2%  310 tries/min  6 min 19 s left  0 failures}; with
     * {@code verbose}, also the properties still checked and the last scenario's size.
     */
    public String line(boolean verbose) {
        double minutes = elapsedNanos / 60e9;
        double rate = minutes > 0 ? done / minutes : 0;
        String left = rate > 0 ? "  " + duration((total - done) / rate * 60) + " left" : "";
        String text = String.format(Locale.ROOT, "try %d/%d  %d%%  %.0f tries/min%s  %d failure%s", done, total,
                total == 0 ? 100 : 100L * done / total, rate, left, failures, failures == 1 ? "" : "s");
        if (verbose) {
            text += String.format(Locale.ROOT, "  (%d of %d properties still checked; last try: %d events, %.2f s)",
                    propertiesLeft, FuzzProperty.values().length, lastEvents, lastSeconds);
        }
        return text;
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? s / 60 + " min " + s % 60 + " s" : s + " s";
    }
}
