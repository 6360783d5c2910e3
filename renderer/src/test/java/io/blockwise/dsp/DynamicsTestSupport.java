package io.blockwise.dsp;

/** Signals and measurements for the compressor and gate tests. */
final class DynamicsTestSupport {
    static final int SR = 48000;
    static final double HZ = 1000;

    private DynamicsTestSupport() {
    }

    /** A 1 kHz sine whose level (dBFS, sine peak) is {@code levels[i]} from {@code starts[i]}. */
    static double[] steppedSine(int frames, int[] starts, double[] levels) {
        double[] x = new double[frames];
        int seg = 0;
        for (int n = 0; n < frames; n++) {
            while (seg + 1 < starts.length && n >= starts[seg + 1]) {
                seg++;
            }
            x[n] = Math.pow(10, levels[seg] / 20) * Math.sin(2 * Math.PI * HZ * n / SR);
        }
        return x;
    }

    /**
     * The applied gain in dB at every frame where it can be read exactly ({@code out / in} where
     * the input is at least 30% of its local peak); NaN elsewhere.
     */
    static double[] gainDb(double[] in, double[] out, double[] peakOf) {
        double[] g = new double[in.length];
        for (int n = 0; n < in.length; n++) {
            g[n] = Math.abs(in[n]) >= 0.3 * peakOf[n] ? 20 * Math.log10(out[n] / in[n]) : Double.NaN;
        }
        return g;
    }

    static double[] peaks(int frames, int[] starts, double[] levels) {
        double[] p = new double[frames];
        int seg = 0;
        for (int n = 0; n < frames; n++) {
            while (seg + 1 < starts.length && n >= starts[seg + 1]) {
                seg++;
            }
            p[n] = Math.pow(10, levels[seg] / 20);
        }
        return p;
    }

    /** First frame at or after {@code from} where the gain (dB) satisfies {@code below ? g <= v : g >= v}. */
    static int firstCrossing(double[] g, int from, double v, boolean below) {
        for (int n = from; n < g.length; n++) {
            if (!Double.isNaN(g[n]) && (below ? g[n] <= v : g[n] >= v)) {
                return n;
            }
        }
        return -1;
    }

    /** The first readable gain at or after frame {@code n}. */
    static double gainNear(double[] g, int n) {
        for (int i = n; i < g.length; i++) {
            if (!Double.isNaN(g[i])) {
                return g[i];
            }
        }
        throw new AssertionError("no readable gain after frame " + n);
    }

    /** The last readable gain. */
    static double lastGain(double[] g) {
        for (int i = g.length - 1; i >= 0; i--) {
            if (!Double.isNaN(g[i])) {
                return g[i];
            }
        }
        throw new AssertionError("no readable gain");
    }

    /** Output level in dBFS (sine-peak: RMS * sqrt 2) over the last {@code tail} frames. */
    static double levelDb(double[] y, int tail) {
        return DspTestSupport.db(Math.sqrt(2) * DspTestSupport.rms(y, y.length - tail, y.length));
    }
}
