package io.blockwise.fuzz;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Shrinkable;

/**
 * Shrinking outside JUnit, with jqwik's own shrink candidates: walks {@link Shrinkable#shrink()}
 * greedily, moving to the first candidate that still fails the same property, until no candidate
 * fails or the budget of property evaluations is spent. Each candidate is strictly smaller than
 * the current value (by jqwik's shrinking distance), so the walk always ends.
 *
 * <p>jqwik offers the same candidates again at every step for the parts that cannot shrink any
 * further (a scenario's timing, say, while its events shrink), so verdicts are remembered by value
 * (scenarios are records): only a value never seen costs an evaluation (a render).
 */
final class Shrinker {
    /** Candidates looked at, cached or not: a bound on the walk's own cost. */
    static final int MAX_VISITS = 200_000;

    private Shrinker() {
    }

    /** The smallest failing value found, the failure it gives, and what it took. */
    record Result<T>(Shrinkable<T> shrinkable, String failure, int steps, int evaluations) {
        T value() {
            return shrinkable.value();
        }
    }

    /**
     * Control thread. Shrinks {@code failing} (which fails {@code check} with {@code failure});
     * {@code check} returns the failure of a candidate, or empty when it passes (or must be skipped).
     */
    static <T> Result<T> shrink(Shrinkable<T> failing, String failure, Function<T, Optional<String>> check,
            int maxEvaluations) {
        Map<T, Optional<String>> verdicts = new HashMap<>();
        int visits = 0;
        Shrinkable<T> current = failing;
        String currentFailure = failure;
        int steps = 0;
        int evaluations = 0;
        boolean improved = true;
        while (improved && evaluations < maxEvaluations) {
            improved = false;
            Iterator<Shrinkable<T>> candidates = current.shrink().iterator();
            while (candidates.hasNext() && evaluations < maxEvaluations && visits < MAX_VISITS) {
                Shrinkable<T> c = candidates.next();
                visits++;
                if (c.distance().compareTo(current.distance()) >= 0) {
                    continue;
                }
                T value = c.value();
                Optional<String> f = verdicts.get(value);
                if (f == null) {
                    evaluations++;
                    f = check.apply(value);
                    verdicts.put(value, f);
                }
                if (f.isPresent()) {
                    current = c;
                    currentFailure = f.get();
                    steps++;
                    improved = true;
                    break;
                }
            }
        }
        return new Result<>(current, currentFailure, steps, evaluations);
    }
}
