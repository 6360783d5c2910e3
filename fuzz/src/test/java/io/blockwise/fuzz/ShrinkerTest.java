package io.blockwise.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.scenario.Message;
import io.blockwise.scenario.Scenario;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Shrinkable;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The greedy walk over jqwik's shrink candidates reaches the minimal failing core. */
class ShrinkerTest {
    @BeforeEach
    void session() {
        JqwikSession.start();
    }

    @AfterEach
    void end() {
        JqwikSession.finish();
    }

    @Test
    void aListShrinksToItsOneOffendingElementAtItsSmallest() {
        Shrinkable<List<Integer>> s = Arbitraries.integers().between(0, 1000).list().ofMinSize(30).ofMaxSize(40)
                .generator(1000).next(new Random(1));
        assertTrue(s.value().stream().anyMatch(x -> x > 100), "the sample fails to begin with");
        Shrinker.Result<List<Integer>> r = Shrinker.shrink(s, "has an element over 100",
                l -> l.stream().anyMatch(x -> x > 100) ? Optional.of("has " + l) : Optional.empty(), 10_000);
        assertEquals(List.of(101), r.value().stream().filter(x -> x > 100).toList(), r.value().toString());
        assertTrue(r.value().stream().filter(x -> x != 101).allMatch(x -> x == 0), r.value().toString());
        assertEquals(30, r.value().size(), "a list cannot shrink below its minimum size");
    }

    @Test
    void aScenarioThatFailsWheneverItHasASetChainShrinksToThatOneMessageInOneBlock() {
        Shrinkable<Scenario> s = null;
        Random random = new Random(3);
        while (s == null || s.value().events().size() < 20
                || s.value().events().stream().noneMatch(t -> t.message() instanceof Message.SetChain)) {
            s = ScenarioArbitraries.scenarios().generator(Fuzzer.GEN_SIZE, false).next(random);
        }
        Shrinker.Result<Scenario> r = Shrinker.shrink(s, "has a setChain", x -> x.events().stream()
                .anyMatch(t -> t.message() instanceof Message.SetChain) ? Optional.of("setChain") : Optional.empty(), 2000);
        Scenario min = r.value();
        assertEquals(1, min.events().size(), min.events().toString());
        assertEquals(List.of(), ((Message.SetChain) min.events().get(0).message()).chain());
        assertEquals(1, min.blockCount());
        assertTrue(min.setup().chain().isEmpty() && min.inputs().size() == 1, min.toString());
    }

    @Test
    void aCommutationPairShrinksToJustItsTwoMessages() {
        Shrinkable<ScenarioPair> p = ScenarioArbitraries.commutations().generator(Fuzzer.GEN_SIZE, false)
                .next(new Random(5));
        Shrinker.Result<ScenarioPair> r = Shrinker.shrink(p, "always", x -> Optional.of("always"), 2000);
        assertEquals(2, r.value().a().events().size(), r.value().description());
        assertEquals(2, r.value().b().events().size());
        assertEquals(r.value().a().events().get(0).message(), r.value().b().events().get(1).message(), "swapped");
    }
}
