package io.blockwise.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import io.blockwise.render.RenderOptions;
import io.blockwise.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fuzz properties alone, in a budget PIT can afford per mutant (TESTING.md, "Mutation score"):
 * each of the properties of {@link FuzzProperty} over the very scenarios the {@code fuzz}
 * command draws for tries 1 to N of one seed ({@link Fuzzer.Draw#of}: the single scenario for
 * properties 1-5 and 8-12, the commutation pair for 6, the equivalence pair for 7), checked by the
 * same {@link PropertyChecks}, without shrinking: a property fails at its first failing try.
 *
 * <p>Runs only when {@code blockwise.mutation.fuzzTries} is set: the profile {@code -Pmutation-fuzz}
 * sets it (default 5), and the fuzz module's surefire sets 3, so {@code verify} runs it briefly; {@link EnginePropertiesTest}
 * is the suite's form of the same properties, with jqwik's tries and shrinking.
 * {@code blockwise.mutation.fuzzSeed} picks the seed (default: the suite's, {@link EnginePropertiesTest#SEED}).
 */
@EnabledIfSystemProperty(named = "blockwise.mutation.fuzzTries", matches = "[1-9][0-9]*")
class EachPropertyHoldsForTheFuzzersFirstTriesOfAFixedSeedTest {
    private static PropertyChecks checks;

    /**
     * The tries, drawn once per JVM. PIT runs each of the tests (one a property) as a unit of its own, and
     * each unit runs this class's {@code @BeforeAll} again in the same JVM: drawing there into
     * static lists made them grow by N tries per unit, so every mutant ran longer than the last
     * and was cut off as a timeout (counted as killed) whatever it did.
     */
    private static final class Tries {
        static final long SEED = Long.parseLong(
                System.getProperty("blockwise.mutation.fuzzSeed", EnginePropertiesTest.SEED));
        static final List<Scenario> SINGLES;
        static final List<ScenarioPair> COMMUTATIONS;
        static final List<ScenarioPair> EQUIVALENCES;

        static {
            int tries = Integer.parseInt(System.getProperty("blockwise.mutation.fuzzTries"));
            List<Scenario> singles = new ArrayList<>();
            List<ScenarioPair> commutations = new ArrayList<>();
            List<ScenarioPair> equivalences = new ArrayList<>();
            boolean own = !JqwikSession.isActive();
            if (own) {
                JqwikSession.start();
            }
            try {
                for (int i = 1; i <= tries; i++) {
                    Fuzzer.Draw d = Fuzzer.Draw.of(SEED, i);
                    singles.add(d.single().value());
                    commutations.add(d.commutation().value());
                    equivalences.add(d.equivalence().value());
                }
            } finally {
                if (own) {
                    JqwikSession.finish();
                }
            }
            SINGLES = List.copyOf(singles);
            COMMUTATIONS = List.copyOf(commutations);
            EQUIVALENCES = List.copyOf(equivalences);
        }

        private Tries() { }
    }

    @BeforeAll
    static void openTheChecks() {
        checks = new PropertyChecks(RenderOptions.DEFAULT);
    }

    @AfterAll
    static void cleanUp() {
        if (checks != null) {
            checks.close();
        }
    }

    @ParameterizedTest
    @EnumSource(FuzzProperty.class)
    void holdsForEveryTry(FuzzProperty p) {
        int checked = 0;
        for (int i = 0; i < Tries.SINGLES.size(); i++) {
            Optional<String> failure;
            if (!p.onPairs()) {
                failure = checks.check(p, Tries.SINGLES.get(i));
            } else {
                ScenarioPair c = Tries.COMMUTATIONS.get(i);
                ScenarioPair e = Tries.EQUIVALENCES.get(i);
                ScenarioPair pair = FuzzProperty.forPairKind(c.kind()) == p ? c
                        : FuzzProperty.forPairKind(e.kind()) == p ? e : null;
                if (pair == null) {
                    continue;
                }
                failure = checks.check(p, pair);
            }
            checked++;
            int tryNumber = i + 1;
            failure.ifPresent(m -> fail("seed " + Tries.SEED + ", try " + tryNumber + ": " + m));
        }
        if (checked == 0) {
            fail(p.label() + " was checked on no try of seed " + Tries.SEED);
        }
    }
}
