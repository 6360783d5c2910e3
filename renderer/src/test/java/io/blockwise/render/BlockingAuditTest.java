package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.testing.TestDefects;
import io.blockwise.rt.LogEvent;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render --jfr}: blocking calls inside {@code Engine.process} become {@code rt-block} events. */
class BlockingAuditTest {
    @TempDir
    Path tmp;

    static final String SCENARIO = "{\"format\": \"blockwise/1\", \"name\": \"blocking\", \"sampleRate\": 8000,"
            + " \"blockSize\": 80, \"duration\": 8000, \"input\": {\"type\": \"sine\", \"freq\": 220},"
            + " \"events\": [{\"at\": 4000, \"do\": \"addStage\", \"index\": 0, \"stage\": {\"type\": \"preamp\"}}]}";

    private RenderResult render(RenderOptions options) {
        Scenario s = ScenarioReader.parse(SCENARIO, tmp.resolve("blocking.json"), false);
        return OfflineRenderer.render(s, tmp.resolve("out"), options.withJfrBlockingAudit(true));
    }

    @Test
    void aStageThatParksIsLoggedAsRtBlockFromTheBlockItStarts() {
        RenderResult r = render(RenderOptions.DEFAULT.withHooks(TestDefects.parkingPreamp()));
        List<LogEvent> blocks = r.events().stream().filter(e -> e.event().equals("rt-block")).toList();
        assertTrue(blocks.size() >= 40, "one park per block from block 50: " + blocks.size());
        LogEvent first = blocks.get(0);
        assertTrue(first.block() >= 49 && first.block() <= 51, "attributed to the block the stage arrives: " + first);
        assertEquals("ThreadPark", first.get("call"));
        assertTrue(((String) first.get("at")).startsWith("jdk.internal.misc.Unsafe.park")
                || ((String) first.get("at")).startsWith("java.util.concurrent.locks.LockSupport"), first.toJson());
        assertTrue(r.defects().stream().anyMatch(d -> d.contains("rt-block")), r.defects().toString());
    }

    @Test
    void aCorrectEngineLogsNoRtBlock() {
        RenderResult r = render(RenderOptions.DEFAULT);
        assertEquals(0L, r.eventCounts().getOrDefault("rt-block", 0L), r.events().toString());
        assertEquals(List.of(), r.defects());
    }
}
