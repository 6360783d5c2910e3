package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PitchShifterTest {
    static final int RATE = 48000;
    static final int BLOCK = 128;

    static double[] sine(double hz, double amp, int frames) {
        double[] x = new double[frames];
        for (int n = 0; n < frames; n++) {
            x[n] = amp * Math.sin(2 * Math.PI * hz * n / RATE);
        }
        return x;
    }

    static double[] run(PitchShifter shifter, double[] input, int block) {
        double[] buf = input.clone();
        for (int off = 0; off < buf.length; off += block) {
            shifter.process(buf, off, Math.min(block, buf.length - off));
        }
        return buf;
    }

    static double rms(double[] x, int from, int len) {
        double s = 0;
        for (int i = from; i < from + len; i++) {
            s += x[i] * x[i];
        }
        return Math.sqrt(s / len);
    }

    static Stream<Arguments> shifts() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (double hz : new double[] {110, 220, 440, 1000}) {
            for (int semis : new int[] {-12, -5, -1, 3, 7, 12}) {
                b.add(Arguments.of(hz, semis));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} Hz shifted by {1} semitones")
    @MethodSource("shifts")
    void shiftsASineToWithinOneCentOfTheEqualTemperedRatio(double hz, int semitones) {
        PitchShifter shifter = new PitchShifter(semitones, RATE, BLOCK);
        double[] out = run(shifter, sine(hz, 0.5, 48000), BLOCK);
        double expected = hz * Math.pow(2, semitones / 12.0);
        // A steady stretch: past the latency and two full frames of start-up.
        int from = shifter.latencyFrames() + 2 * PitchShifter.FFT_SIZE;
        int len = 32768;
        double measured = FrequencyMeter.measure(out, from, len, RATE, expected * 0.97, expected * 1.03);
        double error = FrequencyMeter.cents(measured, expected);
        double residualDb = residualDb(out, from, len, measured);
        System.out.printf("pitch %6.1f Hz %+3d st: expected %9.4f measured %9.4f error %+.5f cents, gain %+.3f dB,"
                        + " residual %.1f dB%n", hz, semitones, expected, measured, error,
                20 * Math.log10(rms(out, from, len) / (0.5 / Math.sqrt(2))), residualDb);
        assertEquals(0, error, 1.0, "measured " + measured + " Hz for " + expected + " Hz");
        // A stationary sine keeps its level (the overlap-add is normalised at every ratio).
        assertEquals(0.5 / Math.sqrt(2), rms(out, from, len), 0.5 / Math.sqrt(2) * 0.06);
        // And comes out as a sine: what a least-squares sinusoid at that frequency leaves is small.
        assertTrue(residualDb < -40, "residual " + residualDb + " dB");
    }

    /** Energy left after subtracting the least-squares sinusoid at {@code hz}, relative to the signal, in dB. */
    static double residualDb(double[] x, int from, int len, double hz) {
        double ss = 0, sc = 0, cc = 0, xs = 0, xc = 0, xx = 0;
        for (int n = from; n < from + len; n++) {
            double s = Math.sin(2 * Math.PI * hz * n / RATE), c = Math.cos(2 * Math.PI * hz * n / RATE);
            ss += s * s;
            sc += s * c;
            cc += c * c;
            xs += x[n] * s;
            xc += x[n] * c;
            xx += x[n] * x[n];
        }
        double det = ss * cc - sc * sc;
        double a = (xs * cc - xc * sc) / det, b = (xc * ss - xs * sc) / det;
        double res = 0;
        for (int n = from; n < from + len; n++) {
            double e = x[n] - a * Math.sin(2 * Math.PI * hz * n / RATE) - b * Math.cos(2 * Math.PI * hz * n / RATE);
            res += e * e;
        }
        return 10 * Math.log10(res / xx);
    }

    @Test
    void shiftsEachPartialOfATwoToneChordAt44100() {
        int rate = 44100;
        double[] in = new double[rate];
        for (int n = 0; n < in.length; n++) {
            in[n] = 0.3 * Math.sin(2 * Math.PI * 196 * n / rate) + 0.2 * Math.sin(2 * Math.PI * 587.33 * n / rate + 1);
        }
        PitchShifter shifter = new PitchShifter(-5, rate, 64);
        double[] out = in.clone();
        for (int off = 0; off < out.length; off += 64) {
            shifter.process(out, off, Math.min(64, out.length - off));
        }
        double r = Math.pow(2, -5 / 12.0);
        int from = shifter.latencyFrames() + 2 * PitchShifter.FFT_SIZE;
        for (double f : new double[] {196, 587.33}) {
            double measured = FrequencyMeter.measure(out, from, 32768, rate, f * r * 0.97, f * r * 1.03);
            assertEquals(0, FrequencyMeter.cents(measured, f * r), 1.0, "partial " + f + " Hz");
        }
    }

    @Test
    void atZeroSemitonesTheOutputIsTheInputDelayedByExactlyTheLatency() {
        PitchShifter shifter = new PitchShifter(0, RATE, BLOCK);
        double[] in = new double[30000];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < in.length; i++) {
            in[i] = random.nextDouble(-0.5, 0.5);
        }
        double[] out = run(shifter, in, BLOCK);
        int d = shifter.latencyFrames();
        // Steady state: every sample is covered by four full frames.
        for (int t = 2 * PitchShifter.FFT_SIZE; t + d < in.length; t++) {
            assertEquals(in[t], out[t + d], 1e-9, "sample " + t);
        }
        // And the cross-correlation peaks at that lag and nowhere else.
        int bestLag = -1;
        double best = -1;
        for (int lag = 0; lag < 4 * PitchShifter.FFT_SIZE; lag++) {
            double c = 0;
            for (int t = 2 * PitchShifter.FFT_SIZE; t < 2 * PitchShifter.FFT_SIZE + 8192; t++) {
                c += in[t] * out[t + lag];
            }
            if (c > best) {
                best = c;
                bestLag = lag;
            }
        }
        assertEquals(d, bestLag);
    }

    @ParameterizedTest(name = "{0} semitones")
    @MethodSource("latencyShifts")
    void aToneBurstComesOutCentredLatencyFramesLater(int semitones) {
        PitchShifter shifter = new PitchShifter(semitones, RATE, BLOCK);
        int length = 8192, centre = 12000;
        double[] in = new double[40000];
        for (int n = 0; n < length; n++) {
            double env = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / length);
            int t = centre - length / 2 + n;
            in[t] = 0.5 * env * Math.sin(2 * Math.PI * 500 * t / RATE);
        }
        double[] out = run(shifter, in, BLOCK);
        double sum = 0, weighted = 0;
        for (int t = 0; t < out.length; t++) {
            sum += out[t] * out[t];
            weighted += t * out[t] * out[t];
        }
        double measured = weighted / sum - centre;
        System.out.printf("latency %+3d st: latencyFrames %d, burst centroid delayed %.2f%n",
                semitones, shifter.latencyFrames(), measured);
        assertEquals(shifter.latencyFrames(), measured, 4.0);
    }

    static Stream<Integer> latencyShifts() {
        return Stream.of(-24, -12, -5, 0, 3, 7, 12, 24);
    }

    @Test
    void theOutputDoesNotDependOnHowTheInputIsSplitIntoBlocks() {
        double[] in = sine(330, 0.4, 20000);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < in.length; i++) {
            in[i] += random.nextDouble(-0.05, 0.05);
        }
        double[] reference = run(new PitchShifter(5, RATE, 1000), in, 1000);
        for (int block : new int[] {1, 7, 128, 999}) {
            assertArrayEquals(reference, run(new PitchShifter(5, RATE, 1000), in, block), "block " + block);
        }
        assertTrue(rms(reference, 10000, 8000) > 0.1, "the shifter produced sound");
    }

    @Test
    void resetMakesItBehaveLikeAFreshInstance() {
        double[] in = sine(250, 0.5, 12000);
        PitchShifter used = new PitchShifter(-7, RATE, BLOCK);
        run(used, sine(777, 0.3, 7001), BLOCK);
        used.reset();
        assertArrayEquals(run(new PitchShifter(-7, RATE, BLOCK), in, BLOCK), run(used, in, BLOCK));
    }

    @ParameterizedTest(name = "{0} semitones")
    @ValueSource(ints = {-24, -12, 7, 24})
    void processingFiveHundredBlocksOfAFreshInstanceAllocatesNothing(int semitones) {
        double[] buf = sine(440, 0.5, BLOCK);
        // Prime the JVM (class loading, linking) on a throwaway instance, not the one measured.
        PitchShifter throwaway = new PitchShifter(semitones, RATE, BLOCK);
        for (int b = 0; b < 50; b++) {
            throwaway.process(buf, 0, BLOCK);
        }
        PitchShifter shifter = new PitchShifter(semitones, RATE, BLOCK);
        double[] block = new double[BLOCK];
        ThreadAllocation.internStringConstants(PitchShifter.class, PhaseLockedVocoder.class, GrainResampler.class,
                org.jtransforms.fft.DoubleFFT_1D.class, org.jtransforms.utils.CommonUtils.class,
                pl.edu.icm.jlargearrays.ConcurrencyUtils.class, java.util.Arrays.class);
        ThreadAllocation.bytes();
        long before = ThreadAllocation.bytes();
        for (int b = 0; b < 500; b++) {
            System.arraycopy(buf, 0, block, 0, BLOCK);
            shifter.process(block, 0, BLOCK);
        }
        shifter.reset();
        long after = ThreadAllocation.bytes();
        assertEquals(0, after - before, "bytes allocated by 500 blocks and a reset");
    }

    @Test
    void sizeIsDeterministicAndCountsItsArrays() {
        PitchShifter a = new PitchShifter(3, RATE, BLOCK);
        PitchShifter b = new PitchShifter(3, 44100, 64);
        assertEquals(a.bytes(), b.bytes());
        // At least the input ring, four spectra and the doubled grain.
        assertTrue(a.bytes() > 8L * (2048 + 4 * 1026 + 4096));
    }

    @Test
    void refusesShiftsOutsideTheFormatsRange() {
        assertThrows(IllegalArgumentException.class, () -> new PitchShifter(25, RATE, BLOCK));
        assertThrows(IllegalArgumentException.class, () -> new PitchShifter(Double.NaN, RATE, BLOCK));
        assertThrows(IllegalArgumentException.class, () -> new PitchShifter(1, 0, BLOCK));
    }
}
