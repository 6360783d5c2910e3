package io.blockwise.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.render.OfflineRenderer;
import io.blockwise.render.RenderOptions;
import io.blockwise.render.RenderResult;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The click oracle against scenarios whose answer is known: a level change glides (passes), a
 * removed stage switched at its block jumps (fails while that kind is not yet faded, when judged),
 * a refused message changes nothing, and recording leaves the output alone.
 */
class ClickChecksTest {
    @TempDir
    Path dir;

    private static Scenario scenario(String chain, String events) {
        String yaml = "format: blockwise/1\nname: click\nsampleRate: 48000\nblockSize: 64\nduration: 0.1s\n"
                + "input:\n  - {type: sine, freq: 440, amp: 0.5}\n"
                + "setup: {chain: " + chain + "}\n"
                + "events:\n" + events;
        return ScenarioReader.parse(yaml, Path.of("click.yaml"), true);
    }

    private Optional<String> judge(Scenario s, Set<String> notYetFaded) {
        RenderResult r = OfflineRenderer.render(s, dir.resolve("with"), RenderOptions.DEFAULT);
        AtomicInteger n = new AtomicInteger();
        return ClickChecks.clickFree(s, r,
                x -> OfflineRenderer.render(x, dir.resolve("without" + n.incrementAndGet()), RenderOptions.DEFAULT),
                notYetFaded, 4);
    }

    @Test
    void aGlidingParameterChangePasses() {
        Scenario s = scenario("[{type: level, gain: 1}]",
                "  - {at: 0.05s, do: setParameter, stage: 0, param: gain, value: 0.1}\n");
        assertEquals(Optional.empty(), judge(s, Set.of()));
    }

    @Test
    void aRemovedStageFadesOutToTheDrySignal() {
        // Before removeStage learned to fade, this was a click: the oracle reported it at k=0.
        Scenario s = scenario("[{type: level, gain: 0.1}]", "  - {at: 0.05s, do: removeStage, index: 0}\n");
        assertEquals(Optional.empty(), judge(s, Set.of()));
    }

    @Test
    void aRefusedMessageChangesNothing() {
        Scenario s = scenario("[{type: level, gain: 0.5}]", "  - {at: 0.05s, do: removeStage, index: 3}\n");
        assertEquals(Optional.empty(), judge(s, Set.of()));
    }

    @Test
    void aStageAddedFadesInFromTheDrySignal() {
        Scenario s = scenario("[]", "  - {at: 0.05s, do: addStage, index: 0, stage: {type: level, gain: 0.1}}\n");
        assertEquals(Optional.empty(), judge(s, Set.of()));
    }

    /**
     * Seed 7, try 1615: the input's impulse arrives at the block of a {@code setChain} from a closed
     * noise gate, so the new chain's loudest output falls at the crossfade's first frames and is
     * gone before the new chain is heard alone. The crossfade is right (1/480 of the new sound at
     * k=0); the bound, judged with the sound the new chain makes when it is in place, passes it.
     */
    @Test
    void aCrossfadeStartingOnAnInputImpulseIsNoClick() {
        String yaml = "format: blockwise/1\nname: onset\nsampleRate: 48000\nblockSize: 512\nduration: 3072\n"
                + "input:\n  - {type: impulse, at: 1024, amp: 0.5}\n"
                + "setup: {chain: [{type: noiseGate, threshold: -60, ratio: 10, attack: 1, hold: 50, release: 100}]}\n"
                + "events:\n  - {at: 1024, do: setChain, chain: [{type: reverb, roomSize: 0.53, damping: 0.59, mix: 0.19},"
                + " {type: reverb, roomSize: 0.09, damping: 0.67, mix: 0.28},"
                + " {type: toneStack, bass: 0.74, mid: 1.03, treble: 0.72, presence: 0.34, model: modern}]}\n";
        Scenario s = ScenarioReader.parse(yaml, Path.of("onset.yaml"), true);
        assertEquals(Optional.empty(), judge(s, Set.of()));
    }

    /** A parameter that jumps at its block (the planted defect) still fails, with the earlier render too. */
    @Test
    void aParameterThatJumpsIsAClickEvenJudgedAgainstTheEarlierChange() {
        Scenario s = scenario("[{type: level, gain: 1}]",
                "  - {at: 0.05s, do: setParameter, stage: 0, param: gain, value: 0.1}\n");
        RenderOptions planted = RenderOptions.DEFAULT.withHooks(io.blockwise.fuzz.plant.PlantedDefect.JUMPING_PARAMETER.hooks());
        RenderResult r = OfflineRenderer.render(s, dir.resolve("with"), planted);
        AtomicInteger n = new AtomicInteger();
        Optional<String> f = ClickChecks.clickFree(s, r,
                x -> OfflineRenderer.render(x, dir.resolve("other" + n.incrementAndGet()), planted), Set.of(), 4);
        assertTrue(f.isPresent() && f.get().contains("setParameter") && f.get().contains("(k=0)"), f.toString());
        assertEquals(2, n.get(), "the reference without the message and the one with it moved earlier");
    }

    @Test
    void aKindNotYetFadedIsOnlyHeldToNothingBeforeItsBlock() {
        Scenario s = scenario("[{type: level, gain: 0.1}]", "  - {at: 0.05s, do: removeStage, index: 0}\n");
        assertEquals(Optional.empty(), judge(s, Set.of("removeStage")));
    }
}
