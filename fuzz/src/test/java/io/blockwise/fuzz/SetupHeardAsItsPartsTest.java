package io.blockwise.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.engine.EngineHooks;
import io.blockwise.render.OfflineRenderer;
import io.blockwise.render.RenderOptions;
import io.blockwise.render.RenderResult;
import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioReader;
import io.blockwise.scenario.StageSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property 12 ({@link SetupHeardAsItsParts}): the engine's render of a setup alone equals its
 * parts run in series outside the engine, and a render whose setup was misrouted (the chain
 * reversed, a stage dropped, nothing processed, another factor, no cabinet or one at another gain,
 * no pitch shift, no input filters, no metronome, a tuner that does not mute) fails it at the first
 * frame that differs.
 */
class SetupHeardAsItsPartsTest {
    @TempDir
    Path dir;

    private final AtomicInteger renders = new AtomicInteger();

    /**
     * Input filters, a nonlinear chain at 4x with a bypassed stage, a cabinet at gain 0.8, a pitch
     * shift and the metronome, at an odd block size into stereo pcm16, and messages, which the
     * property drops.
     */
    private static final Scenario RICH = ScenarioReader.parse("""
            format: blockwise/1
            name: rich
            sampleRate: 44100
            blockSize: 99
            duration: 0.5s
            input:
              - {type: sine, freq: 220, amp: 0.4}
              - {type: pluck, amp: 0.5, notes: [{at: 0.1s, note: A2}]}
            output: {encoding: pcm16, channels: 2}
            setup:
              oversampling: 4
              inputFilters: {highpass: 90, lowpass: 6000}
              pitchShift: 3
              metronome: {enabled: true, bpm: 120, level: 0.3}
              chain: [{type: level, gain: 0.5}, {type: preamp, gain: 8, bias: 0.2}, {type: eq, bypassed: true},
                      {type: delay}, {type: tremolo}]
              ir: {type: synthetic, length: 30ms, decay: 8ms}
              irGain: 0.8
            events:
              - {at: 0.1s, do: removeStage, index: 1}
              - {at: 0.2s, do: setOversampling, factor: 1}
            """, Path.of("rich.yaml"), true);

    private RenderResult render(Scenario s) {
        return OfflineRenderer.render(s, dir.resolve("r" + renders.incrementAndGet()), RenderOptions.DEFAULT);
    }

