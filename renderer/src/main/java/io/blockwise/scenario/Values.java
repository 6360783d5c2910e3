package io.blockwise.scenario;

import io.blockwise.dsp.Numbers;
import java.math.BigDecimal;
import java.util.List;

/**
 * Typed reads of single values, each failing with one line that says what was found and what is
 * allowed. Integers must be written as integers ({@code 2.0} is not one); numbers may be written
 * either way. Control thread only.
 */
final class Values {
    /** What {@link #bool} allows. */
    static final String BOOLEANS = "true | false";

    private Values() {
    }

    static Node.Obj object(ReadContext ctx, Node n, String allowed) {
        if (n instanceof Node.Obj o) {
            return o;
        }
        throw ctx.error(n, Node.describe(n) + " is not an object; allowed: " + allowed);
    }

    static List<Node> list(ReadContext ctx, Node n, String allowed) {
        if (n instanceof Node.Arr a) {
            return a.items();
        }
        throw ctx.error(n, Node.describe(n) + " is not a list; allowed: " + allowed);
    }

    static String string(ReadContext ctx, Node n, String allowed) {
        if (n instanceof Node.Str s) {
            return s.value();
        }
        throw ctx.error(n, Node.describe(n) + " is not a string; allowed: " + allowed);
    }

    static boolean bool(ReadContext ctx, Node n) {
        if (n instanceof Node.Bool b) {
            return b.value();
        }
        throw ctx.error(n, Node.describe(n) + " is not a boolean; allowed: " + BOOLEANS);
    }

    /** An integer token in {@code min..max}; {@code label} names it in the range error. */
    static long integer(ReadContext ctx, Node n, String label, long min, long max) {
        String allowed = "integer " + min + ".." + max;
        if (!(n instanceof Node.Num num) || !num.integral()) {
            throw ctx.error(n, Node.describe(n) + " is not an integer; allowed: " + allowed);
        }
        BigDecimal v = num.value();
        if (v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw ctx.error(n, label + " " + (v.precision() <= 40 ? v.toPlainString() : Node.describe(n))
                    + " is out of range " + min + ".." + max);
        }
        return v.longValueExact();
    }

    static int integer(ReadContext ctx, Node n, String label, int min, int max) {
        return (int) integer(ctx, n, label, (long) min, (long) max);
    }

    /** An integer from a short list, e.g. channels {@code 1 | 2}. */
    static int oneOf(ReadContext ctx, Node n, String label, int... allowed) {
        StringBuilder list = new StringBuilder();
        for (int a : allowed) {
            list.append(list.length() == 0 ? "" : " | ").append(a);
        }
        if (!(n instanceof Node.Num num) || !num.integral()) {
            throw ctx.error(n, Node.describe(n) + " is not an integer; allowed: " + list);
        }
        for (int a : allowed) {
            if (num.value().compareTo(BigDecimal.valueOf(a)) == 0) {
                return a;
            }
        }
        throw ctx.error(n, label + " " + Node.describe(num) + " is not supported; allowed: " + list);
    }

    /** A number in {@code [min, max]}; the error reads {@code LABEL VALUE is out of range MIN..MAX}. */
    static double number(ReadContext ctx, Node n, String label, double min, double max) {
        String range = range(min, max);
        double v = finite(ctx, n, "a number in " + range);
        if (!(v >= min && v <= max)) {
            throw ctx.error(n, label + " " + show(n) + " is out of range " + range);
        }
        return v;
    }

    /** Any number (the format gives no range), e.g. a sine's phase. */
    static double finite(ReadContext ctx, Node n, String allowed) {
        if (n instanceof Node.Num num) {
            double v = num.asDouble();
            if (Double.isFinite(v)) {
                return v;
            }
            throw ctx.error(n, Node.describe(num) + " is too large; allowed: " + allowed);
        }
        throw ctx.error(n, Node.describe(n) + " is not a number; allowed: " + allowed);
    }

    /** A frequency in Hz: more than 0 and less than half the sample rate. */
    static double frequency(ReadContext ctx, Node n, String label) {
        double nyquist = ctx.sampleRate() / 2.0;
        String allowed = "more than 0 and less than " + Numbers.plain(nyquist)
                + " Hz (half the sample rate)";
        double v = finite(ctx, n, "a number of Hz, " + allowed);
        if (!(v > 0 && v < nyquist)) {
            throw ctx.error(n, label + " " + show(n) + " Hz is out of range; allowed: " + allowed);
        }
        return v;
    }

    /** The index of a string in {@code names}; the error lists them as {@code a | b | c}. */
    static int choice(ReadContext ctx, Node n, String label, List<String> names) {
        String allowed = String.join(" | ", names);
        String s = string(ctx, n, allowed);
        int i = names.indexOf(s);
        if (i < 0) {
            throw ctx.error(n, "unknown " + label + " " + Node.quote(s) + "; allowed: " + allowed);
        }
        return i;
    }

    /** {@code MIN..MAX} as the format writes ranges. */
    static String range(double min, double max) {
        return Numbers.plain(min) + ".." + Numbers.plain(max);
    }

    /** A number for a message: plain when it is a double, as written otherwise. */
    static String show(Node n) {
        if (n instanceof Node.Num num && Double.isFinite(num.asDouble())) {
            return Numbers.plain(num.asDouble());
        }
        return Node.describe(n);
    }
}
