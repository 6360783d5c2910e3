package io.blockwise.dsp;

/**
 * Transcendental functions for the audio thread: deterministic (plain Java arithmetic, the same
 * bits on every JDK), allocation-free even interpreted, and no JNI call.
 *
 * <p>{@code sin}, {@code cos}, {@code tanh}, {@code expm1}, {@code atan} and {@code atan2} are
 * fdlibm 5.3, the algorithm {@link StrictMath} is specified to use ({@code k_sin.c},
 * {@code k_cos.c}, the small and medium cases of {@code e_rem_pio2.c}, {@code s_tanh.c},
 * {@code s_expm1.c}, {@code s_atan.c}, {@code e_atan2.c}), operation for operation, so they return
 * StrictMath's bits: RtMathTest checks millions of random and edge arguments. sin and cos fall
 * back to StrictMath beyond |x| = 2^19 pi/2 (never on the audio paths).
 *
 * <p>Why not {@link StrictMath} itself: on JDK 17 its trig and hyperbolic functions are JNI calls
 * into C fdlibm, 12 to 21 ns each where these cost 4 to 8 ns once compiled (MathBenchmark).
 * And measured with the thread allocation counter under {@code -Xint}, {@code StrictMath.pow}
 * allocates about 96 bytes a call on JDK 17 and 25 (its fdlibm port builds three
 * {@code double[2]} constant tables per call), and on JDK 25 {@code StrictMath.sin} and
 * {@code cos} allocate about 64 bytes a call beyond pi/4 (the Java {@code rem_pio2} returns its
 * result in a fresh {@code double[2]}). C2's escape analysis removes them once a caller is
 * compiled, but interpreted and C1 code allocates, which the audio thread must never do.
 * {@code exp}, {@code log}, {@code log10} and {@code sqrt} allocate on neither JDK and stay in use.
 */
public final class RtMath {
    private static final double LN10 = 2.302585092994045684;
    private static final double S1 = -1.66666666666666324348e-01;
    private static final double S2 = 8.33333333332248946124e-03;
    private static final double S3 = -1.98412698298579493134e-04;
    private static final double S4 = 2.75573137070700676789e-06;
    private static final double S5 = -2.50507602534068634195e-08;
    private static final double S6 = 1.58969099521155010221e-10;
    private static final double C1 = 4.16666666666666019037e-02;
    private static final double C2 = -1.38888888888741095749e-03;
    private static final double C3 = 2.48015872894767294178e-05;
    private static final double C4 = -2.75573143513906633035e-07;
    private static final double C5 = 2.08757232129817482790e-09;
    private static final double C6 = -1.13596475577881948265e-11;

    private static final double INV_PIO2 = 6.36619772367581382433e-01;
    private static final double PIO2_1 = 1.57079632673412561417e+00;
    private static final double PIO2_1T = 6.07710050650619224932e-11;
    private static final double PIO2_2 = 6.07710050630396597660e-11;
    private static final double PIO2_2T = 2.02226624879595063154e-21;
    private static final double PIO2_3 = 2.02226624871116645580e-21;
    private static final double PIO2_3T = 8.47842766036889956997e-32;

    /** High words of n pi/2 for n = 1..32 (e_rem_pio2.c's npio2_hw). */
    private static final int[] NPIO2_HW = {
        0x3FF921FB, 0x400921FB, 0x4012D97C, 0x401921FB, 0x401F6A7A, 0x4022D97C,
        0x4025FDBB, 0x402921FB, 0x402C463A, 0x402F6A7A, 0x4031475C, 0x4032D97C,
        0x40346B9C, 0x4035FDBB, 0x40378FDB, 0x403921FB, 0x403AB41B, 0x403C463A,
        0x403DD85A, 0x403F6A7A, 0x40407E4C, 0x4041475C, 0x4042106C, 0x4042D97C,
        0x4043A28C, 0x40446B9C, 0x404534AC, 0x4045FDBB, 0x4046C6CB, 0x40478FDB,
        0x404858EB, 0x404921FB,
    };

    private static final double LN10_OVER_20 = LN10 / 20;

    private RtMath() {
    }

    /** Any thread. {@code x^y} for {@code x > 0}, as {@code exp(y ln x)} (StrictMath.pow allocates interpreted). */
    public static double pow(double x, double y) {
        return StrictMath.exp(y * StrictMath.log(x));
    }

