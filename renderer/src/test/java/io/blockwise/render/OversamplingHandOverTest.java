package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An oversampling change hands the stages' state over to the chain rebuilt at the new rate: a
 * delay's echoes, a reverb's tail and a tremolo's LFO carry on across the change. References are
 * renders of the same session without the change (at the old factor, and at the new one
 * throughout) and the round-trip latencies the format documents (at 48 kHz: 2x 71, 4x 78, 8x 81,
 * 16x 83 frames), never the changed render's own numbers. Before the hand-over existed, the new
 * stages started empty: the echo and the tail were gone and the LFO restarted at phase 0.
 */
class OversamplingHandOverTest {
    static final int SR = 48000;
    /** Round-trip latency of each factor, frames at 48 kHz, as docs/scenario-format.md lists them. */
    static final Map<Integer, Integer> DOCUMENTED_LATENCY = Map.of(1, 0, 2, 71, 4, 78, 8, 81, 16, 83);

    @TempDir
    Path tmp;

    private double[] render(String name, String chain, String input, int factor, String events, String duration) {
        String json = """
                {"format": "blockwise/1", "name": "%s", "sampleRate": 48000, "blockSize": 128,
                 "duration": "%s", "input": %s,
                 "setup": {"inputFilters": {"lowpass": 7000}, "oversampling": %d, "chain": %s},
                 "events": [%s]}""".formatted(name, duration, input, factor, chain, events);
        return ScenarioRuns.mono(ScenarioRuns.render(json, tmp.resolve(name)).outputWav());
    }

    private static String change(String at, int factor) {
        return "{\"at\": \"" + at + "\", \"do\": \"setOversampling\", \"factor\": " + factor + "}";
    }

    @ParameterizedTest(name = "{0}x to {1}x")
    @CsvSource({"1, 2", "2, 1", "4, 16", "16, 1", "2, 8"})
    void aDelaysEchoOfAnImpulseBeforeTheChangeArrivesAfterItAtTheRightTimeAndLevel(int from, int to) {
        // An impulse (low-passed at 7 kHz by the input filter, so it is band-limited at every rate)
        // at 0.1 s through a 300 ms delay, wet only, no feedback: the echo is due at 0.4 s plus the
        // path's latency. The change at 0.2 s falls between the impulse and its echo.
        String chain = "[{\"type\": \"delay\", \"time\": \"300ms\", \"feedback\": 0, \"mix\": 1}]";
        String input = "{\"type\": \"impulse\", \"at\": 4800, \"amp\": 1}";
        double[] changed = render("changed", chain, input, from, change("0.2s", to), "0.6s");
        double[] unchanged = render("unchanged", chain, input, from, "", "0.6s");
        double[] atNewRate = render("at-new-rate", chain, input, to, "", "0.6s");

        int due = 19200 + DOCUMENTED_LATENCY.get(to);
        int window = 300;
        double echo = energy(changed, due - window, due + window);
        double reference = energy(unchanged, 19200 + DOCUMENTED_LATENCY.get(from) - window,
                19200 + DOCUMENTED_LATENCY.get(from) + window);
        assertTrue(reference > 0.01, "the unchanged render's echo: " + reference);
        // Level: within 0.5 dB of the echo without the change.
        double db = 10 * Math.log10(echo / reference);
        assertTrue(Math.abs(db) < 0.5, "echo energy vs the unchanged render: " + db + " dB");
        // Time: the echo's peak moved by exactly the documented latency shift.
        assertEquals(argMaxAbs(unchanged, 18000, 21000) + DOCUMENTED_LATENCY.get(to) - DOCUMENTED_LATENCY.get(from),
                argMaxAbs(changed, 18000, 21000), "echo peak frame");
        // Shape: within 20 dB of the render at the new factor throughout (a one-frame misplacement
        // of a 7 kHz-wide pulse would leave a residual near its own level).
        double residual = 0;
        for (int i = due - window; i < due + window; i++) {
            residual += (changed[i] - atNewRate[i]) * (changed[i] - atNewRate[i]);
        }
        System.out.printf("delay %dx -> %dx: echo %.3f dB vs unchanged, residual vs %dx throughout %.1f dB%n",
                from, to, db, to, 10 * Math.log10(residual / echo));
        assertTrue(residual < 0.01 * echo, "residual vs the new factor throughout: "
                + 10 * Math.log10(residual / echo) + " dB");
    }

