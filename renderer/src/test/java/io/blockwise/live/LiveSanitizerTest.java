package io.blockwise.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blockwise.render.RtSanitizerReport;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioReader;
import io.blockwise.testing.TestDefects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live session under the real-time sanitizer ({@code live --jfr}) with a stage planted through
 * the session's {@code EngineHooks} (as offline renders take them;
 * {@link TestDefects#lockingSleepingAllocatingLevel}), which takes a contended lock,
 * sleeps and allocates on the audio thread in every block: each is reported with the stage's own
 * line in its stack, in the result and in {@code summary.json}, and the session is not clean.
 * No wall-clock assertion: the lock is held by another thread for most of the session, so the
 * audio thread finds it taken in some blocks however the machine schedules them.
 */
class LiveSanitizerTest {
    static final String STAGE_FRAME = "io.blockwise.testing.TestDefects$Defective.process:";
    static final String SCENARIO = """
            {"format": "blockwise/1", "name": "live-planted", "sampleRate": 48000, "blockSize": 128,
             "duration": "1s", "seed": 3,
             "input": {"type": "sine", "freq": 440, "amp": 0.3},
             "setup": {"chain": [{"type": "preamp", "gain": 2}, {"type": "level", "gain": 0.5}]}}
            """;

    /** The monitor the planted stage shares with a holder thread (a class of its own, so JFR names it). */
    static final class SharedState {
    }

    @Test
    void aPlantedStageThatLocksSleepsAndAllocatesIsReportedWithItsStackByALiveSessionUnderTheSanitizer(
            @TempDir Path dir) throws Exception {
        Path file = dir.resolve("live-planted.json");
        Files.writeString(file, SCENARIO);
        Scenario scenario = ScenarioReader.read(file);
        SharedState lock = new SharedState();
        Thread holder = new Thread(() -> {
            // Holds the stage's lock 2 ms of every 2.5 ms until interrupted.
            while (!Thread.currentThread().isInterrupted()) {
                synchronized (lock) {
                    sleep(2);
                }
                sleep(0);
            }
        }, "lock-holder");
        holder.setDaemon(true);
        holder.start();
        LiveResult live;
        try {
            live = LiveSession.run(scenario, dir.resolve("live"),
                    LiveOptions.DEFAULT.withJfr(true).withHooks(TestDefects.lockingSleepingAllocatingLevel(lock)));
        } finally {
            holder.interrupt();
            holder.join();
        }

        RtSanitizerReport report = live.sanitizer();
        System.out.print(report.text(live.name())); // what a user reads on stderr
        List<String> kinds = new ArrayList<>();
        for (RtSanitizerReport.Site site : report.sites()) {
            kinds.add(site.kind());
            assertTrue(site.frames().stream().anyMatch(f -> f.startsWith(STAGE_FRAME)),
                    site.kind() + " without the stage's line: " + site.frames());
        }
        assertTrue(kinds.contains("JavaMonitorEnter"), "the contended lock: " + kinds);
        assertTrue(kinds.contains("ThreadSleep"), "the sleep: " + kinds);
        assertTrue(kinds.contains(RtSanitizerReport.ALLOCATION), "the allocation: " + kinds);
        assertFalse(live.clean(), "a stage that blocks and allocates on the audio thread is a defect");
        assertTrue(live.count("rt-alloc") > 0 && live.count("rt-block") > 0, live.defects().toString());

        JsonNode summary = new ObjectMapper().readTree(dir.resolve("live/live-planted/summary.json").toFile());
        List<String> inSummary = new ArrayList<>();
        for (JsonNode site : summary.get("rtSanitizer").get("sites")) {
            inSummary.add(site.get("kind").asText());
            boolean stageLine = false;
            for (JsonNode frame : site.get("stack")) {
                stageLine |= frame.asText().startsWith(STAGE_FRAME);
            }
            assertTrue(stageLine, "summary.json's " + site.get("kind") + " stack: " + site.get("stack"));
        }
        assertEquals(kinds, inSummary, "summary.json lists the sites the result has");
        assertEquals(live.count("rt-block"), summary.get("rtBlock").asLong());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis, millis == 0 ? 500_000 : 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
