package io.blockwise.dsp;

/**
 * The textbook reference for the RBJ-cookbook sections, written independently of
 * {@link Biquad}: each cookbook filter is the bilinear transform (pre-warped at its centre or
 * corner {@code f0}) of a normalised analog prototype {@code H(s)}, so its magnitude at {@code f}
 * is {@code |H(j W)|} with {@code W = tan(pi f / fs) / tan(pi f0 / fs)}. The prototypes, from
 * the cookbook's "analog prototypes" section (A = 10^(dB/40)):
 * <pre>
 *   peaking     (s^2 + s A/Q + 1) / (s^2 + s/(A Q) + 1)
 *   low shelf   A (s^2 + sqrt(A)/Q s + A) / (A s^2 + sqrt(A)/Q s + 1)
 *   high shelf  A (A s^2 + sqrt(A)/Q s + 1) / (s^2 + sqrt(A)/Q s + A)
 *   low-pass    1 / (s^2 + s/Q + 1)          high-pass  s^2 / (s^2 + s/Q + 1)
 * </pre>
 * Shelves use shelf slope S = 1, i.e. {@code 1/Q = sqrt((A + 1/A)(1/S - 1) + 2) = sqrt 2}.
 */
final class AnalogPrototypes {
    private AnalogPrototypes() {
    }

    private static double warp(double f, double f0, double fs) {
        return Math.tan(Math.PI * f / fs) / Math.tan(Math.PI * f0 / fs);
    }

    /** |(n0 + n1 s + n2 s^2) / (d0 + d1 s + d2 s^2)| at s = jW. */
    private static double mag(double w, double n0, double n1, double n2, double d0, double d1, double d2) {
        double nr = n0 - n2 * w * w, ni = n1 * w;
        double dr = d0 - d2 * w * w, di = d1 * w;
        return Math.sqrt((nr * nr + ni * ni) / (dr * dr + di * di));
    }

    static double peaking(double f, double f0, double q, double db, double fs) {
        double a = Math.pow(10, db / 40);
        return mag(warp(f, f0, fs), 1, a / q, 1, 1, 1 / (a * q), 1);
    }

    static double lowShelf(double f, double f0, double db, double fs) {
        double a = Math.pow(10, db / 40);
        double k = Math.sqrt(a) * Math.sqrt(2);
        return a * mag(warp(f, f0, fs), a, k, 1, 1, k, a);
    }

    static double highShelf(double f, double f0, double db, double fs) {
        double a = Math.pow(10, db / 40);
        double k = Math.sqrt(a) * Math.sqrt(2);
        return a * mag(warp(f, f0, fs), 1, k, a, a, k, 1);
    }

    static double lowpass(double f, double f0, double q, double fs) {
        return mag(warp(f, f0, fs), 1, 0, 0, 1, 1 / q, 1);
    }

    static double highpass(double f, double f0, double q, double fs) {
        return mag(warp(f, f0, fs), 0, 0, 1, 1, 1 / q, 1);
    }
}
