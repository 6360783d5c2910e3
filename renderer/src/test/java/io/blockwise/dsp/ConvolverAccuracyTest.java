package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The convolver against a direct time-domain convolution: every IR length from a single tap to
 * 10 s at 48 kHz, every awkward block size, error energy at least 100 dB below the signal.
 */
class ConvolverAccuracyTest {
    private static final int[] BLOCKS = {1, 7, 128, 441, 4096};
    private static final double REQUIRED_DB = -100;

    /**
     * Input: dense random for the first 6000 frames (or the whole IR for short ones), then three
     * random bursts that straddle partition boundaries later on, then silence long enough for the
     * whole tail. Sparse on purpose: the direct reference costs (non-zero inputs) x (IR taps).
     */
    private static double[] input(int irLength, long seed) {
        int dense = Math.min(6000, Math.max(irLength, 300));
        int length = dense + 3 * 20000 + irLength + 500;
        double[] x = new double[length];
        double[] noise = DirectConvolution.noise(seed, length);
        System.arraycopy(noise, 0, x, 0, dense);
        SplittableRandom r = new SplittableRandom(seed + 1);
        for (int burst = 0; burst < 3; burst++) {
            int at = dense + burst * 20000 + r.nextInt(15000);
            for (int i = at; i < at + 300; i++) {
                x[i] = noise[i];
            }
        }
        return x;
    }

    @ParameterizedTest(name = "IR of {0} taps")
    @ValueSource(ints = {1, 100, 1000, 48000, 480000})
    void matchesDirectConvolutionForEveryBlockSize(int irLength) {
        double[] ir = DirectConvolution.noise(irLength * 31L + 7, irLength);
        double[] x = input(irLength, irLength);
        double[] reference = DirectConvolution.convolve(x, ir);
        double[] expected = java.util.Arrays.copyOf(reference, x.length);
        for (int block : BLOCKS) {
            Convolver c = new Convolver(ir, block);
            double db = DirectConvolution.errorDb(DirectConvolution.run(c, x, block), expected);
            assertTrue(db <= REQUIRED_DB, "IR " + irLength + " block " + block + ": error " + db + " dB");
        }
    }

    @Test
    void blocksOfVaryingLengthGiveTheSameResult() {
        double[] ir = DirectConvolution.noise(5, 30000);
        double[] x = input(ir.length, 6);
        double[] expected = java.util.Arrays.copyOf(DirectConvolution.convolve(x, ir), x.length);
        Convolver c = new Convolver(ir, 512);
        double[] y = new double[x.length];
        SplittableRandom r = new SplittableRandom(9);
        for (int off = 0; off < x.length; ) {
            int n = Math.min(1 + r.nextInt(512), x.length - off);
            c.process(x, y, off, n);
            off += n;
        }
        double db = DirectConvolution.errorDb(y, expected);
        assertTrue(db <= REQUIRED_DB, "error " + db + " dB");
    }

    /**
     * Zero latency: the first tap appears at the impulse's own frame. Before it the output is
     * silent up to FFT rounding (a whole aligned 64-frame chunk computes its head by FFT, whose
     * rounding, about 1e-16 of the signal, spreads over the chunk); one frame of latency would
     * put ir[0], of order 1, at the next frame instead.
     */
    @ParameterizedTest(name = "impulse at frame {0}, block {1}")
    @org.junit.jupiter.params.provider.CsvSource({"0, 441", "1, 441", "63, 441", "64, 128", "1000, 128",
            "16383, 7", "40001, 441", "40001, 128"})
    void anImpulseYieldsTheIrStartingAtTheSameFrame(int at, int block) {
        double[] ir = DirectConvolution.noise(11, 48000);
        double[] x = new double[at + ir.length + 10];
        x[at] = 1.0;
        double[] y = DirectConvolution.run(new Convolver(ir, block), x, block);
        for (int i = 0; i < at; i++) {
            assertEquals(0.0, y[i], 1e-14, "frame " + i + " before the impulse");
        }
        assertEquals(ir[0], y[at], 1e-14, "first tap exactly at the impulse's frame");
        for (int k = 0; k < ir.length; k++) {
            assertEquals(ir[k], y[at + k], 1e-12, "tap " + k);
        }
        for (int i = at + ir.length; i < y.length; i++) {
            assertEquals(0.0, y[i], 1e-12, "after the tail, frame " + i);
        }
    }

    @Test
    void aTenSecondIrAt192kHzIsConvolvedExactly() {
        double[] ir = DirectConvolution.noise(21, Convolver.MAX_IR_LENGTH);
        double[] x = new double[ir.length + 200000];
        x[5] = 1.0;
        x[70001] = -0.5;
        x[150000] = 0.25;
        Convolver c = new Convolver(ir, 4096);
        double[] expected = java.util.Arrays.copyOf(DirectConvolution.convolve(x, ir), x.length);
        double db = DirectConvolution.errorDb(DirectConvolution.run(c, x, 4096), expected);
        assertTrue(db <= REQUIRED_DB, c.plan() + ": error " + db + " dB");
    }

    @ParameterizedTest(name = "head {0}, largest hop {1}, leaf {2}")
    @org.junit.jupiter.params.provider.CsvSource({"8, 1024, 16", "16, 256, 32", "128, 65536, 256"})
    void otherPartitioningsAlsoMatchDirectConvolution(int head, int maxHop, int maxLeaf) {
        double[] ir = DirectConvolution.noise(head + maxHop, 20000);
        double[] x = input(ir.length, 3);
        double[] expected = java.util.Arrays.copyOf(DirectConvolution.convolve(x, ir), x.length);
        for (int block : new int[] {1, 100, 441}) {
            Convolver c = new Convolver(ir, block, head, maxHop, maxLeaf);
            double db = DirectConvolution.errorDb(DirectConvolution.run(c, x, block), expected);
            assertTrue(db <= REQUIRED_DB, c.plan() + " block " + block + ": error " + db + " dB");
        }
    }

    @Test
    void resetForgetsEarlierInput() {
        double[] ir = DirectConvolution.noise(3, 20000);
        double[] x = input(ir.length, 4);
        Convolver c = new Convolver(ir, 128);
        DirectConvolution.run(c, DirectConvolution.noise(99, 30000), 128);
        c.reset();
        double[] expected = java.util.Arrays.copyOf(DirectConvolution.convolve(x, ir), x.length);
        double db = DirectConvolution.errorDb(DirectConvolution.run(c, x, 128), expected);
        assertTrue(db <= REQUIRED_DB, "error " + db + " dB");
    }
}
