package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.rt.Resource;
import io.blockwise.rt.Retirer;
import org.junit.jupiter.api.Test;

/**
 * The cabinet's crossfades, retirement timing, gain and bypass, against analytic mixes of direct
 * convolutions computed here.
 */
class CabinetTest {
    private static final int RATE = 48000;
    private static final double TOLERANCE = 1e-9;

    /** Records (block, resource) for every retire, into preallocated arrays: never allocates. */
    static final class RecordingRetirer implements Retirer {
        final Resource[] resources = new Resource[64];
        final int[] blocks = new int[64];
        int count;
        int block;

        @Override
        public void retire(Resource resource) {
            resources[count] = resource;
            blocks[count] = block;
            count++;
        }

        int timesRetired(Resource r) {
            int n = 0;
            for (int i = 0; i < count; i++) {
                n += resources[i] == r ? 1 : 0;
            }
            return n;
        }
    }

    /** The input a convolver installed at frame {@code from} hears: nothing before it. */
    private static double[] from(double[] x, int from) {
        double[] y = x.clone();
        java.util.Arrays.fill(y, 0, from, 0.0);
        return y;
    }

    private static double[] ir(long seed) {
        return DirectConvolution.noise(seed, 3000);
    }

    /** Processes {@code blocks} blocks of {@code x} from block {@code first}, recording output. */
    private static void run(Cabinet cab, RecordingRetirer r, double[] x, double[] y, int block, int first, int blocks) {
        double[] buf = new double[block];
        for (int b = first; b < first + blocks; b++) {
            r.block = b;
            System.arraycopy(x, b * block, buf, 0, block);
            cab.process(buf, 0, block);
            System.arraycopy(buf, 0, y, b * block, block);
        }
    }

    @Test
    void theOldConvolverIsRetiredExactlyInTheBlockTheFadeEnds() {
        RecordingRetirer r = new RecordingRetirer();
        Cabinet cab = new Cabinet(RATE, 128, r);
        double[] x = DirectConvolution.noise(1, 128 * 12);
        double[] y = new double[x.length];
        Convolver a = new Convolver(ir(2), 128);
        Convolver b = new Convolver(ir(3), 128);
        cab.install(a, 0);
        run(cab, r, x, y, 128, 0, 3);
        r.block = 3;
        cab.install(b, 300); // frames 384 .. 683: the last one is in block 683 / 128 = 5
        run(cab, r, x, y, 128, 3, 2);
        assertEquals(0, r.count, "still fading at the end of block 4");
        assertSame(a, cab.fadingOut());
        run(cab, r, x, y, 128, 5, 3);
        assertEquals(1, r.count);
        assertSame(a, r.resources[0]);
        assertEquals(5, r.blocks[0]);
        assertSame(b, cab.current());
        assertNull(cab.fadingOut());
    }

    @Test
    void crossfadeOutputEqualsTheAnalyticMixOfTheTwoConvolutions() {
        RecordingRetirer r = new RecordingRetirer();
        int block = 100;
        Cabinet cab = new Cabinet(RATE, block, r);
        double[] irA = ir(4);
        double[] irB = ir(5);
        double[] x = DirectConvolution.noise(6, block * 30);
        double[] y = new double[x.length];
        cab.install(new Convolver(irA, block), 0);
        run(cab, r, x, y, block, 0, 10);
        cab.install(new Convolver(irB, block), 250);
        run(cab, r, x, y, block, 10, 20);
        double[] ya = DirectConvolution.convolve(x, irA);
        double[] yb = DirectConvolution.convolve(from(x, 1000), irB); // B starts empty at frame 1000
        for (int n = 0; n < x.length; n++) {
            double expected;
            if (n < 1000) {
                expected = ya[n];
            } else if (n < 1250) {
                double w = (n - 1000 + 1) / 250.0; // frame i of the fade weighs (i + 1) / frames
                expected = (1 - w) * ya[n] + w * yb[n];
            } else {
                expected = yb[n];
            }
            assertEquals(expected, y[n], TOLERANCE, "frame " + n);
        }
    }

