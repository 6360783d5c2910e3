package io.blockwise.analysis;

import static io.blockwise.analysis.Signals.Q16;
import static io.blockwise.analysis.Signals.QFLOAT;
import static io.blockwise.analysis.Signals.SR;
import static io.blockwise.analysis.Signals.amp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The detector against signals synthesised here: clean signals of every kind give no glitch; each
 * planted fault is found at its frame (within 2 frames), as the only glitch.
 */
class GlitchDetectorTest {
    private static final double[] FREQS = {20, 440, 12000, 19000};
    private static final double[] LEVELS = {-60, -20, 0};
    private static final int FRAMES = SR / 2;
    private static final int FAULT_FROM = SR / 4;

    private static List<Glitch> detect(double[] x, double quantum) {
        return GlitchDetector.detect(x, 0, SR, quantum);
    }

    private static void assertClean(double[] x, double quantum, String what) {
        List<Glitch> g = detect(x, quantum);
        assertTrue(g.isEmpty(), what + ": " + g);
    }

    /** Exactly one glitch, within 2 frames of {@code frame}; its kind when {@code kind} is not null. */
    private static void assertFoundAt(double[] x, double quantum, int frame, GlitchKind kind, String what) {
        List<Glitch> g = detect(x, quantum);
        assertEquals(1, g.size(), what + " at " + frame + ": " + g);
        assertTrue(Math.abs(g.get(0).frame() - frame) <= 2, what + " at " + frame + ": " + g);
        if (kind != null) {
            assertEquals(kind, g.get(0).kind(), what + " at " + frame + ": " + g);
        }
    }

    @Test
    void aCleanSineAtAnyFrequencyAndLevelHasNoGlitchIn16BitOrFloat() {
        for (double hz : FREQS) {
            for (double db : LEVELS) {
                double[] x = Signals.sine(hz, amp(db), FRAMES);
                assertClean(Signals.pcm16(x), Q16, hz + " Hz " + db + " dBFS pcm16");
                assertClean(Signals.float32(x), QFLOAT, hz + " Hz " + db + " dBFS float");
            }
        }
    }

    @Test
    void sinesAtSeededRandomFrequenciesLevelsAndPhasesHaveNoGlitch() {
        java.util.Random r = new java.util.Random(12);
        for (int i = 0; i < 80; i++) {
            double hz = 20 * Math.pow(1000, r.nextDouble());
            double db = -60 * r.nextDouble();
            double[] x = Signals.sine(hz, amp(db), FRAMES, 2 * Math.PI * r.nextDouble(), Integer.MAX_VALUE, 0);
            assertClean(Signals.pcm16(x), Q16, hz + " Hz " + db + " dBFS pcm16");
            assertClean(Signals.float32(x), QFLOAT, hz + " Hz " + db + " dBFS float");
        }
    }

    @Test
    void sumsOfTwoSinesHaveNoGlitch() {
        double[][] pairs = {{440, 660}, {100, 5000}, {20, 19000}, {1000, 1003}};
        for (double[] p : pairs) {
            double[] a = Signals.sine(p[0], amp(-12), SR);
            double[] b = Signals.sine(p[1], amp(-12), SR);
            for (int n = 0; n < a.length; n++) {
                a[n] += b[n];
            }
            assertClean(Signals.pcm16(a), Q16, p[0] + " + " + p[1] + " Hz pcm16");
            assertClean(Signals.float32(a), QFLOAT, p[0] + " + " + p[1] + " Hz float");
        }
    }

    @Test
    void aLogSweepFrom20HzTo20KHzHasNoGlitch() {
        double[] x = Signals.logSweep(20, 20000, amp(-6), 2 * SR);
        assertClean(Signals.pcm16(x), Q16, "sweep pcm16");
        assertClean(Signals.float32(x), QFLOAT, "sweep float");
    }

    @Test
    void aSlowGlideHasNoGlitch() {
        // Frequency glides 200 -> 300 Hz over a second, amplitude -60 -> 0 dBFS.
        double[] x = new double[SR];
        double phase = 0;
        for (int n = 0; n < x.length; n++) {
            double t = n / (double) SR;
            phase += 2 * Math.PI * (200 + 100 * t) / SR;
            x[n] = amp(-60 + 60 * t) * Math.sin(phase);
        }
        assertClean(Signals.pcm16(x), Q16, "glide pcm16");
        assertClean(Signals.float32(x), QFLOAT, "glide float");
    }

    @Test
    void whiteNoiseHasNoGlitch() {
        for (long seed = 1; seed <= 3; seed++) {
            assertClean(Signals.pcm16(Signals.gaussian(amp(-20), 4 * SR, seed)), Q16, "gaussian seed " + seed);
        }
        double[] uniform = new double[4 * SR];
        java.util.Random r = new java.util.Random(7);
        for (int n = 0; n < uniform.length; n++) {
            uniform[n] = 0.9 * (2 * r.nextDouble() - 1);
        }
        assertClean(Signals.float32(uniform), QFLOAT, "uniform");
    }

    @Test
    void pluckedNotesFromSilenceAreOnsetsNotGlitches() {
        double[] x = new double[2 * SR];
        Signals.pluck(x, SR / 10, 196, 0.7, 0.996, 1);
        Signals.pluck(x, SR + SR / 3, 82.4, 0.5, 0.998, 2);
        for (int n = SR; n < SR + SR / 3 - SR / 40; n++) {
            x[n] = 0;  // the first note stopped dead well before the second: silence between
        }
        // The stop itself is a cut; analyse up to just before it, and the second note alone.
        assertClean(Signals.pcm16(java.util.Arrays.copyOf(x, SR - SR / 100)), Q16, "first pluck");
        assertClean(Signals.pcm16(java.util.Arrays.copyOfRange(x, SR + SR / 4, x.length)), Q16, "second pluck");
    }

