package io.blockwise.dsp;

/**
 * One numeric parameter of a stage type: its name in scenario files and {@code setParameter},
 * its inclusive range, its default and its unit (for messages).
 */
public record ParamSpec(String name, double min, double max, double defaultValue, String unit) {

    /** Any thread. True when {@code value} lies in {@code [min, max]}. */
    public boolean accepts(double value) {
        return value >= min && value <= max;
    }

    /** Any thread. The range as the format writes it, e.g. {@code 0..10}. */
    public String range() {
        return Numbers.plain(min) + ".." + Numbers.plain(max);
    }
}
