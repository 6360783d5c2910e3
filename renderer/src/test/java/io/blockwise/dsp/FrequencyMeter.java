package io.blockwise.dsp;

/**
 * Test instrument: the frequency of the strongest sinusoid in a stretch of signal, to a small
 * fraction of a cent. It maximises the magnitude of the Hann-windowed discrete-time Fourier
 * transform over a continuous frequency: a coarse grid at a quarter of the DFT bin spacing, then
 * a golden-section search around the best grid point. For a pure sine over many periods the peak
 * of the windowed transform sits at the sine's frequency (the negative-frequency image's leakage,
 * hundreds of bins away under a Hann window, moves it by far less than 0.001 cent), which
 * {@code FrequencyMeterTest} checks on sines of known frequency.
 */
final class FrequencyMeter {
    private FrequencyMeter() {
    }

    /**
     * The frequency in Hz of the strongest component between {@code lowHz} and {@code highHz} in
     * {@code x[from, from + len)}; NaN when the strongest point of the search grid is at an edge
     * of the range (no peak inside it).
     */
    static double measure(double[] x, int from, int len, double sampleRate, double lowHz, double highHz) {
        double[] windowed = new double[len];
        for (int n = 0; n < len; n++) {
            windowed[n] = x[from + n] * (0.5 - 0.5 * Math.cos(2 * Math.PI * n / len));
        }
        double step = sampleRate / len / 4;
        int points = (int) Math.ceil((highHz - lowHz) / step) + 1;
        int best = 0;
        double bestPower = -1;
        for (int i = 0; i < points; i++) {
            double p = power(windowed, (lowHz + i * step) / sampleRate);
            if (p > bestPower) {
                bestPower = p;
                best = i;
            }
        }
        if (best == 0 || best == points - 1) {
            return Double.NaN;
        }
        double a = (lowHz + (best - 1) * step) / sampleRate;
        double b = (lowHz + (best + 1) * step) / sampleRate;
        double g = (Math.sqrt(5) - 1) / 2;
        double c = b - g * (b - a), d = a + g * (b - a);
        double pc = power(windowed, c), pd = power(windowed, d);
        while (b - a > 1e-13) {
            if (pc > pd) {
                b = d;
                d = c;
                pd = pc;
                c = b - g * (b - a);
                pc = power(windowed, c);
            } else {
                a = c;
                c = d;
                pc = pd;
                d = a + g * (b - a);
                pd = power(windowed, d);
            }
        }
        return (a + b) / 2 * sampleRate;
    }

    /** |sum x[n] e^{-i 2 pi f n}|^2 for f in cycles per sample, with a renormalised phasor. */
    static double power(double[] x, double f) {
        double c = Math.cos(2 * Math.PI * f), s = Math.sin(2 * Math.PI * f);
        double zr = 1, zi = 0, re = 0, im = 0;
        for (int n = 0; n < x.length; n++) {
            re += x[n] * zr;
            im -= x[n] * zi;
            double t = zr * c - zi * s;
            zi = zr * s + zi * c;
            zr = t;
            if ((n & 1023) == 1023) {
                // Re-anchor the phasor exactly so rounding cannot accumulate.
                double phase = 2 * Math.PI * f * (n + 1);
                zr = Math.cos(phase);
                zi = Math.sin(phase);
            }
        }
        return re * re + im * im;
    }

    /** Cents from {@code reference} to {@code hz}. */
    static double cents(double hz, double reference) {
        return 1200 * Math.log(hz / reference) / Math.log(2);
    }
}
