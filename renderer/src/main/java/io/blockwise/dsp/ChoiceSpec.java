package io.blockwise.dsp;

import java.util.List;

/** One enumerated setting of a stage type (a clipper, a tone-stack model, an amp class). */
public record ChoiceSpec(String name, List<String> values, String defaultValue) {

    public ChoiceSpec {
        values = List.copyOf(values);
        if (!values.contains(defaultValue)) {
            throw new IllegalArgumentException(defaultValue + " is not one of " + values);
        }
    }

    /** Any thread. Index of {@code value}, or -1. */
    public int indexOf(String value) {
        return values.indexOf(value);
    }

    /** Any thread. The allowed values as a message lists them: {@code soft | medium | hard}. */
    public String allowed() {
        return String.join(" | ", values);
    }
}
