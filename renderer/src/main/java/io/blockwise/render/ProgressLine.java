package io.blockwise.render;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line on a terminal's standard error, rewritten in place ({@code \r}) at most five
 * times a second: what is done, the speed in x real time and the time left, e.g.
 * {@code bench-rig  41%  24.6 of 60.0 s  38.2x real time  0.9 s left}. It reads the wall clock,
 * which only ever reaches the terminal, never a WAV or a log. Control thread.
 */
public final class ProgressLine implements RenderProgress {
    private static final long MIN_INTERVAL_NANOS = 200_000_000L;

    private final PrintStream err;
    private final long startNanos = System.nanoTime();
    private long lastPrintNanos;
    private int lastLength;

    /** Control thread. Writes to {@code err} (a terminal). */
    public ProgressLine(PrintStream err) {
        this.err = err;
    }

    @Override
    public void update(String name, long framesDone, long framesTotal, int sampleRate) {
        long now = System.nanoTime();
        if (framesDone < framesTotal && now - lastPrintNanos < MIN_INTERVAL_NANOS) {
            return;
        }
        lastPrintNanos = now;
        show(format(name, framesDone, framesTotal, sampleRate, now - startNanos));
    }

    /** Control thread. Shows a line of its own (e.g. {@code 3 of 9 scenarios checked}). */
    public void show(String text) {
        String padded = text.length() < lastLength ? text + " ".repeat(lastLength - text.length()) : text;
        err.print("\r" + padded);
        err.flush();
        lastLength = text.length();
    }

    /** Control thread. Clears the line, so that what follows starts on a clean one. */
    public void clear() {
        if (lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
            lastLength = 0;
        }
    }

    /** The text of one progress line. */
    static String format(String name, long framesDone, long framesTotal, int sampleRate, long elapsedNanos) {
        double done = framesDone / (double) sampleRate;
        double total = framesTotal / (double) sampleRate;
        double wall = elapsedNanos / 1e9;
        double speed = wall > 0 ? done / wall : 0;
        String left = speed > 0 ? String.format(Locale.ROOT, "%.1f s left", (total - done) / speed) : "";
        return String.format(Locale.ROOT, "%s  %3d%%  %.1f of %.1f s  %.1fx real time  %s", name,
                framesTotal == 0 ? 100 : (int) (100 * framesDone / framesTotal), done, total, speed, left).strip();
    }
}
