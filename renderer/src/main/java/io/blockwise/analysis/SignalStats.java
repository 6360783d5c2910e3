package io.blockwise.analysis;

/**
 * Level statistics of one channel (or of all channels together): peak |x|, RMS and DC (mean) over
 * the finite samples, the count of clipped samples (|x| at or beyond full scale: {@code >= 1 -
 * quantum}, since 16-bit PCM tops out at 32767/32768), and the count of NaN/Inf samples with the
 * first frame holding one (-1 when none).
 */
public record SignalStats(double peak, double rms, double dc, long clipped, long nonFinite,
        long firstNonFiniteFrame) {

    /** Any thread. The statistics of {@code channels} taken together ({@code quantum}: 1 LSB). */
    public static SignalStats of(double[][] channels, double quantum) {
        double peak = 0;
        double sum = 0;
        double sumSq = 0;
        long finite = 0;
        long clipped = 0;
        long nonFinite = 0;
        long first = -1;
        double full = 1 - quantum;
        for (double[] x : channels) {
            for (int i = 0; i < x.length; i++) {
                double v = x[i];
                if (!Double.isFinite(v)) {
                    nonFinite++;
                    first = first < 0 ? i : Math.min(first, i);
                    continue;
                }
                double a = Math.abs(v);
                peak = Math.max(peak, a);
                sum += v;
                sumSq += v * v;
                finite++;
                if (a >= full) {
                    clipped++;
                }
            }
        }
        double rms = finite == 0 ? 0 : Math.sqrt(sumSq / finite);
        double dc = finite == 0 ? 0 : sum / finite;
        return new SignalStats(peak, rms, dc, clipped, nonFinite, first);
    }

    /** Any thread. {@code linear} in dBFS; negative infinity for 0. */
    public static double dbfs(double linear) {
        return 20 * Math.log10(linear);
    }
}