    @Test
    void aSwapDuringAFadeWaitsForItsEndAndALaterSwapReplacesTheWaitingOneUnheard() {
        RecordingRetirer r = new RecordingRetirer();
        int block = 64;
        Cabinet cab = new Cabinet(RATE, block, r);
        double[] irA = ir(7);
        double[] irB = ir(8);
        double[] irD = ir(16);
        double[] x = DirectConvolution.noise(10, block * 24);
        double[] y = new double[x.length];
        Convolver a = new Convolver(irA, block);
        Convolver b = new Convolver(irB, block);
        Convolver c = new Convolver(ir(9), block);
        Convolver d = new Convolver(irD, block);
        cab.install(a, 0);
        run(cab, r, x, y, block, 0, 2);
        r.block = 2;
        cab.install(b, 1000); // frames 128 .. 1127: the last one is in block 17
        run(cab, r, x, y, block, 2, 1);
        r.block = 3;
        cab.install(c, 100); // during the fade: waits
        assertEquals(0, r.count);
        assertSame(c, cab.queued());
        run(cab, r, x, y, block, 3, 1);
        r.block = 4;
        cab.install(d, 100); // replaces c, which was never heard
        assertEquals(1, r.count);
        assertSame(c, r.resources[0]);
        assertEquals(4, r.blocks[0]);
        assertSame(d, cab.queued());
        run(cab, r, x, y, block, 4, 20);
        // a leaves when the first fade ends (frame 1127, block 17); d then fades in from the next
        // frame, 1128 .. 1227 (block 19), and b leaves at its end.
        assertEquals(3, r.count);
        assertSame(a, r.resources[1]);
        assertEquals(17, r.blocks[1]);
        assertSame(b, r.resources[2]);
        assertEquals(19, r.blocks[2]);
        assertSame(d, cab.current());
        assertNull(cab.fadingOut());
        assertNull(cab.queued());
        double[] ya = DirectConvolution.convolve(x, irA);
        double[] yb = DirectConvolution.convolve(from(x, 128), irB);
        double[] yd = DirectConvolution.convolve(from(x, 1128), irD);
        for (int n = 128; n < x.length; n++) {
            double expected;
            if (n < 1128) {
                double w = (n - 128 + 1) / 1000.0;
                expected = (1 - w) * ya[n] + w * yb[n];
            } else {
                double w = Math.min(1.0, (n - 1128 + 1) / 100.0);
                expected = (1 - w) * yb[n] + w * yd[n];
            }
            assertEquals(expected, y[n], TOLERANCE, "frame " + n);
        }
    }

    @Test
    void aSwapOfZeroFramesDuringAFadeSwitchesAtOnceAndRetiresEverythingElse() {
        RecordingRetirer r = new RecordingRetirer();
        int block = 64;
        Cabinet cab = new Cabinet(RATE, block, r);
        double[] irE = ir(17);
        double[] x = DirectConvolution.noise(18, block * 6);
        double[] y = new double[x.length];
        Convolver a = new Convolver(ir(19), block);
        Convolver b = new Convolver(ir(20), block);
        Convolver c = new Convolver(ir(21), block);
        Convolver e = new Convolver(irE, block);
        cab.install(a, 0);
        cab.install(b, 1000);
        cab.install(c, 100); // waiting
        r.block = 0;
        cab.install(e, 0);
        assertEquals(3, r.count, "the waiting, the fading-out and the fading-in convolvers");
        assertEquals(1, r.timesRetired(a));
        assertEquals(1, r.timesRetired(b));
        assertEquals(1, r.timesRetired(c));
        assertSame(e, cab.current());
        assertNull(cab.fadingOut());
        assertNull(cab.queued());
        run(cab, r, x, y, block, 0, 6);
        double[] ye = DirectConvolution.convolve(x, irE);
        for (int n = 0; n < x.length; n++) {
            assertEquals(ye[n], y[n], TOLERANCE, "frame " + n);
        }
    }

    @Test
    void clearFadesToTheDrySignalThenRetires() {
        RecordingRetirer r = new RecordingRetirer();
        int block = 128;
        Cabinet cab = new Cabinet(RATE, block, r);
        double[] irA = ir(11);
        double[] x = DirectConvolution.noise(12, block * 8);
        double[] y = new double[x.length];
        Convolver a = new Convolver(irA, block);
        cab.install(a, 0);
        run(cab, r, x, y, block, 0, 2);
        r.block = 2;
        cab.clear(200); // frames 256 .. 455: ends in block 3
        cab.clear(50); // already fading to dry: goes on unchanged
        run(cab, r, x, y, block, 2, 6);
        assertEquals(1, r.count);
        assertSame(a, r.resources[0]);
        assertEquals(3, r.blocks[0]);
        assertNull(cab.current());
        double[] ya = DirectConvolution.convolve(x, irA);
        for (int n = 256; n < x.length; n++) {
            double w = Math.min(1.0, (n - 256 + 1) / 200.0);
            assertEquals((1 - w) * ya[n] + w * x[n], y[n], TOLERANCE, "frame " + n);
        }
    }