    /** Any thread. Linear gain for {@code db} decibels: {@code 10^(db/20)}. */
    public static double dbToGain(double db) {
        return StrictMath.exp(db * LN10_OVER_20);
    }

    /** Any thread. Decibels for a linear gain {@code g > 0}: {@code 20 log10 g}. */
    public static double gainToDb(double g) {
        return StrictMath.log(g) / LN10_OVER_20;
    }

    private static int hi(double x) {
        return (int) (Double.doubleToRawLongBits(x) >>> 32);
    }

    /**
     * Any thread. 10^x as {@code StrictMath.exp(x ln 10)} (StrictMath.exp allocates on neither
     * JDK); relative error below 1e-14 for |x| up to 10, from rounding {@code x ln 10}.
     */
    public static double pow10(double x) {
        return StrictMath.exp(x * LN10);
    }

    /** Any thread. sin x. */
    public static double sin(double x) {
        return trig(x, 0, null);
    }

    /** Any thread. cos x. */
    public static double cos(double x) {
        return trig(x, 1, null);
    }

    /**
     * Any thread. Stores sin x in {@code sinCos[0]} and cos x in {@code sinCos[1]}, the same bits
     * as {@link #sin} and {@link #cos}, with one argument reduction for both.
     */
    public static void sinCos(double x, double[] sinCos) {
        trig(x, 0, sinCos);
    }

    /**
     * sin x for quarter-turn {@code shift} 0, cos x for 1 (cos x = sin(x + pi/2)); or, when
     * {@code both} is not null, both into it (sin, cos) and 0 returned.
     */
    private static double trig(double x, int shift, double[] both) {
        int hx = hi(x);
        int ix = hx & 0x7fffffff;
        if (ix <= 0x3fe921fb) {
            if (both != null) {
                both[0] = kernelSin(x, 0, 0);
                both[1] = kernelCos(x, 0);
                return 0;
            }
            return shift == 0 ? kernelSin(x, 0, 0) : kernelCos(x, 0);
        }
        if (ix >= 0x7ff00000) {
            if (both != null) {
                both[0] = x - x;
                both[1] = x - x;
                return 0;
            }
            return x - x;
        }
        if (ix > 0x413921fb) {
            if (both != null) {
                both[0] = StrictMath.sin(x);
                both[1] = StrictMath.cos(x);
                return 0;
            }
            return shift == 0 ? StrictMath.sin(x) : StrictMath.cos(x);
        }
        // Reduce x to y0 + y1 in [-pi/4, pi/4] and a quadrant n (e_rem_pio2.c, small/medium).
        int n;
        double y0;
        double y1;
        if (ix < 0x4002d97c) {
            double z;
            if (hx > 0) {
                z = x - PIO2_1;
                if (ix != 0x3ff921fb) {
                    y0 = z - PIO2_1T;
                    y1 = (z - y0) - PIO2_1T;
                } else {
                    z -= PIO2_2;
                    y0 = z - PIO2_2T;
                    y1 = (z - y0) - PIO2_2T;
                }
                n = 1;
            } else {
                z = x + PIO2_1;
                if (ix != 0x3ff921fb) {
                    y0 = z + PIO2_1T;
                    y1 = (z - y0) + PIO2_1T;
                } else {
                    z += PIO2_2;
                    y0 = z + PIO2_2T;
                    y1 = (z - y0) + PIO2_2T;
                }
                n = -1;
            }
        } else {
            double t = Math.abs(x);
            n = (int) (t * INV_PIO2 + 0.5);
            double fn = n;
            double r = t - fn * PIO2_1;
            double w = fn * PIO2_1T;
            int j = ix >> 20;
            y0 = r - w;
            int i = j - ((hi(y0) >> 20) & 0x7ff);
            // fdlibm skips the cancellation check when x's high word differs from n pi/2's; the
            // second round below could otherwise change the last bit against StrictMath.
            if (i > 16 && (n >= 32 || ix == NPIO2_HW[n - 1])) {
                t = r;
                w = fn * PIO2_2;
                r = t - w;
                w = fn * PIO2_2T - ((t - r) - w);
                y0 = r - w;
                i = j - ((hi(y0) >> 20) & 0x7ff);
                if (i > 49) {
                    t = r;
                    w = fn * PIO2_3;
                    r = t - w;
                    w = fn * PIO2_3T - ((t - r) - w);
                    y0 = r - w;
                }
            }
            y1 = (r - y0) - w;
            if (hx < 0) {
                y0 = -y0;
                y1 = -y1;
                n = -n;
            }
        }
        if (both != null) {
            both[0] = quadrant(n, y0, y1);
            both[1] = quadrant(n + 1, y0, y1);
            return 0;
        }
        return quadrant(n + shift, y0, y1);
    }

