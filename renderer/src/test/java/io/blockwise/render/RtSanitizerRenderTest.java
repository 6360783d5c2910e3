package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blockwise.testing.TestDefects;
import io.blockwise.rt.LogEvent;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render --jfr}: blocking calls inside {@code Engine.process} become {@code rt-block} events and sanitizer findings. */
class RtSanitizerRenderTest {
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
        List<RtSanitizerReport.Site> sites = r.sanitizer().sites();
        assertEquals(1, sites.size(), "one park, one stack: " + r.sanitizer().text("blocking"));
        RtSanitizerReport.Site park = sites.get(0);
        assertEquals("ThreadPark", park.kind());
        assertEquals(blocks.size(), park.count(), "every rt-block is one finding of the site");
        assertTrue(park.frames().stream().anyMatch(f -> f.startsWith("io.blockwise.testing.TestDefects$Defective.process:")),
                park.frames().toString());
        assertEquals(first.block(), park.blocks().get(0));
    }

    @Test
    void summaryJsonHoldsTheSanitizerSectionWithTheDeDuplicatedStack() throws Exception {
        RenderResult r = render(RenderOptions.DEFAULT.withHooks(TestDefects.parkingPreamp()));
        JsonNode section = new ObjectMapper().readTree(r.folder().resolve("summary.json").toFile()).get("rtSanitizer");
        assertEquals(r.sanitizer().findings().size(), section.get("events").asInt());
        assertEquals(1, section.get("sites").size(), section.toString());
        JsonNode site = section.get("sites").get(0);
        assertEquals("ThreadPark", site.get("kind").asText());
        assertEquals(r.sanitizer().findings().size(), site.get("count").asInt());
        assertTrue(site.get("stack").toString().contains("io.blockwise.testing.TestDefects$Defective.process:"), site.toString());
        assertTrue(site.get("stack").get(site.get("stack").size() - 1).asText().startsWith("io.blockwise.engine.Engine.process:"),
                site.toString());
    }

    @Test
    void aCorrectEngineLogsNoRtBlock() {
        RenderResult r = render(RenderOptions.DEFAULT);
        assertEquals(0L, r.eventCounts().getOrDefault("rt-block", 0L), r.events().toString());
        assertEquals(List.of(), r.defects());
        assertTrue(r.sanitizer().recorded());
        assertEquals(List.of(), r.sanitizer().findings(), r.sanitizer().text("blocking"));
    }

    @Test
    void withoutJfrThereIsNoSanitizerSection() throws Exception {
        Scenario s = ScenarioReader.parse(SCENARIO, tmp.resolve("blocking.json"), false);
        RenderResult r = OfflineRenderer.render(s, tmp.resolve("plain"), RenderOptions.DEFAULT);
        assertEquals(RtSanitizerReport.OFF, r.sanitizer());
        assertTrue(new ObjectMapper().readTree(r.folder().resolve("summary.json").toFile()).get("rtSanitizer") == null);
    }
}