    @Test
    void aStringStruckWhileAnotherRingsIsAnOnsetNotAGlitch() {
        double[] x = new double[2 * SR];
        Signals.pluck(x, 0, 110, 0.5, 0.999, 3);
        Signals.pluck(x, SR / 2, 146.8, 0.5, 0.998, 4);
        Signals.pluck(x, SR, 98, 0.3, 0.998, 5);
        assertClean(Signals.pcm16(x), Q16, "three overlapping plucks");
    }

    @Test
    void aPhaseJumpIsFoundAtItsFrame() {
        for (double hz : FREQS) {
            for (double db : LEVELS) {
                double a = amp(db);
                // A quarter-period jump where it moves the sample by at least 0.9 of the amplitude:
                // sin(p + pi/2) - sin(p) = cos(p) - sin(p).
                double w = 2 * Math.PI * hz / SR;
                int at = FAULT_FROM;
                while (Math.abs(Math.cos(w * at + 0.3) - Math.sin(w * at + 0.3)) < 0.9) {
                    at++;
                }
                double[] x = Signals.pcm16(Signals.sine(hz, a, FRAMES, 0.3, at, Math.PI / 2));
                assertFoundAt(x, Q16, at, hz >= 440 ? GlitchKind.DISCONTINUITY : null, "phase jump " + hz + " Hz " + db + " dBFS");
            }
        }
    }

    @Test
    void aTwoMillisecondDropoutIsFoundAtItsFrame() {
        for (double hz : FREQS) {
            for (double db : LEVELS) {
                double a = amp(db);
                double[] x = Signals.sine(hz, a, FRAMES);
                int at = Signals.frameWhere(x, a, FAULT_FROM, s -> Math.abs(s) >= 0.5);
                java.util.Arrays.fill(x, at, at + SR / 500, 0);
                assertFoundAt(Signals.pcm16(x), Q16, at, GlitchKind.DROPOUT, "dropout " + hz + " Hz " + db + " dBFS");
            }
        }
    }

    @Test
    void aSuddenThirtyDecibelDropInsideASoundIsADropout() {
        for (double hz : new double[] {440, 3000}) {
            double a = amp(-6);
            double[] x = Signals.sine(hz, a, FRAMES);
            int at = Signals.frameWhere(x, a, FAULT_FROM, s -> Math.abs(s) >= 0.5);
            for (int n = at; n < at + SR / 200; n++) {
                x[n] *= amp(-30);
            }
            assertFoundAt(Signals.pcm16(x), Q16, at, GlitchKind.DROPOUT, "level drop " + hz + " Hz");
        }
    }

    @Test
    void aOneSampleSpikeIsFoundAtItsFrame() {
        for (double hz : FREQS) {
            for (double db : LEVELS) {
                double a = amp(db);
                double[] x = Signals.sine(hz, a, FRAMES);
                int at = Signals.frameWhere(x, a, FAULT_FROM, s -> Math.abs(s) >= 0.5);
                x[at] -= Math.signum(x[at]) * a;
                assertFoundAt(Signals.pcm16(x), Q16, at, GlitchKind.SPIKE, "spike " + hz + " Hz " + db + " dBFS");
            }
        }
    }

    @Test
    void aDcStepIsFoundAtItsFrame() {
        for (double hz : FREQS) {
            for (double db : LEVELS) {
                double a = amp(db);
                double[] x = Signals.sine(hz, a, FRAMES);
                int at = FAULT_FROM + 17;
                for (int n = at; n < x.length; n++) {
                    x[n] += 0.25 * a;
                }
                // 0 dBFS plus the step exceeds full scale: a float file holds it, a 16-bit one would clip.
                double[] stored = db == 0 ? Signals.float32(x) : Signals.pcm16(x);
                double q = db == 0 ? QFLOAT : Q16;
                // Below a few hundred Hz a step and a jump look alike over the 2 ms the classifier
                // extrapolates, and an 8-LSB step (-60 dBFS) drowns in the extrapolation's drift
                // (both documented): there only the frame is asserted.
                GlitchKind kind = hz >= 440 && db > -60 ? GlitchKind.DC_STEP : null;
                assertFoundAt(stored, q, at, kind, "DC step " + hz + " Hz " + db + " dBFS");
            }
        }
    }

    @Test
    void faultsInASweepAndInASumOfSinesAreFound() {
        double[] sweep = Signals.logSweep(20, 20000, amp(-6), 2 * SR);
        sweep[SR + 101] += 0.3;
        assertFoundAt(Signals.pcm16(sweep), Q16, SR + 101, GlitchKind.SPIKE, "spike in a sweep");
        double[] a = Signals.sine(440, amp(-12), SR);
        double[] b = Signals.sine(660, amp(-12), SR, 0.3, SR / 2, Math.PI);
        for (int n = 0; n < a.length; n++) {
            a[n] += b[n];
        }
        assertFoundAt(Signals.pcm16(a), Q16, SR / 2, GlitchKind.DISCONTINUITY, "phase flip of one of two sines");
    }
}
