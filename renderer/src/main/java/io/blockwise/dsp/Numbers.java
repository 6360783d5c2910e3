package io.blockwise.dsp;

import java.math.BigDecimal;

/** Formatting of numbers for messages. Control thread only: it allocates. */
public final class Numbers {
    private Numbers() {
    }

    /** {@code 10} for 10.0, {@code 0.1} for 0.1, never exponent notation. */
    public static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
