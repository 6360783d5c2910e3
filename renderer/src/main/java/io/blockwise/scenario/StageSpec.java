package io.blockwise.scenario;

import io.blockwise.dsp.StageType;
import java.util.List;

/**
 * A stage as a scenario describes it: its type, bypass flag, every numeric parameter (in the
 * type's table order, defaults filled in) and the index of its enumerated setting (or -1 when the
 * type has none). Immutable.
 */
public record StageSpec(StageType type, boolean bypassed, List<Double> values, int choice) {

    public StageSpec {
        values = List.copyOf(values);
        if (values.size() != type.paramCount()) {
            throw new IllegalArgumentException(type.formatName() + " takes " + type.paramCount()
                    + " parameters, got " + values.size());
        }
    }

    /** A stage of {@code type} with every default. */
    public static StageSpec defaults(StageType type) {
        Double[] v = new Double[type.paramCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = type.param(i).defaultValue();
        }
        int choice = type.choice() == null ? -1 : type.choice().indexOf(type.choice().defaultValue());
        return new StageSpec(type, false, List.of(v), choice);
    }

    /** Numeric parameter {@code i}. */
    public double value(int i) {
        return values.get(i);
    }

    /** A copy with numeric parameter {@code i} set to {@code v}. */
    public StageSpec with(int i, double v) {
        Double[] copy = values.toArray(new Double[0]);
        copy[i] = v;
        return new StageSpec(type, bypassed, List.of(copy), choice);
    }

    /** A copy with the bypass flag set to {@code b}. */
    public StageSpec withBypassed(boolean b) {
        return new StageSpec(type, b, values, choice);
    }

    /** A copy with the enumerated setting at value index {@code c}. */
    public StageSpec withChoice(int c) {
        return new StageSpec(type, bypassed, values, c);
    }
}
