package io.blockwise.render;

/**
 * What the rendered output held, counted by the driver as it writes the WAV: the largest
 * absolute sample, how many samples reached full scale (|x| >= 1, clipped by a fixed-point
 * encoding) and how many were NaN or infinite. Control thread.
 */
public final class OutputStats {
    private double peak;
    private long clippedSamples;
    private long nonFiniteSamples;

    /** Control thread. Counts {@code buf[0, len)}. */
    void add(double[] buf, int len) {
        double p = peak;
        for (int i = 0; i < len; i++) {
            double a = Math.abs(buf[i]);
            if (!(a <= Double.MAX_VALUE)) {
                nonFiniteSamples++;
                continue;
            }
            if (a > p) {
                p = a;
            }
            if (a >= 1.0) {
                clippedSamples++;
            }
        }
        peak = p;
    }

    /** The largest finite |sample|. */
    public double peak() {
        return peak;
    }

    /** The peak in dBFS (-inf for silence). */
    public double peakDbfs() {
        return 20 * Math.log10(peak);
    }

    /** Samples with |x| >= 1. */
    public long clippedSamples() {
        return clippedSamples;
    }

    /** NaN or infinite samples. */
    public long nonFiniteSamples() {
        return nonFiniteSamples;
    }
}
