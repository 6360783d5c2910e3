package io.blockwise.fuzz;

import io.blockwise.dsp.ParamSpec;
import io.blockwise.dsp.StageType;
import io.blockwise.scenario.StageSpec;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Stages of every type with every parameter inside its {@link StageType} range. Values have two
 * decimals at most (one where the range is wide) and shrink towards the type's defaults, the
 * enumerated setting towards its default, the bypass flag towards false: a shrunk stage reads
 * like {@code {"type": "level", "gain": 1}}.
 */
final class StageArbitraries {
    private StageArbitraries() {
    }

    /** A stage of any type. */
    static Arbitrary<StageSpec> stages() {
        List<Tuple.Tuple2<Integer, Arbitrary<StageSpec>>> weighted = new ArrayList<>();
        for (StageType type : StageType.values()) {
            // level first and heaviest: the simplest stage to read, and the one a shrunk chain ends on.
            int weight = type == StageType.LEVEL ? 12 : 6;
            weighted.add(Tuple.of(weight, of(type)));
        }
        weighted.sort((a, b) -> Integer.compare(b.get1(), a.get1()));
        return Arbitraries.frequencyOf(weighted.toArray(new Tuple.Tuple2[0]));
    }

    /** A stage of {@code type}. */
    static Arbitrary<StageSpec> of(StageType type) {
        List<Arbitrary<Double>> params = new ArrayList<>();
        for (ParamSpec p : type.params()) {
            params.add(value(p));
        }
        Arbitrary<List<Double>> values = params.isEmpty() ? Arbitraries.just(List.of())
                : Combinators.combine(params).as(List::copyOf);
        Arbitrary<Integer> choice = type.choice() == null ? Arbitraries.just(-1)
                : Arbitraries.integers().between(0, type.choice().values().size() - 1)
                        .shrinkTowards(type.choice().indexOf(type.choice().defaultValue()));
        Arbitrary<Boolean> bypassed = Arbitraries.frequency(Tuple.of(5, false), Tuple.of(1, true));
        return Combinators.combine(values, choice, bypassed).as((v, c, b) -> new StageSpec(type, b, v, c));
    }

    /** A value of {@code p}: anywhere in its range (ends included), shrinking to its default. */
    static Arbitrary<Double> value(ParamSpec p) {
        int scale = p.max() - p.min() > 50 ? 1 : 2;
        return Arbitraries.doubles().between(p.min(), p.max()).ofScale(scale).shrinkTowards(p.defaultValue());
    }
}
