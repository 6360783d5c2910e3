package io.blockwise.report;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Short-time magnitude spectra of a signal in dBFS: Hann frames of {@code size} points, hopped so
 * that the whole signal fits in at most {@code maxColumns} columns. Control thread.
 */
record Spectrogram(double[][] db, double columnSeconds, double binHz, double seconds) {

    static Spectrogram of(double[] x, int sampleRate, int size, int maxColumns) {
        int hop = Math.max(size / 4, (int) Math.ceil(x.length / (double) maxColumns));
        int columns = Math.max(1, (x.length + hop - 1) / hop);
        double[] window = new double[size];
        double norm = 0;
        for (int i = 0; i < size; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / size);
            norm += window[i];
        }
        DoubleFFT_1D fft = new DoubleFFT_1D(size);
        double[] frame = new double[size];
        double[][] db = new double[columns][size / 2];
        for (int c = 0; c < columns; c++) {
            int start = c * hop - size / 2;
            for (int i = 0; i < size; i++) {
                int k = start + i;
                frame[i] = k >= 0 && k < x.length ? x[k] * window[i] : 0;
            }
            fft.realForward(frame);
            for (int b = 1; b < size / 2; b++) {
                double re = frame[2 * b];
                double im = frame[2 * b + 1];
                double mag = 2 * Math.sqrt(re * re + im * im) / norm;
                db[c][b] = Math.max(-120, 20 * Math.log10(mag + 1e-12));
            }
            db[c][0] = Math.max(-120, 20 * Math.log10(Math.abs(frame[0]) / norm + 1e-12));
        }
        return new Spectrogram(db, hop / (double) sampleRate, sampleRate / (double) size, x.length / (double) sampleRate);
    }

    /** The cells as JFreeChart's {x[], y[], z[]} arrays: time, frequency, dB. */
    double[][] xyz() {
        int bins = db[0].length;
        int n = db.length * bins;
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] zs = new double[n];
        int k = 0;
        for (int c = 0; c < db.length; c++) {
            for (int b = 0; b < bins; b++, k++) {
                xs[k] = (c + 0.5) * columnSeconds;
                ys[k] = (b + 0.5) * binHz;
                zs[k] = db[c][b];
            }
        }
        return new double[][] {xs, ys, zs};
    }
}