    /** sin(n pi/2 + y0 + y1) for y0 + y1 in [-pi/4, pi/4]. */
    private static double quadrant(int n, double y0, double y1) {
        switch (n & 3) {
            case 0: return kernelSin(y0, y1, 1);
            case 1: return kernelCos(y0, y1);
            case 2: return -kernelSin(y0, y1, 1);
            default: return -kernelCos(y0, y1);
        }
    }

    /** sin on [-pi/4, pi/4] of x + y (k_sin.c); {@code iy} 0 when y is 0. */
    private static double kernelSin(double x, double y, int iy) {
        int ix = hi(x) & 0x7fffffff;
        if (ix < 0x3e400000 && (int) x == 0) {
            return x;
        }
        double z = x * x;
        double v = z * x;
        double r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
        if (iy == 0) {
            return x + v * (S1 + z * r);
        }
        return x - ((z * (0.5 * y - v * r) - y) - v * S1);
    }

    /** cos on [-pi/4, pi/4] of x + y (k_cos.c). */
    private static double kernelCos(double x, double y) {
        int ix = hi(x) & 0x7fffffff;
        if (ix < 0x3e400000 && (int) x == 0) {
            return 1.0;
        }
        double z = x * x;
        double r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
        if (ix < 0x3FD33333) {
            return 1.0 - (0.5 * z - (z * r - x * y));
        }
        double qx = ix > 0x3fe90000 ? 0.28125 : Double.longBitsToDouble((long) (ix - 0x00200000) << 32);
        double hz = 0.5 * z - qx;
        double a = 1.0 - qx;
        return a - (hz - (z * r - x * y));
    }

    // ---- tanh, expm1, atan, atan2: fdlibm 5.3 (s_tanh.c, s_expm1.c, s_atan.c, e_atan2.c), as
    // ported to Java in OpenJDK's java.lang.FdLibm, with the constants inlined. Same operations
    // in the same order, so the same bits as StrictMath on every JDK, without a JNI call on
    // JDK 17. RtMathTest compares them bit for bit with StrictMath.

    private static final double HUGE = 1.0e+300;
    private static final double TINY = 1.0e-300;

    /** Any thread. tanh x, bit-identical to {@link StrictMath#tanh}. */
    public static double tanh(double x) {
        int jx = hi(x);
        int ix = jx & 0x7fffffff;
        if (ix >= 0x7ff00000) {
            return jx >= 0 ? 1.0 / x + 1.0 : 1.0 / x - 1.0;
        }
        double z;
        if (ix < 0x40360000) { // |x| < 22
            if (ix < 0x3c800000) { // |x| < 2^-55
                return x * (1.0 + x);
            }
            if (ix >= 0x3ff00000) { // |x| >= 1
                double t = expm1(2.0 * Math.abs(x));
                z = 1.0 - 2.0 / (t + 2.0);
            } else {
                double t = expm1(-2.0 * Math.abs(x));
                z = -t / (t + 2.0);
            }
        } else {
            z = 1.0 - TINY;
        }
        return jx >= 0 ? z : -z;
    }

    private static final double EXPM1_O_THRESHOLD = 0x1.62e42fefa39efp9;
    private static final double LN2_HI = 0x1.62e42feep-1;
    private static final double LN2_LO = 0x1.a39ef35793c76p-33;
    private static final double INV_LN2 = 0x1.71547652b82fep0;
    private static final double Q1 = -0x1.11111111110f4p-5;
    private static final double Q2 = 0x1.a01a019fe5585p-10;
    private static final double Q3 = -0x1.4ce199eaadbb7p-14;
    private static final double Q4 = 0x1.0cfca86e65239p-18;
    private static final double Q5 = -0x1.afdb76e09c32dp-23;

