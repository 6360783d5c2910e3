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
 * Property 12 ({@link ChainHeardAsItsStages}): the engine's render of a setup chain alone equals
 * its stages run in series outside the engine, and a render whose chain was misrouted (reversed,
 * a stage dropped, nothing processed) fails it at the first frame that differs.
 */
class ChainHeardAsItsStagesTest {
    @TempDir
    Path dir;

    private final AtomicInteger renders = new AtomicInteger();

    /**
     * A nonlinear chain at 4x with a bypassed stage, an odd block size, stereo pcm16 output, and
     * everything the property strips: input filters, a pitch shift, the metronome, the tuner and
     * messages.
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
              inputFilters: {highpass: 90}
              pitchShift: 3
              tuner: true
              metronome: {enabled: true, bpm: 120, level: 0.3}
              chain: [{type: level, gain: 0.5}, {type: preamp, gain: 8, bias: 0.2}, {type: eq, bypassed: true},
                      {type: delay}, {type: tremolo}]
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
        return ChainHeardAsItsStages.heard(s, new EngineHooks() { }, x -> render(doctor.apply(x)), scratch);
    }

    @Test
    void theChainAloneKeepsTheChainAndTheFactorAndDropsEverythingElse() {
        Scenario alone = ChainHeardAsItsStages.chainAlone(RICH);
        EngineSetup setup = alone.setup();
        assertEquals(RICH.setup().chain(), setup.chain());
        assertEquals(4, setup.oversampling());
        assertNull(setup.highpass());
        assertNull(setup.lowpass());
        assertNull(setup.ir());
        assertEquals(0.0, setup.pitchShift());
        assertEquals(false, setup.tuner());
        assertEquals(false, setup.metronome().enabled());
        assertEquals(List.of(), alone.events());
        assertEquals(RICH.durationFrames(), alone.durationFrames());
    }

    @Test
    void aNonlinearChainAtFourTimesWithABypassedStageIsHeardAsItsStagesInSeries() {
        assertEquals(Optional.empty(), heard(RICH, x -> x));
    }

    @Test
    void everyBundledScenariosChainIsHeardAsItsStagesInSeries() throws IOException {
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
        assertTrue(f.get().startsWith("the chain [level, preamp, eq (bypassed), delay, tremolo] at oversampling 4"
                + " sounds as its stages run in series outside the engine; frame "), f.get());
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
        Optional<String> f = heard(RICH, x -> {
            EngineSetup s = x.setup();
            return ScenarioEdits.withSetup(x, new EngineSetup(null, null, 2, s.chain(), null, 1.0, 0.0, false,
                    EngineSetup.Metronome.OFF));
        });
        assertTrue(f.isPresent() && f.get().contains(" differs: engine "), String.valueOf(f));
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
