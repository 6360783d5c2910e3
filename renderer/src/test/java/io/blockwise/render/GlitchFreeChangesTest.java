package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changes that used to click or drop out, measured on a clean sine: the output's largest
 * sample-to-sample step stays within what the sine itself and the documented 10 ms linear
 * crossfade allow, and the level never drops (the bounds are computed here from the signal, not
 * read from the engine).
 */
class GlitchFreeChangesTest {
    static final int SR = 48000;
    static final double AMP = 0.3;
    static final double FREQ = 220;
    static final int CROSSFADE = SR / 100;

    @TempDir
    Path tmp;

    @Test
    void pitchShiftChangesNeitherClickNorDropOut() {
        // Up, down, back to none, and two changes in quick succession (the second arrives while
        // the first shifter is still warming up or fading in).
        String json = """
                {"format": "blockwise/1", "name": "pitch-changes", "sampleRate": 48000, "blockSize": 128,
                 "duration": "2.5s", "input": {"type": "sine", "freq": 220, "amp": 0.3},
                 "events": [
                   {"at": "0.5s", "do": "setPitchShift", "semitones": 3},
                   {"at": "1s", "do": "setPitchShift", "semitones": -2},
                   {"at": "1.5s", "do": "setPitchShift", "semitones": 0},
                   {"at": "1.8s", "do": "setPitchShift", "semitones": 5},
                   {"at": "1.81s", "do": "setPitchShift", "semitones": 4}
                 ]}""";
        double[] y = ScenarioRuns.mono(ScenarioRuns.render(json, tmp).outputWav());
        double highest = FREQ * Math.pow(2, 5 / 12.0);
        assertStepsWithin(y, 0, y.length, stepBound(highest));
        // Never quieter than half the sine's RMS over any 5 ms window (the old change muted ~5 ms).
        assertNoDropout(y, 0, y.length, 0.5 * AMP / Math.sqrt(2));
    }

    @Test
    void oversamplingChangesNeitherClickNorDropOut() {
        // Up, back down, and three changes within 10 ms (more overlapping fades than the engine
        // keeps: the quietest one is cut short).
        String json = """
                {"format": "blockwise/1", "name": "oversampling-changes", "sampleRate": 48000, "blockSize": 64,
                 "duration": "2s", "input": {"type": "sine", "freq": 220, "amp": 0.3},
                 "setup": {"chain": [{"type": "level", "gain": 1}, {"type": "eq"}]},
                 "events": [
                   {"at": "0.5s", "do": "setOversampling", "factor": 4},
                   {"at": "1s", "do": "setOversampling", "factor": 1},
                   {"at": "1.5s", "do": "setOversampling", "factor": 16},
                   {"at": "1.503s", "do": "setOversampling", "factor": 2},
                   {"at": "1.506s", "do": "setOversampling", "factor": 8}
                 ]}""";
        double[] y = ScenarioRuns.mono(ScenarioRuns.render(json, tmp).outputWav());
        // Two fading paths can hand gain to the current one at once: twice the one-fade allowance.
        assertStepsWithin(y, 1, y.length, 1.25 * AMP * 2 * Math.PI * FREQ / SR + 2 * 2 * AMP / CROSSFADE);
        // After the oversampler's own start-up (at most 83 frames of latency at 16x) the level holds
        // up to the partial cancellation of a crossfade between paths whose latencies differ: 4x
        // (78 frames) against 1x is 128 degrees at 220 Hz, so mid-fade the sum is cos(64 degrees) =
        // 0.44 of the sine; a dropout (the old cut) would read 0.
        assertNoDropout(y, SR / 100, y.length, 0.35 * AMP / Math.sqrt(2));
    }

