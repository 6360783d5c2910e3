package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TunerTest {

    static double[] sine(double hz, double amp, int rate, int frames) {
        double[] x = new double[frames];
        for (int n = 0; n < frames; n++) {
            x[n] = amp * Math.sin(2 * Math.PI * hz * n / rate + 0.4);
        }
        return x;
    }

    static TunerSnapshot feed(Tuner tuner, double[] x, int block) {
        for (int off = 0; off < x.length; off += block) {
            tuner.process(x, off, Math.min(block, x.length - off));
        }
        TunerSnapshot s = new TunerSnapshot();
        tuner.readings().read(s);
        return s;
    }

    static double cents(double hz, double reference) {
        return 1200 * Math.log(hz / reference) / Math.log(2);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {41, 82.41, 110, 440, 1300})
    void readsASineWithinOneCent(double hz) {
        for (int rate : new int[] {48000, 44100}) {
            Tuner tuner = new Tuner(rate, 128);
            TunerSnapshot s = feed(tuner, sine(hz, 0.5, rate, rate / 2), 128);
            double error = cents(s.hz(), hz);
            System.out.printf("tuner %7.2f Hz at %d: read %.5f Hz, error %+.4f cents, note %s%n",
                    hz, rate, s.hz(), error, s.noteName());
            assertEquals(0, error, 1.0, "read " + s.hz() + " Hz at rate " + rate);
        }
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {8000, 22050, 96000, 192000})
    void readsSinesWithinOneCentAtTheFormatsOtherRates(int rate) {
        for (double hz : new double[] {41, 110, 440, 1300}) {
            Tuner tuner = new Tuner(rate, 256);
            TunerSnapshot s = feed(tuner, sine(hz, 0.5, rate, rate / 2), 256);
            double error = cents(s.hz(), hz);
            System.out.printf("tuner %7.2f Hz at %d: read %.5f Hz, error %+.4f cents%n", hz, rate, s.hz(), error);
            assertEquals(0, error, 1.0, "read " + s.hz() + " Hz at rate " + rate);
        }
    }

    @Test
    void oneEstimateSeesTwoPeriodsOf41HzPlusTheWholeLagRange() {
        for (int rate : new int[] {8000, 44100, 48000, 192000}) {
            Tuner tuner = new Tuner(rate, 64);
            double period = rate / 41.0;
            assertTrue(tuner.analysisFrames() >= 3 * period, "rate " + rate + ": " + tuner.analysisFrames());
            assertEquals(Math.round(rate * 0.02), tuner.hopFrames());
        }
    }

    @Test
    void everyReadingOfASteadySineIsAccurateNotJustTheLast() {
        Tuner tuner = new Tuner(48000, 100);
        double[] x = sine(196, 0.3, 48000, 48000);
        TunerSnapshot s = new TunerSnapshot();
        long seen = 0;
        for (int off = 0; off < x.length; off += 100) {
            tuner.process(x, off, 100);
            tuner.readings().read(s);
            if (s.readingCount() > seen) {
                seen = s.readingCount();
                assertEquals(0, cents(s.hz(), 196), 1.0, "reading " + seen);
            }
        }
        // One reading per 20 ms hop once the 3,584-frame analysis buffer is full.
        assertEquals(48000 / 960 - 3, seen);
    }

    @Test
    void aDecayingHarmonicToneReadsItsFundamental() {
        // A plucked-string-like tone: 12 harmonics, 1/k amplitudes, higher ones decaying faster.
        int rate = 48000;
        double f0 = 82.41;
        SplittableRandom random = new SplittableRandom(11);
        double[] phases = new double[13];
        for (int k = 1; k <= 12; k++) {
            phases[k] = random.nextDouble() * 2 * Math.PI;
        }
        double[] x = new double[rate / 2];
        for (int n = 0; n < x.length; n++) {
            double t = (double) n / rate;
            for (int k = 1; k <= 12; k++) {
                x[n] += 0.4 / k * Math.exp(-t * (1 + k)) * Math.sin(2 * Math.PI * k * f0 * t + phases[k]);
            }
        }
        TunerSnapshot s = feed(new Tuner(rate, 256), x, 256);
        assertEquals("E2", s.noteName());
        assertEquals(0, cents(s.hz(), f0), 1.0, "read " + s.hz());
    }

    @Test
    void aStrongSecondHarmonicDoesNotFoolItAnOctaveUp() {
        int rate = 48000;
        double[] x = new double[rate / 2];
        for (int n = 0; n < x.length; n++) {
            x[n] = 0.2 * Math.sin(2 * Math.PI * 110 * n / rate) + 0.4 * Math.sin(2 * Math.PI * 220 * n / rate + 1)
                    + 0.1 * Math.sin(2 * Math.PI * 330 * n / rate + 2);
        }
        TunerSnapshot s = feed(new Tuner(rate, 128), x, 128);
        assertEquals(0, cents(s.hz(), 110), 1.0, "read " + s.hz());
    }

    @Test
    void aKarplusStrongPluckReadsTheLoopsPitch() {
        // Loop of N samples plus a two-point average (exactly half a sample of delay at every
        // frequency): the string sounds at rate / (N + 0.5).
        int rate = 48000, n = 300;
        double[] line = new double[n];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            line[i] = random.nextDouble(-0.5, 0.5);
        }
        double[] x = new double[rate / 2];
        int p = 0;
        double last = 0;
        for (int i = 0; i < x.length; i++) {
            double v = line[p];
            line[p] = 0.998 * 0.5 * (v + last);
            last = v;
            p = (p + 1) % n;
            x[i] = v;
        }
        TunerSnapshot s = feed(new Tuner(rate, 128), x, 128);
        assertEquals(0, cents(s.hz(), rate / (n + 0.5)), 1.0, "read " + s.hz());
    }

    @Test
    void silenceAndQuietSignalsBelowTheGateGiveNoNote() {
        int rate = 48000;
        assertEquals(0, feed(new Tuner(rate, 128), new double[rate / 2], 128).hz());
        // A sine at -55 dBFS RMS: clearly periodic, but gated.
        double quiet = Math.pow(10, -55 / 20.0) * Math.sqrt(2);
        TunerSnapshot s = feed(new Tuner(rate, 128), sine(440, quiet, rate, rate / 2), 128);
        assertEquals(0, s.hz());
        assertNull(s.noteName());
        // The same sine at -45 dBFS RMS passes the gate.
        double audible = Math.pow(10, -45 / 20.0) * Math.sqrt(2);
        assertEquals(0, cents(feed(new Tuner(rate, 128), sine(440, audible, rate, rate / 2), 128).hz(), 440), 1.0);
        // White noise at -60 dBFS RMS.
        double[] noise = new double[rate / 2];
        SplittableRandom random = new SplittableRandom(9);
        double amp = Math.pow(10, -60 / 20.0) * Math.sqrt(3);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextDouble(-amp, amp);
        }
        assertEquals(0, feed(new Tuner(rate, 128), noise, 128).hz());
    }

    @Test
    void loudWhiteNoiseHasNoPitch() {
        double[] noise = new double[24000];
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextDouble(-0.5, 0.5);
        }
        Tuner tuner = new Tuner(48000, 128);
        TunerSnapshot s = new TunerSnapshot();
        for (int off = 0; off < noise.length; off += 128) {
            tuner.process(noise, off, Math.min(128, noise.length - off));
            tuner.readings().read(s);
            assertEquals(0, s.hz(), "reading " + s.readingCount());
        }
        assertTrue(s.readingCount() > 0);
    }

    @Test
    void readingsDoNotDependOnBlockSize() {
        double[] x = sine(147, 0.4, 48000, 20000);
        double reference = feed(new Tuner(48000, 1000), x, 1000).hz();
        for (int block : new int[] {1, 7, 128, 999}) {
            assertEquals(reference, feed(new Tuner(48000, 1000), x, block).hz(), 0.0, "block " + block);
        }
    }

    @Test
    void resetClearsTheNoteAndTheBuffer() {
        Tuner tuner = new Tuner(48000, 128);
        TunerSnapshot s = feed(tuner, sine(440, 0.5, 48000, 10000), 128);
        assertTrue(s.hasNote());
        long changes = s.changeCount();
        tuner.reset();
        tuner.readings().read(s);
        assertEquals(0, s.hz());
        assertEquals(changes + 1, s.changeCount());
        // After the reset, the old tone is gone: a new one reads alone as soon as the buffer fills.
        s = feed(tuner, sine(220, 0.5, 48000, tuner.analysisFrames() + 960), 128);
        assertEquals(0, cents(s.hz(), 220), 1.0);
    }

    @Test
    void processingAllocatesNothingIncludingEstimates() {
        double[] x = sine(330, 0.5, 48000, 128 * 500);
        Tuner throwaway = new Tuner(48000, 128);
        feed(throwaway, x, 128);
        Tuner tuner = new Tuner(48000, 128);
        ThreadAllocation.internStringConstants(Tuner.class, YinEstimator.class, TunerReadings.class,
                org.jtransforms.fft.DoubleFFT_1D.class, org.jtransforms.utils.CommonUtils.class,
                pl.edu.icm.jlargearrays.ConcurrencyUtils.class, java.util.Arrays.class);
        ThreadAllocation.bytes();
        long before = ThreadAllocation.bytes();
        for (int off = 0; off < x.length; off += 128) {
            tuner.process(x, off, 128);
        }
        long after = ThreadAllocation.bytes();
        assertEquals(0, after - before);
        TunerSnapshot s = new TunerSnapshot();
        tuner.readings().read(s);
        assertTrue(s.readingCount() > 50, "the estimator ran " + s.readingCount() + " times");
    }
}
