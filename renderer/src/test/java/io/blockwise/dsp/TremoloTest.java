package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Tremolo: the gain envelope's period is 1/rate, depth sets its extremes, phase starts at 0. */
class TremoloTest {
    private static final int SR = 48000;

    /** The gain over time: the stage applied to a constant 1. */
    private static double[] gain(double rate, double depth, double shape, int frames) {
        Stage t = DspTestSupport.build(StageType.TREMOLO, SR, 128, "rate", rate, "depth", depth, "shape", shape);
        double[] ones = new double[frames];
        Arrays.fill(ones, 1.0);
        return DspTestSupport.run(t, ones, 128);
    }

    @Test
    void theEnvelopePeriodIsOneOverTheRate() {
        for (double rate : new double[] {0.5, 3.7, 5, 19.3}) {
            for (double shape : new double[] {0, 0.5, 1}) {
                double[] g = gain(rate, 0.8, shape, 20 * SR);
                double mid = 1 - 0.8 / 2;
                // Upward crossings of the mid gain, interpolated between frames.
                double first = -1, last = -1;
                int count = 0;
                for (int n = 1; n < g.length; n++) {
                    if (g[n - 1] < mid && g[n] >= mid) {
                        double t = n - 1 + (mid - g[n - 1]) / (g[n] - g[n - 1]);
                        if (first < 0) {
                            first = t;
                        } else {
                            count++;
                        }
                        last = t;
                    }
                }
                double periodFrames = (last - first) / count;
                assertEquals(SR / rate, periodFrames, SR / rate * 1e-4, "rate " + rate + " shape " + shape);
            }
        }
    }

    @Test
    void depthSetsTheLowestGainToOneMinusDepthAndTheHighestToOne() {
        for (double depth : new double[] {0, 0.3, 1}) {
            for (double shape : new double[] {0, 0.4, 1}) {
                double[] g = gain(4, depth, shape, 2 * SR);
                double min = Arrays.stream(g).min().getAsDouble();
                double max = Arrays.stream(g).max().getAsDouble();
                assertEquals(1 - depth, min, 1e-6, "depth " + depth + " shape " + shape);
                assertEquals(1, max, 1e-6, "depth " + depth + " shape " + shape);
            }
        }
    }

    @Test
    void theLfoStartsAtPhaseZeroOnTheFirstFrameEveryTime() {
        double rate = 5, depth = 0.5;
        double[] g = gain(rate, depth, 0, SR);
        // Phase 0 is the LFO's rising zero crossing: mid gain; a quarter period later the top.
        assertEquals(1 - depth / 2, g[0], 1e-12);
        assertEquals(1, g[(int) (SR / rate / 4)], 1e-9);
        assertEquals(1 - depth, g[(int) (3 * SR / rate / 4)], 1e-9);
        assertArrayEquals(g, gain(rate, depth, 0, SR), 0.0);
    }

    @Test
    void shapeOneIsASquareWithSoftEdges() {
        double[] g = gain(2, 1, 1, 2 * SR);
        int nearExtremes = 0;
        for (double v : g) {
            if (v > 0.99 || v < 0.01) {
                nearExtremes++;
            }
        }
        // tanh(29 sin)/tanh(29) is within 2% of +-1 wherever |sin| > 0.079: 95% of the period
        // (a sine spends 13% there).
        assertEquals(0.95, nearExtremes / (double) g.length, 0.01);
        // ...but no step: the largest frame-to-frame change is far below the full swing.
        assertEquals(0, DspTestSupport.maxStep(g, 0, g.length), 0.05);
    }
}
