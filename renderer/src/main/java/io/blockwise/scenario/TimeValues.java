package io.blockwise.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time values of the format: an integer is a number of frames ({@code 96000}); a string is a
 * non-negative decimal with a unit, {@code "1.5s"}, {@code "250ms"} or {@code "12b"} (blocks of
 * blockSize frames). Frames = value × frames-per-unit, computed exactly and rounded half up.
 */
public final class TimeValues {
    /** The end of every time error message. */
    public static final String ALLOWED =
            "allowed: an integer number of frames or a string like \"1.5s\", \"250ms\", \"12b\"";

    private static final Pattern TIME = Pattern.compile("(-?)([0-9]+(?:\\.[0-9]+)?)(.*)", Pattern.DOTALL);
    private static final BigDecimal MAX_FRAMES = BigDecimal.valueOf(Long.MAX_VALUE);
    /**
     * Longest time string: 19 digits, a point, 18 decimals and a unit fit. Checked before any
     * parsing, so a string of millions of digits is refused at once instead of being multiplied out.
     */
    static final int MAX_TIME_CHARS = 40;

    private TimeValues() {
    }

    /**
     * Control thread. Frames of a time string such as {@code "1.5s"} at {@code sampleRate} and
     * {@code blockSize}, or of a plain integer string such as {@code "96000"}.
     *
     * @throws IllegalArgumentException with a one-line reason ending in {@link #ALLOWED}
     */
    public static long parse(String text, int sampleRate, int blockSize) {
        requireShort(text);
        if (text.matches("[0-9]+")) {
            BigDecimal frames = new BigDecimal(text);
            if (frames.compareTo(MAX_FRAMES) > 0) {
                throw new IllegalArgumentException(text + " frames is too long; " + ALLOWED);
            }
            return frames.longValueExact();
        }
        return parseUnit(text, sampleRate, blockSize);
    }

    /** Control thread. {@code frames} in milliseconds at {@code sampleRate}. */
    public static double millis(long frames, int sampleRate) {
        return frames * 1000.0 / sampleRate;
    }

    /** Control thread. A time node (integer frames or a string with a unit) in frames. */
    static long read(ReadContext ctx, Node n) {
        if (n instanceof Node.Str s) {
            try {
                return parseUnit(s.value(), ctx.sampleRate(), ctx.blockSize());
            } catch (IllegalArgumentException e) {
                throw ctx.error(n, e.getMessage());
            }
        }
        if (n instanceof Node.Num num) {
            if (num.value().signum() < 0) {
                throw ctx.error(n, Node.describe(num) + " is negative; " + ALLOWED);
            }
            if (!num.integral()) {
                throw ctx.error(n, Node.describe(num) + " is not an integer number of frames; " + ALLOWED);
            }
            if (num.value().compareTo(MAX_FRAMES) > 0) {
                throw ctx.error(n, Node.describe(num) + " frames is too long; " + ALLOWED);
            }
            return num.value().longValueExact();
        }
        throw ctx.error(n, Node.describe(n) + " is not a time; " + ALLOWED);
    }

    /**
     * Control thread. A time node that must lie before the duration, e.g. an event's {@code at};
     * {@code what} names the thing in the message ("event", "impulse", "note").
     */
    static long readBefore(ReadContext ctx, Node n, String what) {
        long frame = read(ctx, n);
        if (frame >= ctx.durationFrames()) {
            throw ctx.error(n, what + " at frame " + frame + " is at or after the duration ("
                    + ctx.durationFrames() + " frames); allowed: 0.." + (ctx.durationFrames() - 1));
        }
        return frame;
    }

    /** Control thread. A time node that must be at least one frame, e.g. a decay. */
    static long readPositive(ReadContext ctx, Node n, String label) {
        long frames = read(ctx, n);
        if (frames <= 0) {
            throw ctx.error(n, label + " is 0 frames; allowed: a time of at least 1 frame");
        }
        return frames;
    }

    private static void requireShort(String text) {
        if (text.length() > MAX_TIME_CHARS) {
            throw new IllegalArgumentException(Node.quote(text) + " has " + text.length()
                    + " characters, too many for a time (at most " + MAX_TIME_CHARS + "); " + ALLOWED);
        }
    }

    private static long parseUnit(String text, int sampleRate, int blockSize) {
        requireShort(text);
        String q = Node.quote(text);
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(q + " is not a time; " + ALLOWED);
        }
        BigDecimal perUnit;
        switch (m.group(3)) {
            case "s":
                perUnit = BigDecimal.valueOf(sampleRate);
                break;
            case "ms":
                perUnit = BigDecimal.valueOf(sampleRate).movePointLeft(3);
                break;
            case "b":
                perUnit = BigDecimal.valueOf(blockSize);
                break;
            case "":
                throw new IllegalArgumentException(q + " has no unit; " + ALLOWED);
            default:
                throw new IllegalArgumentException(q + " has an unknown unit "
                        + Node.quote(m.group(3)) + "; " + ALLOWED);
        }
        if (!m.group(1).isEmpty()) {
            throw new IllegalArgumentException(q + " is negative; " + ALLOWED);
        }
        BigDecimal frames = new BigDecimal(m.group(2)).multiply(perUnit).setScale(0, RoundingMode.HALF_UP);
        if (frames.compareTo(MAX_FRAMES) > 0) {
            throw new IllegalArgumentException(q + " is too long; " + ALLOWED);
        }
        return frames.longValueExact();
    }
}
