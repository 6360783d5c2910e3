package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioException;
import io.blockwise.scenario.SourceSpec;
import io.blockwise.scenario.SourceSpec.PluckNote;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PluckSourceTest {
    private static final int SR = 48000;

    private static double[] pluck(long seed, long frames, PluckNote... notes) {
        return TestScenarios.render(TestScenarios.of(SR, frames, seed,
                new SourceSpec.Pluck(0.8, List.of(notes))), 128);
    }

    /**
     * Period in samples by the normalised autocorrelation (which divides out the note's exponential
     * decay) over {@code width} frames from {@code start}, maximised over lags 0.5 to 1.5 times the
     * expected period and refined by a parabola through the peak and its neighbours.
     */
    private static double periodByAutocorrelation(double[] x, int start, int width, double expected) {
        int lo = (int) Math.ceil(expected * 0.5);
        int hi = (int) Math.floor(expected * 1.5);
        double[] r = new double[hi + 2];
        double e0 = 0;
        for (int n = start; n < start + width; n++) {
            e0 += x[n] * x[n];
        }
        int best = -1;
        for (int lag = lo - 1; lag <= hi + 1; lag++) {
            double xy = 0;
            double e1 = 0;
            for (int n = start; n < start + width; n++) {
                xy += x[n] * x[n + lag];
                e1 += x[n + lag] * x[n + lag];
            }
            r[lag] = xy / Math.sqrt(e0 * e1);
            if (lag >= lo && lag <= hi && (best < 0 || r[lag] > r[best])) {
                best = lag;
            }
        }
        double a = r[best - 1];
        double b = r[best];
        double c = r[best + 1];
        return best + 0.5 * (a - c) / (a - 2 * b + c);
    }

    /** Amplitude of the component at {@code hz} over a Hann window of {@code width} frames from {@code start}. */
    private static double amplitudeAt(double[] x, double hz, int start, int width) {
        double re = 0;
        double im = 0;
        double wsum = 0;
        for (int i = 0; i < width; i++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / width);
            double ph = 2 * Math.PI * hz * (start + i) / SR;
            re += w * x[start + i] * Math.cos(ph);
            im += w * x[start + i] * Math.sin(ph);
            wsum += w;
        }
        return 2 * Math.hypot(re, im) / wsum;
    }

    @ParameterizedTest(name = "{0} Hz with decay {1} s")
    @CsvSource({"82.40689, 1", "110, 2", "220, 1", "329.6276, 1", "1000, 1", "1500, 3", "2637.02, 0.5"})
    void pitchIsWithinOneCent(double hz, double decaySeconds) {
        long decay = Math.round(decaySeconds * SR);
        double[] x = pluck(1, 2 * SR, new PluckNote(0, hz, decay));
        double expected = SR / hz;
        // A steady stretch: 0.2 s from 0.25 s, after the upper harmonics have died away.
        double period = periodByAutocorrelation(x, SR / 4, SR / 5, expected);
        double cents = 1200 * Math.log(expected / period) / Math.log(2);
        assertEquals(0, cents, 1, hz + " Hz measured " + SR / period + " Hz");
    }

    @ParameterizedTest(name = "{0} Hz with decay {1} s")
    @CsvSource({"82.40689, 1", "220, 2", "1000, 1", "1500, 3", "2637.02, 0.5"})
    void theFundamentalFallsSixtyDecibelsOverTheDecay(double hz, double decaySeconds) {
        long decay = Math.round(decaySeconds * SR);
        int t1 = SR / 10;
        int width = SR / 10;
        double[] x = pluck(2, t1 + decay + width + 1, new PluckNote(0, hz, decay));
        double a1 = amplitudeAt(x, hz, t1, width);
        double a2 = amplitudeAt(x, hz, (int) (t1 + decay), width);
        double db = 20 * Math.log10(a2 / a1);
        assertEquals(-60, db, 3, hz + " Hz fell " + db + " dB over " + decaySeconds + " s");
    }

    @Test
    void eachNoteStartsExactlyAtItsFrameAndNotesAreSummed() {
        PluckNote a = new PluckNote(1000, 196, SR);
        PluckNote b = new PluckNote(7777, 293.66, SR);
        double[] one = pluck(3, SR, a);
        double[] both = pluck(3, SR, a, b);
        for (int n = 0; n < 1000; n++) {
            assertEquals(0.0, one[n], 0.0, "before its frame, frame " + n);
        }
        assertNotEquals(0.0, one[1000], "sounds from its frame");
        for (int n = 0; n < 7777; n++) {
            assertEquals(one[n], both[n], 0.0, "the second note adds nothing before frame 7777, frame " + n);
        }
        assertNotEquals(one[7777], both[7777], "the second note starts at frame 7777");
    }

    @Test
    void theAttackPeaksAtAmp() {
        double[] x = pluck(4, SR / 10, new PluckNote(0, 220, SR));
        double peak = 0;
        for (double v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        assertEquals(0.8, peak, 1e-12, "the burst is normalised to peak 1, times amp 0.8");
    }

    @Test
    void sameSeedSameNoteDifferentSeedDifferentBurst() {
        PluckNote n = new PluckNote(0, 110, SR);
        double[] a = pluck(5, 2000, n);
        double[] b = pluck(5, 2000, n);
        double[] c = pluck(6, 2000, n);
        assertTrue(java.util.Arrays.equals(a, b));
        assertFalse(java.util.Arrays.equals(a, c));
    }

    @Test
    void aNoteAtOrAboveNyquistIsRefused() {
        Scenario sc = TestScenarios.of(8000, 100, 0, new SourceSpec.Pluck(0.8,
                List.of(new PluckNote(0, 4000, 8000))));
        ScenarioException e = assertThrows(ScenarioException.class, () -> InputSignal.of(sc));
        assertTrue(e.getMessage().contains("4000"), e.getMessage());
    }
}
