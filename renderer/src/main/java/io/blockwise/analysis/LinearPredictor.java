package io.blockwise.analysis;

import java.util.Arrays;

/**
 * A short linear predictor fitted piecewise to a signal: {@code x[n] ~ sum_k a[k] x[n-1-k]},
 * order {@value #ORDER}, refitted every {@value #HOP} frames by least squares (covariance method)
 * over the {@value #FIT} frames before the hop, so a fault never shapes the coefficients used to
 * judge it. Order 4 predicts one or two sinusoids exactly (a sine satisfies
 * {@code x[n] = 2cos(w) x[n-1] - x[n-2]}); samples before frame 0 are taken as 0.
 *
 * <p>The normal equations are loaded with the quantisation noise of the file ({@code FIT * q^2/12}
 * on the diagonal, plus 1e-9 of the mean energy), the errors-in-variables regulariser: it keeps the
 * coefficients bounded where the window is nearly singular (a low, quantised sine; silence) so the
 * predictor never amplifies quantisation noise into false errors.
 */
final class LinearPredictor {
    static final int ORDER = 4;
    static final int HOP = 32;
    static final int FIT = 256;

    private final double[][] coefficients;

    private LinearPredictor(double[][] coefficients) {
        this.coefficients = coefficients;
    }

    /** Any thread. Fits the predictor to {@code x}; {@code noisePower} is the quantisation noise power. */
    static LinearPredictor fit(double[] x, double noisePower) {
        int hops = (x.length + HOP - 1) / HOP;
        double[][] a = new double[Math.max(hops, 1)][];
        double[][] r = new double[ORDER][ORDER];
        double[] rhs = new double[ORDER];
        for (int h = 0; h < hops; h++) {
            int end = h * HOP;
            int start = Math.max(0, end - FIT);
            for (double[] row : r) {
                Arrays.fill(row, 0);
            }
            Arrays.fill(rhs, 0);
            for (int m = start; m < end; m++) {
                double xm = x[m];
                for (int j = 0; j < ORDER; j++) {
                    double xj = at(x, m - 1 - j);
                    rhs[j] += xm * xj;
                    for (int k = j; k < ORDER; k++) {
                        r[j][k] += xj * at(x, m - 1 - k);
                    }
                }
            }
            double trace = 0;
            for (int j = 0; j < ORDER; j++) {
                trace += r[j][j];
            }
            double load = FIT * noisePower + 1e-9 * trace / ORDER;
            a[h] = trace == 0 ? new double[ORDER] : solve(r, rhs, load);
        }
        return new LinearPredictor(a);
    }

    /** Any thread. The prediction error {@code x[n] - prediction} at every frame. */
    double[] residual(double[] x) {
        double[] e = new double[x.length];
        for (int n = 0; n < x.length; n++) {
            e[n] = x[n] - predict(x, n, coefficients(n));
        }
        return e;
    }

    /** Any thread. The coefficients used at frame {@code n} (not copied). */
    double[] coefficients(int n) {
        return coefficients[n / HOP];
    }

    /** Any thread. The prediction of {@code x[n]} from the {@value #ORDER} samples before it. */
    static double predict(double[] x, int n, double[] a) {
        double p = 0;
        for (int k = 0; k < ORDER; k++) {
            p += a[k] * at(x, n - 1 - k);
        }
        return p;
    }

    private static double at(double[] x, int i) {
        return i < 0 ? 0 : x[i];
    }

    /** Solves (R + load I) a = rhs for symmetric R (upper triangle filled) by Cholesky. */
    private static double[] solve(double[][] r, double[] rhs, double load) {
        int n = ORDER;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = (j == i ? r[j][i] + load : r[j][i]);
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return new double[n];
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = rhs[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] a = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * a[k];
            }
            a[i] = s / l[i][i];
        }
        return a;
    }
}
