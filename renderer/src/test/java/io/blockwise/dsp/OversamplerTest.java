package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The oversampler: filter specs, passband, latency, aliasing reduction, block independence. */
class OversamplerTest {
    private static final int[] FACTORS = {2, 4, 8, 16};

    /** Runs {@code x} through up, an optional per-sample shaper, and down, in blocks. */
    static double[] roundTrip(Oversampler os, double[] x, int block, Clipper shaper, double drive) {
        double[] y = new double[x.length];
        double[] up = new double[block * os.factor()];
        for (int off = 0; off < x.length; off += block) {
            int len = Math.min(block, x.length - off);
            os.upsample(x, off, len, up);
            if (shaper != null) {
                for (int i = 0; i < len * os.factor(); i++) {
                    up[i] = shaper.shape(drive * up[i]);
                }
            }
            os.downsample(up, y, off, len);
        }
        return y;
    }

    @Test
    void everyHalfBandStageIsAtLeastOneHundredDecibelsDownInItsStopband() {
        Oversampler os = new Oversampler(16, 64);
        double[][] phases = os.evenPhases();
        for (int s = 0; s < phases.length; s++) {
            double[] h = HalfbandDesign.fullTaps(phases[s]);
            double pass = (20000.0 / 44100.0) / (2 << s);
            double worstStop = 0, worstPass = 0;
            for (int i = 0; i <= 8000; i++) {
                double stopF = (0.5 - pass) + pass * i / 8000;
                worstStop = Math.max(worstStop, dtft(h, stopF));
                double passF = pass * i / 8000;
                worstPass = Math.max(worstPass, Math.abs(DspTestSupport.db(dtft(h, passF))));
            }
            System.out.printf("half-band stage %d: %d taps, stopband %.1f dB, passband ripple %.2e dB%n",
                    s, h.length, -DspTestSupport.db(worstStop), worstPass);
            assertTrue(DspTestSupport.db(worstStop) <= -100, "stage " + s + " stopband " + DspTestSupport.db(worstStop));
            assertTrue(worstPass < 0.001, "stage " + s + " passband " + worstPass + " dB");
        }
    }

    /** |sum_n h[n] e^{-j 2 pi f n}| at {@code f} cycles per sample (the definition). */
    private static double dtft(double[] h, double f) {
        double re = 0, im = 0;
        for (int n = 0; n < h.length; n++) {
            re += h[n] * Math.cos(2 * Math.PI * f * n);
            im -= h[n] * Math.sin(2 * Math.PI * f * n);
        }
        return Math.hypot(re, im);
    }

    @Test
    void sinesUpToEighteenKilohertzPassUpAndDownWithinATenthOfADecibel() {
        int[][] cases = {{48000, 1000}, {48000, 18000}, {48000, 20000}, {44100, 1000}, {44100, 18000}, {44100, 20000}};
        for (int factor : FACTORS) {
            for (int[] c : cases) {
                int sr = c[0];
                double hz = c[1];
                Oversampler os = new Oversampler(factor, 100);
                double[] y = roundTrip(os, DspTestSupport.sine(hz, 0.5, sr, sr), 100, null, 1);
                // Whole cycles of the tone well after the start: hz * frames / sr an integer.
                int frames = sr / 10;
                double gain = DspTestSupport.amplitudeAt(y, sr - frames, sr, hz, sr) / 0.5;
                assertEquals(0, DspTestSupport.db(gain), 0.1, factor + "x, " + hz + " Hz at " + sr);
            }
        }
    }

    @Test
    void anImpulseComesBackCentredOnTheReportedLatency() {
        for (int factor : FACTORS) {
            Oversampler os = new Oversampler(factor, 77);
            int at = 300, frames = 1000;
            double[] x = new double[frames];
            x[at] = 1;
            double[] y = roundTrip(os, x, 77, null, 1);
            int peak = 0;
            for (int n = 1; n < frames; n++) {
                if (Math.abs(y[n]) > Math.abs(y[peak])) {
                    peak = n;
                }
            }
            int latency = os.latencyFrames();
            assertEquals(at + latency, peak, factor + "x: peak of the round trip");
            // Linear phase: the response is symmetric about its peak, so the delay is exactly it.
            for (int k = 1; k < 200; k++) {
                assertEquals(y[peak - k], y[peak + k], 1e-9, factor + "x symmetric at +-" + k);
            }
            // The phase delay of a 100 Hz tone (period 480 frames, longer than any latency, so
            // the phase is unambiguous) agrees.
            double[] tone = DspTestSupport.sine(100, 0.5, 48000, 48000);
            os.reset();
            double[] out = roundTrip(os, tone, 77, null, 1);
            double delayFrames = phaseDelayFrames(tone, out, 100, 48000);
            assertEquals(latency, delayFrames, 0.01, factor + "x phase delay at 100 Hz");
            System.out.printf("oversampling %2dx: latency %d frames (%.3f ms at 48 kHz)%n",
                    factor, latency, latency * 1000.0 / 48000);
        }
    }