    /** Any thread. exp(x) - 1, bit-identical to {@link StrictMath#expm1}. */
    public static double expm1(double x) {
        int hx = hi(x);
        int xsb = hx & 0x80000000;
        hx &= 0x7fffffff;
        if (hx >= 0x4043687A) { // |x| >= 56 ln2
            if (hx >= 0x40862E42) { // |x| >= 709.78...
                if (hx >= 0x7ff00000) {
                    if (((hx & 0xfffff) | lo(x)) != 0) {
                        return x + x; // NaN
                    }
                    return xsb == 0 ? x : -1.0;
                }
                if (x > EXPM1_O_THRESHOLD) {
                    return HUGE * HUGE;
                }
            }
            if (xsb != 0 && x + TINY < 0.0) {
                return TINY - 1.0;
            }
        }
        double c = 0;
        int k;
        if (hx > 0x3fd62e42) { // |x| > 0.5 ln2
            double hi;
            double lo;
            if (hx < 0x3FF0A2B2) { // and |x| < 1.5 ln2
                if (xsb == 0) {
                    hi = x - LN2_HI;
                    lo = LN2_LO;
                    k = 1;
                } else {
                    hi = x + LN2_HI;
                    lo = -LN2_LO;
                    k = -1;
                }
            } else {
                k = (int) (INV_LN2 * x + (xsb == 0 ? 0.5 : -0.5));
                double t = k;
                hi = x - t * LN2_HI;
                lo = t * LN2_LO;
            }
            x = hi - lo;
            c = (hi - x) - lo;
        } else if (hx < 0x3c900000) { // |x| < 2^-54
            double t = HUGE + x;
            return x - (t - (HUGE + x));
        } else {
            k = 0;
        }
        double hfx = 0.5 * x;
        double hxs = x * hfx;
        double r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
        double t = 3.0 - r1 * hfx;
        double e = hxs * ((r1 - t) / (6.0 - x * t));
        if (k == 0) {
            return x - (x * e - hxs);
        }
        e = (x * (e - c) - c);
        e -= hxs;
        if (k == -1) {
            return 0.5 * (x - e) - 0.5;
        }
        if (k == 1) {
            if (x < -0.25) {
                return -2.0 * (e - (x + 0.5));
            }
            return 1.0 + 2.0 * (x - e);
        }
        double y;
        if (k <= -2 || k > 56) {
            y = 1.0 - (e - x);
            y = withHi(y, hi(y) + (k << 20));
            return y - 1.0;
        }
        if (k < 20) {
            double u = withHi(1.0, 0x3ff00000 - (0x200000 >> k)); // 1 - 2^-k
            y = u - (e - x);
            y = withHi(y, hi(y) + (k << 20));
        } else {
            double u = withHi(1.0, (0x3ff - k) << 20); // 2^-k
            y = x - (e + u);
            y += 1.0;
            y = withHi(y, hi(y) + (k << 20));
        }
        return y;
    }

    private static final double ATAN_HI_0 = 0x1.dac670561bb4fp-2;
    private static final double ATAN_HI_1 = 0x1.921fb54442d18p-1;
    private static final double ATAN_HI_2 = 0x1.f730bd281f69bp-1;
    private static final double ATAN_HI_3 = 0x1.921fb54442d18p0;
    private static final double ATAN_LO_0 = 0x1.a2b7f222f65e2p-56;
    private static final double ATAN_LO_1 = 0x1.1a62633145c07p-55;
    private static final double ATAN_LO_2 = 0x1.007887af0cbbdp-56;
    private static final double ATAN_LO_3 = 0x1.1a62633145c07p-54;
    private static final double AT0 = 0x1.555555555550dp-2;
    private static final double AT1 = -0x1.999999998ebc4p-3;
    private static final double AT2 = 0x1.24924920083ffp-3;
    private static final double AT3 = -0x1.c71c6fe231671p-4;
    private static final double AT4 = 0x1.745cdc54c206ep-4;
    private static final double AT5 = -0x1.3b0f2af749a6dp-4;
    private static final double AT6 = 0x1.10d66a0d03d51p-4;
    private static final double AT7 = -0x1.dde2d52defd9ap-5;
    private static final double AT8 = 0x1.97b4b24760debp-5;
    private static final double AT9 = -0x1.2b4442c6a6c2fp-5;
    private static final double AT10 = 0x1.0ad3ae322da11p-6;

