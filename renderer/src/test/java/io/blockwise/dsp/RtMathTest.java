package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The audio thread's sin, cos and powers of ten against StrictMath / Math, their references. */
class RtMathTest {

    @Test
    void sinAndCosAreWithinOneUlpOfStrictMath() {
        SplittableRandom random = new SplittableRandom(12);
        int differing = 0;
        for (int i = 0; i < 1_000_000; i++) {
            double x = switch (i % 3) {
                case 0 -> random.nextDouble(-2 * Math.PI, 2 * Math.PI);
                case 1 -> random.nextDouble(-1000, 1000);
                default -> (random.nextInt(2000) - 1000) * (Math.PI / 2) + random.nextDouble(-1e-9, 1e-9);
            };
            double s = StrictMath.sin(x), c = StrictMath.cos(x);
            assertTrue(Math.abs(RtMath.sin(x) - s) <= Math.ulp(s), "sin " + x);
            assertTrue(Math.abs(RtMath.cos(x) - c) <= Math.ulp(c), "cos " + x);
            differing += RtMath.sin(x) != s || RtMath.cos(x) != c ? 1 : 0;
        }
        System.out.println("RtMath sin/cos: " + differing + " of 1000000 arguments differ from StrictMath by 1 ulp");
    }

    @Test
    void powersOfTenHaveARelativeErrorBelowOneInTenToTheFourteen() {
        // exp(x ln 10): rounding x ln 10 costs up to ulp(|x| ln 10) / 2 of relative error, about
        // 2e-15 at 10^-10, far below anything audible or measurable in these stages.
        for (double db = -200; db <= 40; db += 0.37) {
            double expected = Math.pow(10, db / 20);
            assertEquals(expected, RtMath.pow10(db / 20), 1e-14 * expected, "10^(" + db + "/20)");
        }
        assertEquals(1.0, RtMath.pow10(0), 0.0);
    }
}
