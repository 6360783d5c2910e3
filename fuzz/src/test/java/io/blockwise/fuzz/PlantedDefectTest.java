package io.blockwise.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.fuzz.plant.PlantedDefect;
import io.blockwise.render.RenderOptions;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof that the fuzzer bites: with each defect planted on purpose, the fuzzer (default budget,
 * or 300 tries for the classes of issue 9: sound, time, log completeness, early free; fixed seed) finds a failure of the property that defect breaks and shrinks it to a scenario of
 * at most 5 events; the file it writes still fails when read back, and passes on the healthy
 * engine (so it is the defect that fails it, not the scenario).
 */
class PlantedDefectTest {
    static final long SEED = 20240611L;

    @TempDir
    Path dir;

    @Test
    void anAllocatingStageIsFoundAndShrunk() {
        bites(PlantedDefect.ALLOCATING_STAGE, FuzzProperty.AUDIO_THREAD_ALLOCATES_NOTHING);
    }

    @Test
    void aBlockingStageIsFoundByTheJfrAuditAndShrunk() {
        bites(PlantedDefect.BLOCKING_STAGE, FuzzProperty.AUDIO_THREAD_ALLOCATES_NOTHING);
    }

    @Test
    void aResourceDroppedInsteadOfRetiredIsFoundAndShrunk() {
        bites(PlantedDefect.DROP_INSTEAD_OF_RETIRE, FuzzProperty.RESOURCES_RETIRED_AND_FREED_ONCE);
    }

    @Test
    void aCollectorThatFreesTwiceIsFoundAndShrunk() {
        bites(PlantedDefect.DOUBLE_FREE, FuzzProperty.RESOURCES_RETIRED_AND_FREED_ONCE);
    }

    @Test
    void aMessageDroppedWhenTheQueueIsFullIsFoundAndShrunk() {
        bites(PlantedDefect.DROP_WHEN_QUEUE_FULL, FuzzProperty.NO_MESSAGE_LOST);
    }

    @Test
    void aParameterThatJumpsInsteadOfGlidingIsFoundByTheClickOracleAndShrunk() {
        bites(PlantedDefect.JUMPING_PARAMETER, FuzzProperty.CLICK_FREE, 300);
    }

    @Test
    void aMessageOnABlockEdgeAppliedOneBlockLateIsFoundAndShrunk() {
        bites(PlantedDefect.LATE_ON_BLOCK_EDGE, FuzzProperty.NO_MESSAGE_LOST, 300);
    }

    @Test
    void aClipChangeMissingFromTheLogIsFoundAndShrunk() {
        bites(PlantedDefect.SKIPPED_CLIP_EVENT, FuzzProperty.LOG_COMPLETE, 300);
    }

    @Test
    void aTunerReadingMissingFromTheLogIsFoundAndShrunk() {
        bites(PlantedDefect.SKIPPED_TUNER_EVENT, FuzzProperty.LOG_COMPLETE, 300);
    }

    @Test
    void aStageFreedWhileStillInstalledIsFoundAsAnEarlyFreeAndShrunk() {
        Fuzzer.Failure f = bites(PlantedDefect.EARLY_FREE, FuzzProperty.RESOURCES_RETIRED_AND_FREED_ONCE, 300);
        assertTrue(f.line().contains("early free") && f.line().contains("still reached it"), f.line());
    }

    private void bites(PlantedDefect defect, FuzzProperty expected) {
        bites(defect, expected, Fuzzer.DEFAULT_TRIES);
    }

    private Fuzzer.Failure bites(PlantedDefect defect, FuzzProperty expected, int tries) {
        RenderOptions planted = Fuzzer.planting(defect);
        List<String> lines = new ArrayList<>();
        Fuzzer.Report report = new Fuzzer(Fuzzer.Options.defaults(SEED).withTries(tries).withOutDir(dir)
                .withRender(planted).stoppingAtFirstFailure(), lines::add, null).run();

        Fuzzer.Failure f = report.failure(expected).orElseThrow(() -> new AssertionError(
                defect.cliName() + " not found as " + expected.label() + "; output: " + lines));
        assertTrue(f.minimal().events().size() <= 5, "shrunk to at most 5 events: " + f.line());
        assertTrue(lines.contains(f.line()), "the failure is printed: " + lines);
        assertEquals(report.summaryLine(), lines.get(lines.size() - 1), "the summary line comes last");

        Scenario fromFile = ScenarioReader.read(f.files().get(0));
        try (PropertyChecks withDefect = new PropertyChecks(planted);
                PropertyChecks healthy = new PropertyChecks(RenderOptions.DEFAULT
                        .withJfrBlockingAudit(planted.jfrBlockingAudit()))) {
            assertTrue(withDefect.check(expected, fromFile).isPresent(), "the written scenario still fails");
            assertTrue(healthy.check(expected, fromFile).isEmpty(), "and passes without the defect");
        }
        return f;
    }
}