    @Test
    void theTunerMutesAndUnmutesWithAFadeAndIsSilentInBetween() {
        String json = """
                {"format": "blockwise/1", "name": "tuner-mute", "sampleRate": 48000, "blockSize": 128,
                 "duration": "1s", "input": {"type": "sine", "freq": 220, "amp": 0.3},
                 "events": [
                   {"at": "0.3s", "do": "setTunerEnabled", "enabled": true},
                   {"at": "0.6s", "do": "setTunerEnabled", "enabled": false}
                 ]}""";
        double[] y = ScenarioRuns.mono(ScenarioRuns.render(json, tmp).outputWav());
        assertStepsWithin(y, 1, y.length, stepBound(FREQ));
        // Applied at blocks ceil(14400 / 128) = 113 and ceil(28800 / 128) = 225: silent from the
        // end of the 10 ms fade after the first to the start of the second.
        int mutedFrom = 113 * 128 + CROSSFADE;
        int mutedTo = 225 * 128;
        for (int i = mutedFrom; i < mutedTo; i++) {
            assertTrue(y[i] == 0.0, "frame " + i + " while the tuner is on: " + y[i]);
        }
        assertNoDropout(y, mutedTo + CROSSFADE, y.length, 0.5 * AMP / Math.sqrt(2));
    }

    @Test
    void anAddedStageFadesInInsteadOfSwitchingIn() {
        // A level stage at gain 0.2 added to an empty chain: the output goes from the sine to a
        // fifth of it over the bypass ramp, never in one step.
        String json = """
                {"format": "blockwise/1", "name": "add-stage", "sampleRate": 48000, "blockSize": 128,
                 "duration": "0.6s", "input": {"type": "sine", "freq": 220, "amp": 0.3},
                 "events": [{"at": "0.3s", "do": "addStage", "index": 0, "stage": {"type": "level", "gain": 0.2}}]}""";
        double[] y = ScenarioRuns.mono(ScenarioRuns.render(json, tmp).outputWav());
        assertStepsWithin(y, 1, y.length, stepBound(FREQ));
        // Fully in after the ramp: a fifth of the sine's level.
        assertNoDropout(y, y.length - 4800, y.length, 0.5 * 0.2 * AMP / Math.sqrt(2));
    }

    @Test
    void aReplacedStageIsCrossfadedAndRetiredWhenItsFadeEnds() {
        // level 1.0 replaced by level 0.3: the output moves from the sine to 0.3 of it over 10 ms.
        String json = """
                {"format": "blockwise/1", "name": "replace-stage", "sampleRate": 48000, "blockSize": 128,
                 "duration": "0.6s", "input": {"type": "sine", "freq": 220, "amp": 0.3},
                 "setup": {"chain": [{"type": "level", "gain": 1.0}]},
                 "events": [{"at": "0.3s", "do": "replaceStage", "index": 0, "stage": {"type": "level", "gain": 0.3}}]}""";
        RenderResult r = ScenarioRuns.render(json, tmp);
        double[] y = ScenarioRuns.mono(r.outputWav());
        assertStepsWithin(y, 1, y.length, stepBound(FREQ));
        // Applied at block ceil(14400 / 128) = 113; the fade's last frame is 113 * 128 + 479, in
        // block 116, where the old stage is retired.
        var retires = ScenarioRuns.events(r, "retire");
        assertTrue(retires.stream().anyMatch(e -> "level#1".equals(e.get("resource")) && e.block() == (113 * 128 + 479) / 128),
                retires.toString());
        assertNoDropout(y, y.length - 4800, y.length, 0.5 * 0.3 * AMP / Math.sqrt(2));
    }

    /**
     * The largest step of a sine of amplitude AMP at {@code freq}, with 25 % for the shifter's own
     * modulation, plus the most a linear crossfade of two such signals adds per sample (the gain
     * moves 1/CROSSFADE per sample across a difference of at most 2 AMP).
     */
    static double stepBound(double freq) {
        return 1.25 * AMP * 2 * Math.PI * freq / SR + 2 * AMP / CROSSFADE;
    }

    static void assertStepsWithin(double[] y, int from, int to, double bound) {
        for (int i = Math.max(1, from); i < to; i++) {
            double step = Math.abs(y[i] - y[i - 1]);
            assertTrue(step <= bound, "step " + step + " at frame " + i + " exceeds " + bound);
        }
    }

    static void assertNoDropout(double[] y, int from, int to, double minRms) {
        int w = SR / 200;
        for (int s = from; s + w <= to; s += w / 2) {
            double sum = 0;
            for (int i = s; i < s + w; i++) {
                sum += y[i] * y[i];
            }
            double rms = Math.sqrt(sum / w);
            assertTrue(rms >= minRms, "RMS " + rms + " over frames " + s + ".." + (s + w) + " below " + minRms);
        }
    }
}
