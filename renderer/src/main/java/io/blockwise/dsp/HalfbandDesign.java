package io.blockwise.dsp;

/**
 * Kaiser-windowed-sinc half-band low-pass filters for {@link Oversampler}'s 2x stages, designed
 * on the control thread in double precision.
 *
 * <p>A half-band filter of length {@code 2M + 1} (M odd) has {@code h[M] = 1/2} and every other
 * tap zero: {@code h[M + m] = 0} for even {@code m != 0}. Its response is symmetric about a
 * quarter of its rate ({@code H(f) + H(1/2 - f) = 1}), so the passband ripple equals the stopband
 * ripple and a stage needs only the {@code M + 1} taps {@code g[j] = h[2j]} (the "even phase").
 *
 * <p>Specification of stage {@code s} (0 first, running at {@code 2^(s+1)} times the base rate):
 * it must pass 0..20 kHz of a 44.1 kHz base rate (a fraction {@link #PASS_FRACTION} of the base
 * rate; 0..21.8 kHz at 48 kHz) and stop everything that would fold onto that band when its
 * output is halved again, i.e. from {@code 2^s * base - pass}. Relative to its own rate the
 * transition band is {@code [p, 1/2 - p]} with {@code p = PASS_FRACTION / 2^(s+1)}: narrow for the
 * first stage (0.2268..0.2732), wide for later ones, which therefore need far fewer taps. The
 * length starts at Kaiser's estimate for {@link #STOPBAND_DB} + 2 dB and grows until a dense
 * evaluation of the designed response confirms the stopband.
 */
final class HalfbandDesign {
    /** Passband edge as a fraction of the base rate (20 kHz at 44.1 kHz). */
    static final double PASS_FRACTION = 20000.0 / 44100.0;
    /** Required stopband attenuation, dB. */
    static final double STOPBAND_DB = 100;
    private static final double DESIGN_DB = STOPBAND_DB + 2;
    private static final int GRID = 4096;

    private HalfbandDesign() {
    }

    /** Control thread. Number of 2x stages for {@code factor}; throws for anything but 2..16. */
    static int stagesFor(int factor) {
        switch (factor) {
            case 2: return 1;
            case 4: return 2;
            case 8: return 3;
            case 16: return 4;
            default:
                throw new IllegalArgumentException(
                        "oversampling factor " + factor + " is not one of 2, 4, 8, 16");
        }
    }

    /** Control thread. Throws unless {@code maxBlockFrames} is positive. */
    static void checkBlock(int maxBlockFrames) {
        if (maxBlockFrames <= 0) {
            throw new IllegalArgumentException("maxBlockFrames " + maxBlockFrames + " must be positive");
        }
    }

    /** Control thread. Passband edge of stage {@code stage}, as a fraction of its own rate. */
    static double passEdge(int stage) {
        return PASS_FRACTION / (2 << stage);
    }

    /**
     * Control thread. The even-phase taps {@code g[0..M]} of stage {@code stage}'s half-band
     * filter, scaled so that they sum to exactly 1/2 (the filter's DC gain is then exactly 1).
     */
    static double[] evenPhase(int stage) {
        double pass = passEdge(stage);
        double width = 0.5 - 2 * pass;
        int n = (int) Math.ceil((DESIGN_DB - 7.95) / (14.36 * width)) + 1;
        int m = Math.max(3, (n - 1) / 2);
        if (m % 2 == 0) {
            m++;
        }
        double beta = 0.1102 * (DESIGN_DB - 8.7);
        // Kaiser's estimate is close; a few more taps settle the rare shortfall. (The bound
        // only guards the loop: every stage here converges within two steps.)
        for (int tries = 0; tries < 64; tries++, m += 2) {
            double[] g = kaiserEvenPhase(m, beta);
            if (stopbandDb(g, m, 0.5 - pass) >= STOPBAND_DB) {
                return g;
            }
        }
        throw new IllegalStateException("half-band stage " + stage + " did not reach " + STOPBAND_DB + " dB");
    }

    /** Control thread. The full impulse response (length 2M + 1) of even-phase taps {@code g}. */
    static double[] fullTaps(double[] g) {
        int m = g.length - 1;
        double[] h = new double[2 * m + 1];
        for (int j = 0; j <= m; j++) {
            h[2 * j] = g[j];
        }
        h[m] = 0.5;
        return h;
    }

    private static double[] kaiserEvenPhase(int m, double beta) {
        double[] g = new double[m + 1];
        double i0Beta = besselI0(beta);
        double sum = 0;
        for (int j = 0; j <= m; j++) {
            int k = 2 * j - m; // odd offset from the centre tap
            double x = 0.5 * k;
            double sinc = StrictMath.sin(StrictMath.PI * x) / (StrictMath.PI * x);
            double r = (double) k / m;
            double w = besselI0(beta * StrictMath.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
            g[j] = 0.5 * sinc * w;
            sum += g[j];
        }
        for (int j = 0; j <= m; j++) {
            g[j] *= 0.5 / sum;
        }
        return g;
    }

    /** Smallest attenuation, dB, of the filter over [{@code from}, 1/2] of its rate. */
    private static double stopbandDb(double[] g, int m, double from) {
        double worst = 0;
        for (int i = 0; i <= GRID; i++) {
            double f = from + (0.5 - from) * i / GRID;
            double a = 0.5;
            for (int j = 0; j <= m; j++) {
                a += g[j] * StrictMath.cos(2 * StrictMath.PI * f * (2 * j - m));
            }
            worst = Math.max(worst, Math.abs(a));
        }
        return -20 * StrictMath.log10(worst);
    }

    /** Modified Bessel function of the first kind, order 0 (power series). */
    static double besselI0(double x) {
        double term = 1;
        double sum = 1;
        double q = x * x / 4;
        for (int k = 1; k < 500 && term > 1e-21 * sum; k++) {
            term *= q / ((double) k * k);
            sum += term;
        }
        return sum;
    }
}
