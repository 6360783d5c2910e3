package io.blockwise.dsp;

/**
 * {@code exp}, {@code sin}, {@code cos} and powers of ten for the audio thread: deterministic
 * (plain Java arithmetic, the same bits on every JDK) and allocation-free even interpreted.
 *
 * <p>Why not {@link StrictMath}: its Java ports of fdlibm build small constant arrays on every
 * call ({@code exp} and {@code pow} on JDK 17; {@code exp}, {@code pow}, {@code sin} and
 * {@code cos} on JDK 25, whose {@code rem_pio2} returns its result through a fresh
 * {@code double[2]}). C2's escape analysis removes them once a caller is compiled, but
 * interpreted and C1 code allocates, which the audio thread must never do. These are the same
 * fdlibm 5.3 algorithms ({@code e_exp.c}, {@code k_sin.c}, {@code k_cos.c} and the small and
 * medium cases of {@code e_rem_pio2.c}) with the constants in fields and the reduction kept in
 * locals. {@code exp} matches StrictMath bit for bit; {@code sin} and {@code cos} agree within
 * 1 ulp (the medium reduction always takes the careful path) for |x| up to 2^19 pi/2, and fall
 * back to StrictMath beyond (never on the audio paths, whose angles are below 2 pi).
 * {@code log}, {@code log10}, {@code tanh} and {@code sqrt} of StrictMath allocate on neither JDK
 * and stay in use.
 */
final class RtMath {
    private static final double LN10 = 2.302585092994045684;
    private static final double HUGE = 1.0e+300;
    private static final double TWO_M1000 = 9.33263618503218878990e-302;
    private static final double O_THRESHOLD = 7.09782712893383973096e+02;
    private static final double U_THRESHOLD = -7.45133219101941108420e+02;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double INV_LN2 = 1.44269504088896338700e+00;
    private static final double P1 = 1.66666666666666019037e-01;
    private static final double P2 = -2.77777777770155933842e-03;
    private static final double P3 = 6.61375632143793436117e-05;
    private static final double P4 = -1.65339022054652515390e-06;
    private static final double P5 = 4.13813679705723846039e-08;

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

    private RtMath() {
    }

    private static int hi(double x) {
        return (int) (Double.doubleToRawLongBits(x) >>> 32);
    }

    private static int lo(double x) {
        return (int) Double.doubleToRawLongBits(x);
    }

    /** Any thread. 10^x. */
    static double pow10(double x) {
        return exp(x * LN10);
    }

    /** Any thread. e^x (fdlibm e_exp.c). */
    static double exp(double x) {
        int hx = hi(x);
        int xsb = (hx >>> 31) & 1;
        hx &= 0x7fffffff;
        if (hx >= 0x40862E42) {
            if (hx >= 0x7ff00000) {
                if (((hx & 0xfffff) | lo(x)) != 0) {
                    return x + x;
                }
                return xsb == 0 ? x : 0.0;
            }
            if (x > O_THRESHOLD) {
                return HUGE * HUGE;
            }
            if (x < U_THRESHOLD) {
                return TWO_M1000 * TWO_M1000;
            }
        }
        double hiPart = 0;
        double loPart = 0;
        int k = 0;
        if (hx > 0x3fd62e42) {
            if (hx < 0x3FF0A2B2) {
                hiPart = x - (xsb == 0 ? LN2_HI : -LN2_HI);
                loPart = xsb == 0 ? LN2_LO : -LN2_LO;
                k = 1 - xsb - xsb;
            } else {
                k = (int) (INV_LN2 * x + (xsb == 0 ? 0.5 : -0.5));
                double t = k;
                hiPart = x - t * LN2_HI;
                loPart = t * LN2_LO;
            }
            x = hiPart - loPart;
        } else if (hx < 0x3e300000) {
            return 1.0 + x;
        }
        double t = x * x;
        double c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
        if (k == 0) {
            return 1.0 - ((x * c) / (c - 2.0) - x);
        }
        double y = 1.0 - ((loPart - (x * c) / (2.0 - c)) - hiPart);
        if (k >= -1021) {
            return Double.longBitsToDouble(Double.doubleToRawLongBits(y) + ((long) k << 52));
        }
        return Double.longBitsToDouble(Double.doubleToRawLongBits(y) + ((long) (k + 1000) << 52)) * TWO_M1000;
    }

    /** Any thread. sin x. */
    static double sin(double x) {
        return trig(x, 0);
    }

    /** Any thread. cos x. */
    static double cos(double x) {
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