    @Test
    void retireAllRetiresEachHeldConvolverExactlyOnce() {
        RecordingRetirer r = new RecordingRetirer();
        Cabinet cab = new Cabinet(RATE, 128, r);
        double[] x = DirectConvolution.noise(13, 128 * 4);
        double[] y = new double[x.length];
        Convolver a = new Convolver(ir(14), 128);
        Convolver b = new Convolver(ir(15), 128);
        cab.install(a, 0);
        run(cab, r, x, y, 128, 0, 1);
        cab.install(b, 10000);
        run(cab, r, x, y, 128, 1, 1);
        cab.retireAll();
        cab.retireAll();
        assertEquals(2, r.count);
        assertEquals(1, r.timesRetired(a));
        assertEquals(1, r.timesRetired(b));
        assertNull(cab.current());
        assertNull(cab.fadingOut());
    }

    @Test
    void gainGlidesLinearlyOnTheConvolvedSignal() {
        RecordingRetirer r = new RecordingRetirer();
        Cabinet cab = new Cabinet(RATE, 128, r);
        double[] irA = ir(16);
        double[] x = DirectConvolution.noise(17, 128 * 12);
        double[] y = new double[x.length];
        cab.install(new Convolver(irA, 128), 0);
        run(cab, r, x, y, 128, 0, 2);
        cab.setGain(0.5);
        run(cab, r, x, y, 128, 2, 10);
        double[] ya = DirectConvolution.convolve(x, irA);
        int ramp = (int) Math.round(RATE * LinearSmoother.DEFAULT_RAMP_SECONDS); // 960 frames
        for (int n = 256; n < x.length; n++) {
            int k = n - 256 + 1;
            double g = k >= ramp ? 0.5 : 1.0 - 0.5 * k / ramp;
            assertEquals(g * ya[n], y[n], TOLERANCE, "frame " + n);
        }
    }

    @Test
    void bypassCrossfadesToTheDrySignalOverTenMilliseconds() {
        RecordingRetirer r = new RecordingRetirer();
        Cabinet cab = new Cabinet(RATE, 128, r);
        double[] irA = ir(18);
        double[] x = DirectConvolution.noise(19, 128 * 12);
        double[] y = new double[x.length];
        cab.install(new Convolver(irA, 128), 0);
        run(cab, r, x, y, 128, 0, 2);
        cab.setBypassed(true);
        run(cab, r, x, y, 128, 2, 6);
        cab.setBypassed(false);
        run(cab, r, x, y, 128, 8, 4);
        double[] ya = DirectConvolution.convolve(x, irA);
        int ramp = (int) Math.round(RATE * Stage.BYPASS_RAMP_SECONDS); // 480 frames
        for (int n = 256; n < 1024; n++) {
            double w = Math.max(0.0, 1.0 - (n - 256 + 1) / (double) ramp);
            assertEquals(x[n] + w * (ya[n] - x[n]), y[n], TOLERANCE, "leaving, frame " + n);
        }
        for (int n = 1024; n < x.length; n++) {
            double w = Math.min(1.0, (n - 1024 + 1) / (double) ramp);
            // The convolver kept running while bypassed: its output is the full convolution.
            assertEquals(x[n] + w * (ya[n] - x[n]), y[n], TOLERANCE, "returning, frame " + n);
        }
    }

    @Test
    void withoutAConvolverTheCabinetPassesAudioThrough() {
        RecordingRetirer r = new RecordingRetirer();
        Cabinet cab = new Cabinet(RATE, 441, r);
        double[] x = DirectConvolution.noise(20, 441 * 3);
        double[] y = new double[x.length];
        cab.setGain(0.3);
        run(cab, r, x, y, 441, 0, 3);
        for (int n = 0; n < x.length; n++) {
            assertEquals(x[n], y[n], 0.0);
        }
        assertTrue(r.count == 0);
    }
}
