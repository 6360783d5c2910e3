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
 * each of the eleven properties of {@link FuzzProperty} over the very scenarios the {@code fuzz}
 * command draws for tries 1 to N of one seed ({@link Fuzzer.Draw#of}: the single scenario for
 * properties 1-5 and 8-11, the commutation pair for 6, the equivalence pair for 7), checked by the
 * same {@link PropertyChecks}, without shrinking: a property fails at its first failing try.
 *
 * <p>Runs only when {@code blockwise.mutation.fuzzTries} is set (the profile
 * {@code -Pmutation-fuzz} sets it), so a plain {@code verify} skips it; {@link EnginePropertiesTest}
 * is the suite's form of the same properties, with jqwik's tries and shrinking.
 * {@code blockwise.mutation.fuzzSeed} picks the seed (default: the suite's, {@link EnginePropertiesTest#SEED}).
 */
@EnabledIfSystemProperty(named = "blockwise.mutation.fuzzTries", matches = "[1-9][0-9]*")
class EachPropertyHoldsForTheFuzzersFirstTriesOfAFixedSeedTest {
    private static final List<Scenario> SINGLES = new ArrayList<>();
    private static final List<ScenarioPair> COMMUTATIONS = new ArrayList<>();
    private static final List<ScenarioPair> EQUIVALENCES = new ArrayList<>();
    private static long seed;
    private static PropertyChecks checks;

    @BeforeAll
    static void drawTheTries() {
        int tries = Integer.parseInt(System.getProperty("blockwise.mutation.fuzzTries"));
        seed = Long.parseLong(System.getProperty("blockwise.mutation.fuzzSeed", EnginePropertiesTest.SEED));
        boolean own = !JqwikSession.isActive();
        if (own) {
            JqwikSession.start();
        }
        try {
            for (int i = 1; i <= tries; i++) {
                Fuzzer.Draw d = Fuzzer.Draw.of(seed, i);
                SINGLES.add(d.single().value());
                COMMUTATIONS.add(d.commutation().value());
                EQUIVALENCES.add(d.equivalence().value());
            }
        } finally {
            if (own) {
                JqwikSession.finish();
            }
        }
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
        for (int i = 0; i < SINGLES.size(); i++) {
            Optional<String> failure;
            if (!p.onPairs()) {
                failure = checks.check(p, SINGLES.get(i));
            } else {
                ScenarioPair c = COMMUTATIONS.get(i);
                ScenarioPair e = EQUIVALENCES.get(i);
                ScenarioPair pair = FuzzProperty.forPairKind(c.kind()) == p ? c
                        : FuzzProperty.forPairKind(e.kind()) == p ? e : null;
                if (pair == null) {
                    continue;
                }
                failure = checks.check(p, pair);
            }
            checked++;
            int tryNumber = i + 1;
            failure.ifPresent(m -> fail("seed " + seed + ", try " + tryNumber + ": " + m));
        }
        if (checked == 0) {
            fail(p.label() + " was checked on no try of seed " + seed);
        }
    }
}