    @Test
    void aTwoSecondDelaysEchoCarriesOnAcrossAChangeTo16xWhoseCopyIsSpreadOverALongerWarmUp() {
        // The longest line, taken to the highest factor: 1.5 M samples to copy, spread over a
        // warm-up of 6,001 frames (ChainPaths). The impulse at 0.1 s echoes at 2.1 s plus the
        // path's latency; the change at 0.2 s and its hand-over at about 0.325 s are long before.
        String chain = "[{\"type\": \"delay\", \"time\": \"2000ms\", \"feedback\": 0, \"mix\": 1}]";
        String input = "{\"type\": \"impulse\", \"at\": 4800, \"amp\": 1}";
        double[] changed = render("changed", chain, input, 1, change("0.2s", 16), "2.2s");
        double[] unchanged = render("unchanged", chain, input, 1, "", "2.2s");
        int due = 100800 + DOCUMENTED_LATENCY.get(16);
        int window = 300;
        double echo = energy(changed, due - window, due + window);
        double reference = energy(unchanged, 100800 - window, 100800 + window);
        assertTrue(reference > 0.01, "the unchanged render's echo: " + reference);
        double db = 10 * Math.log10(echo / reference);
        System.out.printf("2 s delay 1x -> 16x: echo %.3f dB vs unchanged%n", db);
        assertTrue(Math.abs(db) < 0.05, "echo energy vs the unchanged render: " + db + " dB");
        assertEquals(argMaxAbs(unchanged, 99000, 102000) + DOCUMENTED_LATENCY.get(16),
                argMaxAbs(changed, 99000, 102000), "echo peak frame");
    }

    @ParameterizedTest(name = "{0}x to {1}x")
    @CsvSource({"1, 4", "8, 2"})
    void aReverbsTailCarriesOnAcrossTheChange(int from, int to) {
        // Damping 0 makes Freeverb's decay the same at every rate (its damping filter is per
        // sample); the tail of an impulse at 0.1 s is measured after the change at 0.25 s.
        String chain = "[{\"type\": \"reverb\", \"roomSize\": 0.85, \"damping\": 0, \"mix\": 1}]";
        String input = "{\"type\": \"impulse\", \"at\": 4800, \"amp\": 1}";
        double[] changed = render("changed", chain, input, from, change("0.25s", to), "0.7s");
        double[] unchanged = render("unchanged", chain, input, from, "", "0.7s");
        for (double start = 0.3; start < 0.65; start += 0.05) {
            int a = (int) (start * SR);
            int b = a + SR / 20;
            double e = energy(changed, a, b);
            double ref = energy(unchanged, a, b);
            assertTrue(ref > 1e-6, "the unchanged tail at " + start + " s: " + ref);
            double db = 10 * Math.log10(e / ref);
            System.out.printf("reverb %dx -> %dx: tail at %.2f s %.3f dB vs unchanged%n", from, to, start, db);
            assertTrue(Math.abs(db) < 1, "tail energy at " + start + " s vs the unchanged render: " + db + " dB");
        }
    }

    @ParameterizedTest(name = "{0}x to {1}x")
    @CsvSource({"1, 8", "16, 2"})
    void aTremolosLfoKeepsItsPeriodAcrossTheChange(int from, int to) {
        // A 1 kHz sine through a 5 Hz sine-shaped tremolo at full depth: the gain is
        // (1 + sin(2 pi 5 t)) / 2, read from the output's RMS over one carrier period (48 frames).
        // Its upward crossings of 0.5 come every 9600 frames; across the change at 0.53 s (mid
        // period) they move only by the documented latency shift. (Restarted at phase 0 there,
        // they would move by 0.07 s.)
        String chain = "[{\"type\": \"tremolo\", \"rate\": 5, \"depth\": 1, \"shape\": 0}]";
        String input = "{\"type\": \"sine\", \"freq\": 1000, \"amp\": 0.5}";
        double[] y = render("changed", chain, input, from, change("0.53s", to), "1.3s");
        List<Double> up = upwardCrossings(gain(y, 0.5), 0.5);
        double before = -1;
        List<Double> after = new ArrayList<>();
        for (double c : up) {
            if (c > 0.1 * SR && c < 0.53 * SR) {
                before = c;
            } else if (c > 0.56 * SR) {
                after.add(c);
            }
        }
        assertTrue(before > 0 && after.size() >= 3, "crossings " + up);
        int shift = DOCUMENTED_LATENCY.get(to) - DOCUMENTED_LATENCY.get(from);
        for (int k = 0; k < after.size(); k++) {
            double expected = before + (k + 1) * 9600 + shift;
            System.out.printf("tremolo %dx -> %dx: crossing %d after the change off by %.3f frames%n",
                    from, to, k + 1, after.get(k) - expected);
            assertEquals(expected, after.get(k), 3, "upward crossing " + (k + 1) + " after the change, " + up);
        }
    }

