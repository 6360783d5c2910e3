package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PeakMeterTest {
    static final int RATE = 48000;

    /** The reading expected at the end of frame {@code e} after one sample {@code v} at frame {@code p}. */
    static double expected(double v, long p, long e, int hold) {
        if (e < p) {
            return 0;
        }
        long n = e - p - hold;
        return n <= 0 ? v : v * Math.pow(10, -20.0 * n / (20.0 * RATE));
    }

    @Test
    void aPeakIsHeldForOneSecondThenFallsAtTwentyDecibelsPerSecond() {
        for (int block : new int[] {1, 64, 1000}) {
            PeakMeter meter = new PeakMeter(RATE);
            int hold = meter.holdFrames();
            assertEquals(RATE, hold);
            double[] x = new double[RATE * 3];
            x[1000] = -0.5;
            for (int off = 0; off < x.length; off += block) {
                int len = Math.min(block, x.length - off);
                meter.process(x, off, len);
                long e = off + len - 1;
                double want = expected(0.5, 1000, e, hold);
                assertEquals(want, meter.peak(), want * 1e-9, "block " + block + " end frame " + e);
            }
            // Two seconds after the hold ended: 40 dB down.
            assertEquals(0.005, expected(0.5, 1000, 1000 + hold + 2 * RATE, hold), 1e-12);
        }
    }

    @Test
    void aLouderSampleTakesOverAndRestartsTheHoldButAQuieterOneDoesNot() {
        PeakMeter meter = new PeakMeter(RATE);
        double[] x = new double[RATE * 2];
        x[0] = 0.3;
        x[10000] = 0.2;  // quieter, inside the hold: ignored
        x[20000] = 0.6;  // louder: takes over, hold restarts at 20000
        for (int off = 0; off < x.length; off += 100) {
            meter.process(x, off, 100);
            long e = off + 99;
            double want = e < 20000 ? 0.3 : expected(0.6, 20000, e, meter.holdFrames());
            assertEquals(want, meter.peak(), want * 1e-9, "end frame " + e);
        }
    }

    @Test
    void theClipFlagSetsOnFullScaleAndClearsAfterTheHoldWithoutClipping() {
        PeakMeter meter = new PeakMeter(RATE);
        int hold = meter.holdFrames();
        double[] x = new double[RATE * 3];
        x[100] = 0.999999;   // not a clip
        x[5000] = -1.0;      // a clip (|x| >= 1)
        x[30000] = 1.7;      // another, which restarts the hold
        for (int off = 0; off < x.length; off += 50) {
            meter.process(x, off, 50);
            long e = off + 49;
            boolean want = (e >= 5000 && e < 5000 + hold) || (e >= 30000 && e < 30000 + hold);
            assertEquals(want, meter.isClipping(), "end frame " + e);
        }
        assertFalse(meter.isClipping());
    }

    @Test
    void theClipFlagClearsOnTheExactFrame() {
        PeakMeter meter = new PeakMeter(RATE);
        int hold = meter.holdFrames();
        double[] one = {1.0};
        double[] zero = {0.0};
        meter.process(one, 0, 1);
        assertTrue(meter.isClipping());
        for (int i = 1; i < hold; i++) {
            meter.process(zero, 0, 1);
            assertTrue(meter.isClipping(), "frame " + i);
        }
        meter.process(zero, 0, 1);
        assertFalse(meter.isClipping());
    }

    @Test
    void resetGoesBackToSilence() {
        PeakMeter meter = new PeakMeter(RATE);
        meter.process(new double[] {1.2, 0.3}, 0, 2);
        assertEquals(1.2, meter.peak());
        assertTrue(meter.isClipping());
        meter.reset();
        assertEquals(0, meter.peak());
        assertFalse(meter.isClipping());
    }

    @Test
    void meteringAllocatesNothing() {
        double[] buf = new double[128];
        for (int i = 0; i < buf.length; i++) {
            buf[i] = 1.1 * Math.sin(i * 0.1);
        }
        PeakMeter throwaway = new PeakMeter(RATE);
        for (int b = 0; b < 500; b++) {
            throwaway.process(buf, 0, 128);
            throwaway.peak();
            throwaway.isClipping();
        }
        PeakMeter meter = new PeakMeter(RATE);
        ThreadAllocation.internStringConstants(PeakMeter.class);
        ThreadAllocation.bytes();
        long before = ThreadAllocation.bytes();
        for (int b = 0; b < 500; b++) {
            meter.process(buf, 0, 128);
        }
        meter.reset();
        long after = ThreadAllocation.bytes();
        assertEquals(0, after - before);
    }
}
