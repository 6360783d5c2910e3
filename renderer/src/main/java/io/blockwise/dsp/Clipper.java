package io.blockwise.dsp;

/**
 * The preamp's waveshapers, in the order of {@code StageType.PREAMP}'s {@code clipper} choice.
 * Pure functions of one sample built on {@link RtMath}'s tanh (StrictMath's bits without its JNI
 * call) and {@link StrictMath}, so their output is bit-identical on every JDK (Math.tanh differs
 * by up to 2 ulp between 17 and 25).
 */
public enum Clipper {
    /** tanh: smooth, symmetric, odd harmonics only. */
    SOFT {
        @Override
        public double shape(double x) {
            return RtMath.tanh(x);
        }
    },
    /** Cubic soft knee: linear-ish to 1/3 of full scale, flat beyond |x| = 1. */
    MEDIUM {
        @Override
        public double shape(double x) {
            if (x >= 1) {
                return 1;
            }
            if (x <= -1) {
                return -1;
            }
            return 1.5 * x - 0.5 * x * x * x;
        }
    },
    /** Hard clip at full scale. */
    HARD {
        @Override
        public double shape(double x) {
            return x > 1 ? 1 : (x < -1 ? -1 : x);
        }
    },
    /** tanh with a lower ceiling on the negative half: adds even harmonics. */
    ASYMMETRIC {
        @Override
        public double shape(double x) {
            return x >= 0 ? RtMath.tanh(x) : 0.6 * RtMath.tanh(x / 0.6);
        }
    },
    /** Single-ended exponential transfer: soft on top, compressing earlier underneath. */
    CLASS_A {
        @Override
        public double shape(double x) {
            return x >= 0 ? 1 - StrictMath.exp(-x) : -(1 - StrictMath.exp(1.5 * x)) / 1.5;
        }
    },
    /**
     * Triode-like: grid conduction flattens the positive swing early and hard, cutoff rounds the
     * negative swing slowly (an asymmetric rational curve).
     */
    TRIODE {
        @Override
        public double shape(double x) {
            if (x >= 0) {
                return x / StrictMath.sqrt(1 + 4 * x * x);
            }
            return x / (1 - 0.7 * x);
        }
    };

    /** Any thread. The transfer curve. */
    public abstract double shape(double x);

    private static final Clipper[] BY_INDEX = values();

    /** Control thread. Clipper by its index in the {@code clipper} choice. */
    public static Clipper byChoiceIndex(int index) {
        return BY_INDEX[index];
    }
}