    @Test
    void aRebuildAtTheSameRateCarriesEveryStagesStateOverExactly() {
        // Every stage with long-lived state, glides and a bypass ramp in progress at the change
        // (applied in the same block, before it): rebuilt at the same rate, the hand-over copies
        // the state bit for bit, so the output is the render without the rebuild, to rounding.
        String chain = """
                [{"type": "noiseGate", "threshold": -40, "hold": 5, "release": 50},
                 {"type": "compressor", "threshold": -24, "ratio": 4, "attack": 5, "release": 200},
                 {"type": "preamp", "gain": 3}, {"type": "powerAmp", "sag": 0.8},
                 {"type": "delay", "time": "130ms", "feedback": 0.5, "mix": 0.4},
                 {"type": "reverb", "roomSize": 0.8, "mix": 0.3},
                 {"type": "tremolo", "rate": 3.7, "depth": 0.6, "shape": 0.4},
                 {"type": "level", "gain": 0.8}]""";
        String input = "{\"type\": \"pluck\", \"amp\": 0.7, \"notes\": [{\"at\": 0, \"note\": 45}, {\"at\": \"0.4s\", \"note\": 52}]}";
        String glides = """
                {"at": "0.5s", "do": "setParameter", "stage": 4, "param": "time", "value": "180ms"},
                {"at": "0.5s", "do": "setParameter", "stage": 7, "param": "gain", "value": 0.5},
                {"at": "0.5s", "do": "setParameter", "stage": 6, "param": "rate", "value": 6},
                {"at": "0.5s", "do": "setStageBypassed", "index": 5, "bypassed": true}""";
        double[] changed = render("changed", chain, input, 1, glides + ", " + change("0.5s", 1), "1s");
        double[] unchanged = render("unchanged", chain, input, 1, glides, "1s");
        for (int i = 0; i < changed.length; i++) {
            assertEquals(unchanged[i], changed[i], 1e-12, "frame " + i);
        }
    }

    @Test
    void theHandOverHappensAtTheSameFrameAtBlockSizes96And48() {
        // At 32 kHz the 4x warm-up is 2 * 78 + 160 = 316 frames: from frame 960 it ends at frame
        // 1276, inside a 96-frame block (1248..1343) and a 48-frame one (1248..1295) at different
        // offsets. Handed over at a block's end instead, the two renders would differ.
        String scenario = """
                {"format": "blockwise/1", "name": "blocks-%d", "sampleRate": 32000, "blockSize": %d, "duration": 14400,
                 "seed": 3, "input": {"type": "noise", "amp": 0.3}, "output": {"encoding": "float32"},
                 "setup": {"chain": [{"type": "delay", "time": "40ms", "feedback": 0.6, "mix": 0.5},
                                     {"type": "reverb", "roomSize": 0.9, "mix": 0.5}, {"type": "tremolo", "rate": 7}]},
                 "events": [{"at": 960, "do": "setOversampling", "factor": 4},
                            {"at": 9600, "do": "setOversampling", "factor": 1}]}""";
        double[] big = ScenarioRuns.mono(ScenarioRuns.render(scenario.formatted(96, 96), tmp.resolve("96")).outputWav());
        double[] small = ScenarioRuns.mono(ScenarioRuns.render(scenario.formatted(48, 48), tmp.resolve("48")).outputWav());
        assertEquals(big.length, small.length);
        for (int i = 0; i < big.length; i++) {
            assertEquals(big[i], small[i], 0.0, "frame " + i);
        }
    }

    // ---- measurement helpers ----

    private static double energy(double[] y, int from, int to) {
        double e = 0;
        for (int i = from; i < to; i++) {
            e += y[i] * y[i];
        }
        return e;
    }

    private static int argMaxAbs(double[] y, int from, int to) {
        int best = from;
        for (int i = from; i < to; i++) {
            if (Math.abs(y[i]) > Math.abs(y[best])) {
                best = i;
            }
        }
        return best;
    }

    /** The gain applied to a sine of amplitude {@code amp}: sqrt(2 * mean square) / amp over 48 frames centred on each frame. */
    private static double[] gain(double[] y, double amp) {
        double[] g = new double[y.length];
        for (int i = 24; i < y.length - 24; i++) {
            double ms = 0;
            for (int j = i - 24; j < i + 24; j++) {
                ms += y[j] * y[j];
            }
            g[i] = Math.sqrt(2 * ms / 48) / amp;
        }
        return g;
    }

    /** Frames (interpolated) where {@code g} rises through {@code level}. */
    private static List<Double> upwardCrossings(double[] g, double level) {
        List<Double> out = new ArrayList<>();
        for (int i = 25; i < g.length - 25; i++) {
            if (g[i - 1] < level && g[i] >= level) {
                out.add(i - 1 + (level - g[i - 1]) / (g[i] - g[i - 1]));
            }
        }
        return out;
    }
}
