package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The audio thread's math against its references: StrictMath (fdlibm, the same on every JDK) bit
 * for bit for the fdlibm ports, Math.pow for the powers of ten.
 */
class RtMathTest {
    private static final int RANDOM = 2_000_000;

    @Test
    void sinAndCosReturnStrictMathsBitsForRandomAndEdgeArguments() {
        SplittableRandom random = new SplittableRandom(12);
        DoubleSupplier args = () -> switch (random.nextInt(5)) {
            case 0 -> random.nextDouble(-2 * Math.PI, 2 * Math.PI);
            case 1 -> random.nextDouble(-2000, 2000); // the vocoder's phase advances reach ~1350
            case 2 -> random.nextDouble(-0x1p19 * Math.PI / 2, 0x1p19 * Math.PI / 2);
            case 3 -> nearMultipleOfHalfPi(random);
            default -> anyBits(random);
        };
        assertSameBits("sin", RtMath::sin, StrictMath::sin, args, edges());
        assertSameBits("cos", RtMath::cos, StrictMath::cos, args, edges());
        double[] both = new double[2];
        assertSameBits("sinCos[0]", x -> {
            RtMath.sinCos(x, both);
            return both[0];
        }, StrictMath::sin, args, edges());
        assertSameBits("sinCos[1]", x -> {
            RtMath.sinCos(x, both);
            return both[1];
        }, StrictMath::cos, args, edges());
    }

    @Test
    void tanhReturnsStrictMathsBitsForRandomAndEdgeArguments() {
        SplittableRandom random = new SplittableRandom(13);
        DoubleSupplier args = () -> switch (random.nextInt(4)) {
            case 0 -> random.nextDouble(-4, 4); // the clippers' range
            case 1 -> random.nextDouble(-30, 30);
            case 2 -> logUniform(random, -60, 6);
            default -> anyBits(random);
        };
        assertSameBits("tanh", RtMath::tanh, StrictMath::tanh, args, edges(22, 1, 0x1p-55));
    }

    @Test
    void expm1ReturnsStrictMathsBitsForRandomAndEdgeArguments() {
        SplittableRandom random = new SplittableRandom(14);
        DoubleSupplier args = () -> switch (random.nextInt(4)) {
            case 0 -> random.nextDouble(-8, 8);
            case 1 -> random.nextDouble(-750, 750);
            case 2 -> logUniform(random, -60, 10);
            default -> anyBits(random);
        };
        double ln2 = Math.log(2);
        assertSameBits("expm1", RtMath::expm1, StrictMath::expm1, args,
                edges(0.5 * ln2, 1.5 * ln2, 20 * ln2, 56 * ln2, 57 * ln2, 0x1.62e42fefa39efp9, 709.78, 0x1p-54));
    }

    @Test
    void atanReturnsStrictMathsBitsForRandomAndEdgeArguments() {
        SplittableRandom random = new SplittableRandom(15);
        DoubleSupplier args = () -> switch (random.nextInt(3)) {
            case 0 -> random.nextDouble(-4, 4);
            case 1 -> logUniform(random, -70, 70);
            default -> anyBits(random);
        };
        assertSameBits("atan", RtMath::atan, StrictMath::atan, args,
                edges(0.4375, 11.0 / 16, 19.0 / 16, 2.4375, 0x1p66, 0x1p-29));
    }

    @Test
    void atan2ReturnsStrictMathsBitsForRandomAndEdgeArguments() {
        SplittableRandom random = new SplittableRandom(16);
        double[] special = {0.0, -0.0, 1.0, -1.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NaN, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 0x1p60, 0x1p-60};
        DoubleSupplier coordinate = () -> switch (random.nextInt(4)) {
            case 0 -> random.nextDouble(-1e3, 1e3); // spectral cross products
            case 1 -> logUniform(random, -80, 80);
            case 2 -> special[random.nextInt(special.length)];
            default -> anyBits(random);
        };
        DoubleBinaryOperator rt = RtMath::atan2;
        DoubleBinaryOperator strict = StrictMath::atan2;
        for (int i = 0; i < RANDOM; i++) {
            double y = coordinate.getAsDouble();
            double x = coordinate.getAsDouble();
            assertBits(strict.applyAsDouble(y, x), rt.applyAsDouble(y, x), "atan2(" + y + ", " + x + ")");
        }
        for (double y : special) {
            for (double x : special) {
                assertBits(StrictMath.atan2(y, x), RtMath.atan2(y, x), "atan2(" + y + ", " + x + ")");
            }
        }
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

    /**
     * Arguments within 2^-14..2^-30 (relative) of n pi/2, n up to 40: where e_rem_pio2 decides
     * between its quick path and a second, more precise reduction round.
     */
    private static double nearMultipleOfHalfPi(SplittableRandom random) {
        int n = 1 + random.nextInt(40);
        double base = n * (Math.PI / 2);
        double offset = base * Math.scalb(random.nextDouble(1, 2), -14 - random.nextInt(17));
        double x = base + (random.nextBoolean() ? offset : -offset);
        return random.nextBoolean() ? x : -x;
    }

    private static double logUniform(SplittableRandom random, int minExponent, int maxExponent) {
        double m = Math.scalb(random.nextDouble(1, 2), minExponent + random.nextInt(maxExponent - minExponent + 1));
        return random.nextBoolean() ? m : -m;
    }

    /** Any double, NaNs, infinities and subnormals included. */
    private static double anyBits(SplittableRandom random) {
        return Double.longBitsToDouble(random.nextLong());
    }

    /**
     * ±0, ±infinity, NaN, the extremes, n pi/4 for n up to 64 and the given thresholds, each with
     * its 40 neighbours either side and its negation.
     */
    private static double[] edges(double... thresholds) {
        double[] fixed = {0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
            Double.NaN, 0x1p19 * Math.PI / 2, 3 * Math.PI / 4};
        int centres = fixed.length + 64 + thresholds.length;
        double[] out = new double[centres * 81 * 2];
        int o = 0;
        for (int c = 0; c < centres; c++) {
            double centre = c < fixed.length ? fixed[c]
                    : c < fixed.length + 64 ? (c - fixed.length + 1) * (Math.PI / 4)
                    : thresholds[c - fixed.length - 64];
            double x = centre;
            for (int i = 0; i < 40 && Double.isFinite(x); i++) {
                x = Math.nextDown(x);
            }
            for (int i = 0; i < 81; i++) {
                out[o++] = x;
                out[o++] = -x;
                x = Math.nextUp(x);
            }
        }
        return out;
    }

    private static void assertSameBits(String name, DoubleUnaryOperator rt, DoubleUnaryOperator strict,
                                       DoubleSupplier random, double[] edges) {
        for (double x : edges) {
            assertBits(strict.applyAsDouble(x), rt.applyAsDouble(x), name + "(" + x + ")");
        }
        for (int i = 0; i < RANDOM; i++) {
            double x = random.getAsDouble();
            double expected = strict.applyAsDouble(x);
            double actual = rt.applyAsDouble(x);
            if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(actual)) {
                assertBits(expected, actual, name + "(" + x + " = " + Double.toHexString(x) + ")");
            }
        }
    }

    /** The same double, every NaN counted as one value. */
    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                () -> what + ": StrictMath " + expected + ", RtMath " + actual);
    }
}
