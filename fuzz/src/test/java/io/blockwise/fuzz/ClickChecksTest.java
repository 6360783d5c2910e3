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

    @Test
    void aKindNotYetFadedIsOnlyHeldToNothingBeforeItsBlock() {
        Scenario s = scenario("[{type: level, gain: 0.1}]", "  - {at: 0.05s, do: removeStage, index: 0}\n");
        assertEquals(Optional.empty(), judge(s, Set.of("removeStage")));
    }
}
