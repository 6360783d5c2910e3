package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The resampler against sines generated analytically at the target rate. */
class SincResamplerTest {

    private static double[] sine(double hz, int rate, int frames) {
        double[] x = new double[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = 0.9 * StrictMath.sin(2 * StrictMath.PI * hz * i / rate);
        }
        return x;
    }

    /** Error energy relative to the reference's energy, in dB, over [from, to). */
    private static double errorDb(double[] actual, double[] reference, int from, int to) {
        double e = 0, s = 0;
        for (int i = from; i < to; i++) {
            double d = actual[i] - reference[i];
            e += d * d;
            s += reference[i] * reference[i];
        }
        return 10 * Math.log10(e / s);
    }

    @ParameterizedTest(name = "{2} Hz from {0} to {1}")
    @CsvSource({"44100, 48000, 1000", "96000, 48000, 1000", "44100, 48000, 15000",
                "48000, 192000, 1000", "192000, 44100, 1000", "22050, 48000, 440"})
    void aSineMatchesTheSineGeneratedAtTheTargetRate(int from, int to, double hz) {
        double[] x = sine(hz, from, from); // one second
        double[] y = SincResampler.resample(x, from, to);
        assertEquals(to, y.length);
        double[] expected = sine(hz, to, to);
        int margin = to / 20; // 50 ms away from both ends, where the input stops
        double db = errorDb(y, expected, margin, to - margin);
        assertTrue(db <= -100, "error " + db + " dB");
    }

    @Test
    void aToneAboveTheTargetNyquistFrequencyIsRemovedByAtLeast100Db() {
        double[] x = sine(30000, 96000, 96000);
        double[] y = SincResampler.resample(x, 96000, 48000);
        double e = 0;
        for (int i = 2400; i < 48000 - 2400; i++) {
            e += y[i] * y[i];
        }
        double inputPower = 0.9 * 0.9 / 2;
        double db = 10 * Math.log10(e / (48000 - 4800) / inputPower);
        assertTrue(db <= -100, "alias at " + db + " dB");
    }

    @Test
    void theOutputLengthIsTheInputDurationAtTheNewRateRoundedUp() {
        assertEquals(24000, SincResampler.resample(new double[22050], 44100, 48000).length);
        assertEquals(1089, SincResampler.resample(new double[1000], 44100, 48000).length); // 1088.43
        assertEquals(500, SincResampler.resample(new double[1000], 96000, 48000).length);
        assertEquals(1000, SincResampler.resample(new double[1000], 48000, 48000).length);
    }

    @Test
    void theBesselFunctionMatchesTabulatedValues() {
        // Abramowitz and Stegun, table 9.8: I0(1) = 1.266065878, e^-5 I0(5) = 0.1835408126.
        assertEquals(1.266065878, SincResampler.besselI0(1), 1e-9);
        assertEquals(0.1835408126, Math.exp(-5) * SincResampler.besselI0(5), 1e-10);
    }
}