    /** Any thread. atan x, bit-identical to {@link StrictMath#atan}. */
    public static double atan(double x) {
        int hx = hi(x);
        int ix = hx & 0x7fffffff;
        int id;
        if (ix >= 0x44100000) { // |x| >= 2^66
            if (ix > 0x7ff00000 || (ix == 0x7ff00000 && lo(x) != 0)) {
                return x + x; // NaN
            }
            return hx > 0 ? ATAN_HI_3 + ATAN_LO_3 : -ATAN_HI_3 - ATAN_LO_3;
        }
        if (ix < 0x3fdc0000) { // |x| < 0.4375
            if (ix < 0x3e200000 && HUGE + x > 1.0) { // |x| < 2^-29
                return x;
            }
            id = -1;
        } else {
            x = Math.abs(x);
            if (ix < 0x3ff30000) { // |x| < 1.1875
                if (ix < 0x3fe60000) { // 7/16 <= |x| < 11/16
                    id = 0;
                    x = (2.0 * x - 1.0) / (2.0 + x);
                } else { // 11/16 <= |x| < 19/16
                    id = 1;
                    x = (x - 1.0) / (x + 1.0);
                }
            } else if (ix < 0x40038000) { // |x| < 2.4375
                id = 2;
                x = (x - 1.5) / (1.0 + 1.5 * x);
            } else { // 2.4375 <= |x| < 2^66
                id = 3;
                x = -1.0 / x;
            }
        }
        double z = x * x;
        double w = z * z;
        double s1 = z * (AT0 + w * (AT2 + w * (AT4 + w * (AT6 + w * (AT8 + w * AT10)))));
        double s2 = w * (AT1 + w * (AT3 + w * (AT5 + w * (AT7 + w * AT9))));
        if (id < 0) {
            return x - x * (s1 + s2);
        }
        double atanHi;
        double atanLo;
        switch (id) {
            case 0: atanHi = ATAN_HI_0; atanLo = ATAN_LO_0; break;
            case 1: atanHi = ATAN_HI_1; atanLo = ATAN_LO_1; break;
            case 2: atanHi = ATAN_HI_2; atanLo = ATAN_LO_2; break;
            default: atanHi = ATAN_HI_3; atanLo = ATAN_LO_3; break;
        }
        z = atanHi - ((x * (s1 + s2) - atanLo) - x);
        return hx < 0 ? -z : z;
    }

    private static final double PI_O_4 = 0x1.921fb54442d18p-1;
    private static final double PI_O_2 = 0x1.921fb54442d18p0;
    private static final double PI_LO = 0x1.1a62633145c07p-53;

    /** Any thread. The angle of (x, y), bit-identical to {@link StrictMath#atan2}. */
    public static double atan2(double y, double x) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return x + y;
        }
        int hx = hi(x);
        int ix = hx & 0x7fffffff;
        int lx = lo(x);
        int hy = hi(y);
        int iy = hy & 0x7fffffff;
        int ly = lo(y);
        if (((hx - 0x3ff00000) | lx) == 0) { // x = 1.0
            return atan(y);
        }
        int m = ((hy >> 31) & 1) | ((hx >> 30) & 2); // 2 sign(x) + sign(y)
        if ((iy | ly) == 0) { // y = 0
            switch (m) {
                case 0:
                case 1: return y;
                case 2: return Math.PI + TINY;
                default: return -Math.PI - TINY;
            }
        }
        if ((ix | lx) == 0) { // x = 0
            return hy < 0 ? -PI_O_2 - TINY : PI_O_2 + TINY;
        }
        if (ix == 0x7ff00000) { // x infinite
            if (iy == 0x7ff00000) {
                switch (m) {
                    case 0: return PI_O_4 + TINY;
                    case 1: return -PI_O_4 - TINY;
                    case 2: return 3.0 * PI_O_4 + TINY;
                    default: return -3.0 * PI_O_4 - TINY;
                }
            }
            switch (m) {
                case 0: return 0.0;
                case 1: return -0.0;
                case 2: return Math.PI + TINY;
                default: return -Math.PI - TINY;
            }
        }
        if (iy == 0x7ff00000) { // y infinite
            return hy < 0 ? -PI_O_2 - TINY : PI_O_2 + TINY;
        }
        int k = (iy - ix) >> 20;
        double z;
        if (k > 60) { // |y/x| > 2^60
            z = PI_O_2 + 0.5 * PI_LO;
        } else if (hx < 0 && k < -60) { // |y|/x < -2^60
            z = 0.0;
        } else {
            z = atan(Math.abs(y / x));
        }
        switch (m) {
            case 0: return z;
            case 1: return -z;
            case 2: return Math.PI - (z - PI_LO);
            default: return (z - PI_LO) - Math.PI;
        }
    }

    private static int lo(double x) {
        return (int) Double.doubleToRawLongBits(x);
    }

    private static double withHi(double x, int high) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(x) & 0xffffffffL) | ((long) high << 32));
    }
}
