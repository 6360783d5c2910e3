package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
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

    @Test
    void aRemovedStageFadesOutToDryAndIsRetiredWhenItsFadeEnds() {
        // level 0.2 removed: the output moves from a fifth of the sine to the sine over 10 ms
        // (switched at its block, the step was 0.231). The index counts the stages heard at once: a
        // setParameter of index 0 in the same block reaches the stage after the removed one.
        String json = """
                {"format": "blockwise/1", "name": "remove-stage", "sampleRate": 48000, "blockSize": 128,
                 "duration": "0.6s", "input": {"type": "sine", "freq": 220, "amp": 0.3},
                 "setup": {"chain": [{"type": "level", "gain": 0.2}, {"type": "level", "gain": 1.0}]},
                 "events": [{"at": "0.3s", "do": "removeStage", "index": 0},
                            {"at": "0.3s", "do": "setParameter", "stage": 0, "param": "gain", "value": 0.5}]}""";
        RenderResult r = ScenarioRuns.render(json, tmp);
        double[] y = ScenarioRuns.mono(r.outputWav());
        assertStepsWithin(y, 1, y.length, stepBound(FREQ));
        // Applied at block 113; the fade's last frame is 113 * 128 + 479, in block 116.
        assertRetiredAt(r, "level#1", (113 * 128 + 479) / 128);
        assertTrue(ScenarioRuns.events(r, "reject").isEmpty(), "the setParameter found stage 0 (level#2)");
        // level#2 now glides to 0.5: half the sine at the end, neither a fifth of it nor all of it.
        assertRmsBetween(y, y.length - 4800, y.length, 0.45 * AMP / Math.sqrt(2), 0.55 * AMP / Math.sqrt(2));
    }

    @Test
    void aStageRemovedWhileItFadesInFadesOutFromWhereItStood() {
        // level 0.1 added and removed 3 ms later (its fade-in not done): no step either way
        // (switched at its block, the remove stepped by 0.070).
        String json = """
                {"format": "blockwise/1", "name": "add-then-remove", "sampleRate": 48000, "blockSize": 64,
                 "duration": "0.5s", "input": {"type": "sine", "freq": 220, "amp": 0.3},
                 "events": [{"at": "0.3s", "do": "addStage", "index": 0, "stage": {"type": "level", "gain": 0.1}},
                            {"at": "0.303s", "do": "removeStage", "index": 0}]}""";
        double[] y = ScenarioRuns.mono(ScenarioRuns.render(json, tmp).outputWav());
        assertStepsWithin(y, 1, y.length, stepBound(FREQ));
        assertNoDropout(y, y.length - 4800, y.length, 0.95 * AMP / Math.sqrt(2));
    }

    @Test
    void setChainCrossfadesTheOldChainToTheNewOneAndRetiresItWhenTheFadeEnds() {
        // [level 0.5] replaced by [level 0.2]: from half the sine to a fifth of it over 10 ms
        // (switched at its block, the new stage fading in from dry, the step was 0.143).
        String json = """
                {"format": "blockwise/1", "name": "set-chain", "sampleRate": 48000, "blockSize": 128,
                 "duration": "0.6s", "input": {"type": "sine", "freq": 220, "amp": 0.3},
                 "setup": {"chain": [{"type": "level", "gain": 0.5}]},
                 "events": [{"at": "0.3s", "do": "setChain", "chain": [{"type": "level", "gain": 0.2}]}]}""";
        RenderResult r = ScenarioRuns.render(json, tmp);
        double[] y = ScenarioRuns.mono(r.outputWav());
        assertStepsWithin(y, 1, y.length, stepBound(FREQ));
        assertRetiredAt(r, "level#1", (113 * 128 + 479) / 128);
        assertRmsBetween(y, y.length - 4800, y.length, 0.19 * AMP / Math.sqrt(2), 0.21 * AMP / Math.sqrt(2));
    }

    @Test
    void setChainDuringARemovalFadeAndAnotherSetChainFadeEveryChainOut() {
        // A remove, then a setChain 2 ms later (the removed stage is still fading), then another
        // setChain 3 ms after that (two chains leaving at once, the most the engine keeps): each
        // old chain falls from the gain it had, so the gains' steps add up to at most one fade's
        // (switched at their blocks, the step was 0.126).
        String json = """
                {"format": "blockwise/1", "name": "overlapping-chain-fades", "sampleRate": 48000, "blockSize": 32,
                 "duration": "0.5s", "input": {"type": "sine", "freq": 220, "amp": 0.3},
                 "setup": {"chain": [{"type": "level", "gain": 0.3}, {"type": "level", "gain": 2.0}]},
                 "events": [{"at": "0.3s", "do": "removeStage", "index": 0},
                            {"at": "0.302s", "do": "setChain", "chain": [{"type": "level", "gain": 1.5}]},
                            {"at": "0.305s", "do": "setChain", "chain": [{"type": "level", "gain": 0.5}]}]}""";
        RenderResult r = ScenarioRuns.render(json, tmp);
        double[] y = ScenarioRuns.mono(r.outputWav());
        // Levels up to 2 (the sine at 0.6): the bound scales with the loudest signal in the fade.
        assertStepsWithin(y, 1, y.length, 1.25 * 2 * AMP * 2 * Math.PI * FREQ / SR + 2 * 2 * 2 * AMP / CROSSFADE);
        assertRmsBetween(y, y.length - 4800, y.length, 0.49 * AMP / Math.sqrt(2), 0.51 * AMP / Math.sqrt(2));
        for (String old : new String[] {"level#1", "level#2", "level#3"}) {
            assertTrue(ScenarioRuns.events(r, "retire").stream().anyMatch(e -> old.equals(e.get("resource"))
                    && e.block() < r.blocks() - 1), old + " retired before the end of the render");
        }
    }

    @Test
    void swappedStagesDipThroughDryInsteadOfSwitchingOrder() {
        // A 5 Hz full-depth tremolo before a 100 ms delay (mix 0.5, no feedback), swapped: the
        // delayed half is modulated by the LFO half a period later in one order than in the other,
        // so switching the order at once jumps by up to the delayed half's whole swing. Every mix of
        // these linear stages is at most 1.5 times the sine, so the bound is the step of a sine 1.5
        // times as large plus what a linear 10 ms fade of such signals adds per sample. In the same
        // block a setParameter of index 0 reaches the delay (the tremolo has no time). Switched at
        // its block, the step was 0.051 against a bound of 0.018.
        String json = """
                {"format": "blockwise/1", "name": "swap-stages", "sampleRate": 48000, "blockSize": 128,
                 "duration": "0.8s", "input": {"type": "sine", "freq": 220, "amp": 0.3},
                 "setup": {"chain": [{"type": "tremolo", "rate": 5, "depth": 1},
                                     {"type": "delay", "time": "100ms", "feedback": 0, "mix": 0.5}]},
                 "events": [{"at": "0.31s", "do": "swapStages", "a": 0, "b": 1},
                            {"at": "0.31s", "do": "setParameter", "stage": 0, "param": "time", "value": 100},
                            {"at": "0.5s", "do": "swapStages", "a": 1, "b": 0},
                            {"at": "0.502s", "do": "swapStages", "a": 0, "b": 1}]}""";
        RenderResult r = ScenarioRuns.render(json, tmp);
        double[] y = ScenarioRuns.mono(r.outputWav());
        assertTrue(ScenarioRuns.events(r, "reject").isEmpty(), ScenarioRuns.events(r, "reject").toString());
        // Up to 0.5 s: the single swap. The two at 0.5 s overlap (the second ends the first's dip
        // at once, a documented step): they only have to find their stages and leave nothing behind.
        double a = 1.5 * AMP;
        assertStepsWithin(y, 1, 24000, 1.25 * a * 2 * Math.PI * FREQ / SR + 2 * a / CROSSFADE);
    }

    @Test
    void setInputFiltersCrossfadesTheOldFiltersToTheNewOnes() {
        // None -> a 300 Hz low-pass -> a 1 kHz high-pass -> (5 ms later, during that pair's warm-up,
        // so it replaces it unheard) a 1 kHz high-pass and a 5 kHz low-pass -> none. A new filter
        // starts from zero state, so switched at its block the output jumped to 0 (the step was
        // 0.291); it is now fed 10 ms unheard, then crossfaded over 10 ms.
        String json = """
                {"format": "blockwise/1", "name": "input-filters", "sampleRate": 48000, "blockSize": 128,
                 "duration": "1s", "input": {"type": "sine", "freq": 220, "amp": 0.3},
                 "events": [{"at": "0.3s", "do": "setInputFilters", "lowpass": 300},
                            {"at": "0.5s", "do": "setInputFilters", "highpass": 1000},
                            {"at": "0.505s", "do": "setInputFilters", "highpass": 1000, "lowpass": 5000},
                            {"at": "0.7s", "do": "setInputFilters"}]}""";
        RenderResult r = ScenarioRuns.render(json, tmp);
        double[] y = ScenarioRuns.mono(r.outputWav());
        assertStepsWithin(y, 1, y.length, stepBound(FREQ));
        // The high-pass (applied at block 188) is still warming up when the pair arrives (block
        // 190): it is retired then, never heard; the low-pass is retired in the block the pair's
        // warm-up and crossfade (480 + 480 frames from block 190) end.
        assertRetiredAt(r, "filter#2", 190);
        assertRetiredAt(r, "filter#1", (190 * 128 + 959) / 128);
        assertNoDropout(y, y.length - 4800, y.length, 0.95 * AMP / Math.sqrt(2));
    }

    @Test
    void anInsertThatFindsEverySlotFadingEndsTheQuietestRemovalAtOnce() {
        // maxChainLength 2 gives 4 slots. Both stages removed (two slots fading to dry), two added
        // (4 slots used), one of those removed (its slot fades in place), and one more added: no slot
        // is free, so the first removal fade (level#1, 480 frames to go like the others, the first
        // found) ends at once, in the block of the add; the others end with their fades.
        String json = """
                {"format": "blockwise/1", "name": "slots-full", "sampleRate": 48000, "blockSize": 64,
                 "duration": "0.2s", "input": {"type": "sine", "freq": 220, "amp": 0.3},
                 "limits": {"maxChainLength": 2},
                 "setup": {"chain": [{"type": "level", "gain": 0.5}, {"type": "level", "gain": 0.6}]},
                 "events": [{"at": 6400, "do": "removeStage", "index": 0},
                            {"at": 6400, "do": "removeStage", "index": 0},
                            {"at": 6400, "do": "addStage", "index": 0, "stage": {"type": "level", "gain": 0.7}},
                            {"at": 6400, "do": "addStage", "index": 1, "stage": {"type": "level", "gain": 0.8}},
                            {"at": 6400, "do": "removeStage", "index": 0},
                            {"at": 6400, "do": "addStage", "index": 0, "stage": {"type": "level", "gain": 0.9}}]}""";
        RenderResult r = ScenarioRuns.render(json, tmp);
        assertRetiredAt(r, "level#1", 100);
        assertRetiredAt(r, "level#2", (100 * 64 + 479) / 64);
        assertRetiredAt(r, "level#3", (100 * 64 + 479) / 64);
        assertTrue(ScenarioRuns.events(r, "reject").isEmpty(), ScenarioRuns.events(r, "reject").toString());
        assertTrue(ScenarioRuns.events(r, "fault").isEmpty(), ScenarioRuns.events(r, "fault").toString());
    }

    @Test
    void aRemoveInTheLastBlockLeavesNothingBehind() {
        // Blocks of 128 over 0.1 s: 38 blocks (the last is short); the remove lands in block 37 and
        // its fade is cut by the end of the render: the stage is retired at shutdown and freed,
        // no leak and no early free (ScenarioRuns.render checks the defects).
        String json = """
                {"format": "blockwise/1", "name": "remove-at-end", "sampleRate": 48000, "blockSize": 128,
                 "duration": "0.1s", "input": {"type": "sine", "freq": 220, "amp": 0.3},
                 "setup": {"chain": [{"type": "level", "gain": 0.5}, {"type": "level", "gain": 0.5}]},
                 "events": [{"at": 4736, "do": "removeStage", "index": 0},
                            {"at": 4736, "do": "setChain", "chain": [{"type": "level", "gain": 1.0}]},
                            {"at": 4736, "do": "setInputFilters", "lowpass": 1000}]}""";
        RenderResult r = ScenarioRuns.render(json, tmp);
        assertEquals(List.of("filter#1", "level#1", "level#2", "level#3"), ScenarioRuns.events(r, "free").stream()
                .map(e -> (String) e.get("resource")).sorted().toList());
    }

    private static void assertRetiredAt(RenderResult r, String resource, long block) {
        var retires = ScenarioRuns.events(r, "retire");
        assertTrue(retires.stream().anyMatch(e -> resource.equals(e.get("resource")) && e.block() == block),
                resource + " retired at block " + block + ": " + retires);
    }

    static void assertRmsBetween(double[] y, int from, int to, double min, double max) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += y[i] * y[i];
        }
        double rms = Math.sqrt(sum / (to - from));
        assertTrue(rms >= min && rms <= max, "RMS " + rms + " over frames " + from + ".." + to + " not in " + min + ".." + max);
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
