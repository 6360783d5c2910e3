package io.blockwise.dsp;

/**
 * {@code sin}, {@code cos} and powers of ten for the audio thread: deterministic (plain Java
 * arithmetic, the same bits on every JDK) and allocation-free even interpreted.
 *
 * <p>Why not {@link StrictMath}: measured with the thread allocation counter under
 * {@code -Xint}, {@code StrictMath.pow} allocates about 96 bytes a call on JDK 17 and 25 (its
 * fdlibm port builds three {@code double[2]} constant tables per call), and on JDK 25
 * {@code StrictMath.sin} and {@code cos} allocate about 64 bytes a call beyond pi/4 (the Java
 * {@code rem_pio2} returns its result in a fresh {@code double[2]}). C2's escape analysis removes
 * them once a caller is compiled, but interpreted and C1 code allocates, which the audio thread
 * must never do. {@code exp}, {@code log}, {@code log10}, {@code tanh} and {@code sqrt} allocate
 * on neither JDK and stay in use.
 *
 * <p>{@code sin} and {@code cos} are fdlibm 5.3's ({@code k_sin.c}, {@code k_cos.c} and the small
 * and medium cases of {@code e_rem_pio2.c}) with the reduction kept in locals; they agree with
 * StrictMath within 1 ulp (the medium reduction always takes the careful path; no difference
 * was seen in a million random arguments) for |x| up to 2^19 pi/2, and fall back to StrictMath
 * beyond (never on the audio paths, whose angles are below 2 pi).
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
        return trig(x, 0);
    }

    /** Any thread. cos x. */
    public static double cos(double x) {
        return trig(x, 1);
    }

    /** sin x for quarter-turn {@code shift} 0, cos x for 1 (cos x = sin(x + pi/2)). */
    private static double trig(double x, int shift) {
        int hx = hi(x);
        int ix = hx & 0x7fffffff;
        if (ix <= 0x3fe921fb) {
            return shift == 0 ? kernelSin(x, 0, 0) : kernelCos(x, 0);
        }
        if (ix >= 0x7ff00000) {
            return x - x;
        }
        if (ix > 0x413921fb) {
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
            if (i > 16) {
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
        switch ((n + shift) & 3) {
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
}
