package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The split transform against the textbook DFT, and its inverse against the input. */
class SplitRealFftTest {

    @ParameterizedTest(name = "size {0}, depth {1}")
    @CsvSource({"256, 0", "256, 1", "256, 3", "512, 5", "64, 4"})
    void theForwardTransformIsTheDftInPackedLayout(int size, int depth) {
        double[] x = DirectConvolution.noise(size + depth, size);
        SplitRealFft fft = new SplitRealFft(size, depth, new DoubleFFT_1D(size >> depth));
        double[] packed = new double[size];
        fft.forwardAll(x, packed);
        for (int k = 0; k <= size / 2; k++) {
            double re = 0, im = 0;
            for (int n = 0; n < size; n++) {
                double phase = -2 * Math.PI * (long) k * n / size;
                re += x[n] * Math.cos(phase);
                im += x[n] * Math.sin(phase);
            }
            if (k == 0) {
                assertEquals(re, packed[0], 1e-9, "Re X[0]");
            } else if (k == size / 2) {
                assertEquals(re, packed[1], 1e-9, "Re X[n/2]");
            } else {
                assertEquals(re, packed[2 * k], 1e-9, "Re X[" + k + "]");
                assertEquals(im, packed[2 * k + 1], 1e-9, "Im X[" + k + "]");
            }
        }
    }

    @ParameterizedTest(name = "size {0}, depth {1}")
    @CsvSource({"256, 0", "256, 2", "1024, 4"})
    void splittingAndInvertingGivesBackTheSecondHalfOfTheInput(int size, int depth) {
        double[] x = DirectConvolution.noise(7, size);
        SplitRealFft fft = new SplitRealFft(size, depth, new DoubleFFT_1D(size >> depth));
        double[] spectrum = new double[size];
        fft.forwardAll(x, spectrum);
        for (int j = 0; j < depth; j++) {
            for (int blk = 0; blk < (1 << j); blk++) {
                fft.split(j, blk, 0, fft.passLength(j), spectrum);
            }
        }
        double[] ring = new double[size];
        for (int b = 0; b < (1 << depth); b++) {
            fft.inverseLeafAddSecondHalf(b, spectrum, ring, size - 1, 0);
        }
        for (int i = 0; i < size; i++) {
            assertEquals(i < size / 2 ? 0.0 : x[i], ring[i], 1e-12, "sample " + i);
        }
    }
}