    private Optional<String> heard(Scenario s, UnaryOperator<Scenario> doctor) {
        Path scratch = dir.resolve("s" + renders.incrementAndGet());
        try {
            Files.createDirectories(scratch);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return SetupHeardAsItsParts.heard(s, new EngineHooks() { }, x -> render(doctor.apply(x)), scratch);
    }

    @Test
    void theSetupAloneKeepsTheSetupAndDropsTheMessages() {
        Scenario alone = SetupHeardAsItsParts.setupAlone(RICH);
        assertEquals(RICH.setup(), alone.setup());
        assertEquals(2, RICH.events().size());
        assertEquals(List.of(), alone.events());
        assertEquals(RICH.durationFrames(), alone.durationFrames());
    }

    @Test
    void aSetupWithTheTunerOnIsSilentFromTheFirstFrame() {
        Scenario tuning = with(RICH, s -> new EngineSetup(s.highpass(), s.lowpass(), s.oversampling(), s.chain(),
                s.ir(), s.irGain(), s.pitchShift(), true, s.metronome()));
        assertEquals(Optional.empty(), heard(tuning, x -> x));
        double[] out = io.blockwise.render.WavReader.read(render(ScenarioEdits.withEvents(tuning, List.of()))
                .outputWav()).channelData()[0];
        for (double v : out) {
            assertEquals(0.0, v);
        }
    }

    @Test
    void aTunerThatDoesNotMuteFails() {
        Scenario tuning = with(RICH, s -> new EngineSetup(s.highpass(), s.lowpass(), s.oversampling(), s.chain(),
                s.ir(), s.irGain(), s.pitchShift(), true, s.metronome()));
        Optional<String> f = heard(tuning, x -> with(x, s -> new EngineSetup(s.highpass(), s.lowpass(),
                s.oversampling(), s.chain(), s.ir(), s.irGain(), s.pitchShift(), false, s.metronome())));
        assertTrue(f.isPresent() && f.get().contains(", tuner on)") && f.get().contains(" differs: engine "),
                String.valueOf(f));
    }

    @Test
    void aRichSetupIsHeardAsItsPartsInSeries() {
        assertEquals(Optional.empty(), heard(RICH, x -> x));
    }

    @Test
    void everyBundledScenariosSetupIsHeardAsItsPartsInSeries() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(BundledOraclesTest.SCENARIOS)) {
            files = s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().equals("schema.json")).sorted().toList();
        }
        assertTrue(files.size() >= 9, "the bundled scenarios: " + files);
        for (Path f : files) {
            Scenario s = ScenarioReader.read(f);
            assertEquals(Optional.empty(), heard(s, x -> x), f.getFileName().toString());
        }
    }

    @Test
    void aChainRunInReverseOrderFails() {
        Optional<String> f = heard(RICH, x -> withChain(x, reversed(x.setup().chain())));
        assertTrue(f.isPresent());
        assertTrue(f.get().startsWith("the setup (input filters 90.0 / 6000.0, chain [level, preamp, eq (bypassed),"
                + " delay, tremolo] at oversampling 4, cabinet at gain 0.8, pitch 3.0, metronome 120.0 bpm)"
                + " sounds as its parts run in series outside the engine; frame "), f.get());
    }

    @Test
    void aChainThatLosesAStageFails() {
        Optional<String> f = heard(RICH, x -> withChain(x, x.setup().chain().subList(1, x.setup().chain().size())));
        assertTrue(f.isPresent() && f.get().contains(" differs: engine "), String.valueOf(f));
    }

    @Test
    void anEngineThatProcessesNothingFails() {
        Optional<String> f = heard(RICH, x -> withChain(x, List.of()));
        assertTrue(f.isPresent() && f.get().contains(" differs: engine "), String.valueOf(f));
    }

    @Test
    void aChainRunAtTheWrongFactorFails() {
        assertFails(x -> with(x, s -> new EngineSetup(s.highpass(), s.lowpass(), 2, s.chain(), s.ir(), s.irGain(),
                s.pitchShift(), false, s.metronome())));
    }

    @Test
    void aSetupWithoutItsCabinetFails() {
        assertFails(x -> with(x, s -> new EngineSetup(s.highpass(), s.lowpass(), s.oversampling(), s.chain(), null,
                s.irGain(), s.pitchShift(), false, s.metronome())));
    }

    @Test
    void aCabinetAtUnityGainFails() {
        assertFails(x -> with(x, s -> new EngineSetup(s.highpass(), s.lowpass(), s.oversampling(), s.chain(), s.ir(),
                1.0, s.pitchShift(), false, s.metronome())));
    }

    @Test
    void aSetupWithoutItsPitchShiftFails() {
        assertFails(x -> with(x, s -> new EngineSetup(s.highpass(), s.lowpass(), s.oversampling(), s.chain(), s.ir(),
                s.irGain(), 0.0, false, s.metronome())));
    }

    @Test
    void aSetupWithoutItsInputFiltersFails() {
        assertFails(x -> with(x, s -> new EngineSetup(null, null, s.oversampling(), s.chain(), s.ir(),
                s.irGain(), s.pitchShift(), false, s.metronome())));
    }

    @Test
    void aSetupWithoutItsMetronomeFails() {
        assertFails(x -> with(x, s -> new EngineSetup(s.highpass(), s.lowpass(), s.oversampling(), s.chain(), s.ir(),
                s.irGain(), s.pitchShift(), false, EngineSetup.Metronome.OFF)));
    }

    private void assertFails(UnaryOperator<Scenario> doctor) {
        Optional<String> f = heard(RICH, doctor);
        assertTrue(f.isPresent() && f.get().contains(" differs: engine "), String.valueOf(f));
    }

    private static Scenario with(Scenario x, UnaryOperator<EngineSetup> edit) {
        return ScenarioEdits.withSetup(x, edit.apply(x.setup()));
    }

    private static Scenario withChain(Scenario x, List<StageSpec> chain) {
        EngineSetup s = x.setup();
        return ScenarioEdits.withSetup(x, new EngineSetup(s.highpass(), s.lowpass(), s.oversampling(), chain, s.ir(),
                s.irGain(), s.pitchShift(), s.tuner(), s.metronome()));
    }

    private static List<StageSpec> reversed(List<StageSpec> chain) {
        List<StageSpec> r = new ArrayList<>(chain);
        Collections.reverse(r);
        return r;
    }
}