    /** Delay of {@code y} against {@code x} at {@code hz}, from the phase of their DFT bins. */
    private static double phaseDelayFrames(double[] x, double[] y, double hz, int sr) {
        int from = sr / 2, to = sr;
        double px = phase(x, from, to, hz, sr), py = phase(y, from, to, hz, sr);
        double d = px - py;
        while (d < 0) {
            d += 2 * Math.PI;
        }
        return d / (2 * Math.PI * hz) * sr;
    }

    private static double phase(double[] x, int from, int to, double hz, int sr) {
        double re = 0, im = 0;
        for (int n = from; n < to; n++) {
            re += x[n] * Math.cos(2 * Math.PI * hz * n / sr);
            im -= x[n] * Math.sin(2 * Math.PI * hz * n / sr);
        }
        return Math.atan2(im, re);
    }

    /** Energy of DFT bins below 18 kHz that are not harmonics of 5 kHz. */
    private static double aliasEnergy(double[] y, int from, int n, int sr) {
        double e = 0;
        double binHz = (double) sr / n;
        for (int k = 1; k * binHz < 18000; k++) {
            if (Math.round(k * binHz) % 5000 == 0) {
                continue;
            }
            double m = DspTestSupport.dftMagnitude(y, from, from + n, k * binHz, sr);
            e += m * m;
        }
        return e;
    }

    @Test
    void sixteenTimesOversampledHardClippingHasThirtyDecibelsLessAliasingThanNone() {
        int sr = 48000;
        double drive = 4;
        double[] x = DspTestSupport.sine(5000, 0.9, sr, sr / 2);
        double[] direct = new double[x.length];
        for (int n = 0; n < x.length; n++) {
            direct[n] = Clipper.HARD.shape(drive * x[n]);
        }
        double[] over = roundTrip(new Oversampler(16, 128), x, 128, Clipper.HARD, drive);
        // 9600 frames = 1000 cycles of 5 kHz: every harmonic and alias falls on a bin.
        int from = 4800, n = 9600;
        double e1 = aliasEnergy(direct, from, n, sr);
        double e16 = aliasEnergy(over, from, n, sr);
        double gain = 10 * Math.log10(e1 / e16);
        System.out.printf("aliasing below 18 kHz: 1x %.1f dB, 16x %.1f dB (relative to full scale), %.1f dB less%n",
                10 * Math.log10(e1 / (n * n / 4.0)), 10 * Math.log10(e16 / (n * n / 4.0)), gain);
        assertTrue(gain >= 30, "aliasing reduced by only " + gain + " dB");
    }

    @Test
    void theOutputDoesNotDependOnHowTheSignalIsCutIntoBlocks() {
        SplittableRandom random = new SplittableRandom(5);
        double[] x = new double[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble(-1, 1);
        }
        for (int factor : FACTORS) {
            double[] whole = roundTrip(new Oversampler(factor, 5000), x, 5000, Clipper.SOFT, 3);
            Oversampler os = new Oversampler(factor, 300);
            double[] y = new double[x.length];
            double[] up = new double[300 * factor];
            for (int off = 0; off < x.length; ) {
                int len = Math.min(1 + random.nextInt(300), x.length - off);
                os.upsample(x, off, len, up);
                for (int i = 0; i < len * factor; i++) {
                    up[i] = Clipper.SOFT.shape(3 * up[i]);
                }
                os.downsample(up, y, off, len);
                off += len;
            }
            assertArrayEquals(whole, y, 0.0, factor + "x");
        }
    }

    @Test
    void resetClearsTheHistoryAndOnlyPowersOfTwoUpToSixteenAreAccepted() {
        Oversampler os = new Oversampler(8, 64);
        double[] x = DspTestSupport.sine(3000, 0.5, 48000, 640);
        double[] first = roundTrip(os, x, 64, null, 1);
        os.reset();
        assertArrayEquals(first, roundTrip(os, x, 64, null, 1), 0.0);
        assertThrows(IllegalArgumentException.class, () -> new Oversampler(3, 64));
        assertThrows(IllegalArgumentException.class, () -> new Oversampler(32, 64));
        assertThrows(IllegalArgumentException.class, () -> new Oversampler(1, 64));
        assertThrows(IllegalArgumentException.class, () -> new Oversampler(2, 0));
        assertEquals("oversampler", os.kind());
    }
}
