package io.blockwise.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code blockwise live}: a short session with churn, its summary, and its capture rendered back. */
class LiveCommandTest {
    @TempDir
    Path tmp;

    static final String SCENARIO = """
            {"format": "blockwise/1", "name": "live-cli", "sampleRate": 48000, "blockSize": 128,
             "duration": "1s", "input": {"type": "sine", "freq": 330, "amp": 0.2},
             "setup": {"chain": [{"type": "level", "gain": 0.5}]},
             "limits": {"queueCapacity": 4, "maxMessagesPerBlock": 2, "maxChainLength": 4},
             "events": [{"at": "0.1s", "do": "addStage", "index": 0, "stage": {"type": "level", "gain": 0.9}}]}
            """;

    @Test
    void aLiveRunWithChurnWritesItsSummaryAndACaptureThatRendersToTheSameBytes() throws Exception {
        Path scenario = tmp.resolve("live-cli.json");
        Files.writeString(scenario, SCENARIO);
        Path capture = tmp.resolve("capture.json");
        BlockwiseCliTest.Run live = BlockwiseCliTest.run("live", scenario.toString(), "-o", tmp.resolve("live").toString(),
                "--seconds", "0.5", "--churn", "2", "--churn-ir", "0.02", "--capture", capture.toString());
        assertEquals(0, live.code(), live.err() + live.out());
        assertTrue(live.out().startsWith("live-cli live: ") && live.out().contains("rt-alloc 0"), live.out());

        JsonNode summary = new ObjectMapper().readTree(tmp.resolve("live/live-cli/summary.json").toFile());
        assertEquals("live", summary.get("mode").asText());
        // 0.5 s is 188 blocks of 128; the session then runs until the queue is empty
        assertEquals(188, summary.get("blocks").asLong() - summary.get("drainBlocks").asLong());
        assertEquals(0, summary.get("messages").get("lost").asLong());
        assertEquals(0, summary.get("rtAlloc").asLong());
        assertTrue(summary.get("messages").get("churn").asLong() > 0);
        assertEquals(2666.7, summary.get("blockPeriodUs").asDouble());
        for (String key : new String[] {"medianUs", "p99Us", "p999Us", "maxUs"}) {
            assertTrue(summary.get("processPerBlock").has(key), key);
        }
        assertTrue(summary.get("deadline").has("misses") && summary.get("gc").has("pauses"));
        // Every miss is put down to exactly one of the six parts of its block's time.
        long byCause = 0;
        for (JsonNode n : summary.get("deadline").get("byCause")) {
            byCause += n.asLong();
        }
        assertEquals(summary.get("deadline").get("misses").asLong(), byCause, summary.get("deadline").toString());
        assertEquals(6, summary.get("deadline").get("byCause").size());
        // The default --rt-priority 70: SCHED_FIFO where chrt is permitted, else the reason.
        String realtime = summary.get("realtime").asText();
        assertTrue(realtime.equals("SCHED_FIFO 70") || realtime.startsWith("not set: "), realtime);
        assertTrue(live.out().contains("scheduling " + realtime), live.out());
        assertEquals(0, summary.get("bookkeeping").get("relayDropped").asLong());
        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            List<String> threads = new ArrayList<>();
            summary.get("threads").forEach(t -> threads.add(t.get("thread").asText()));
            assertEquals("driver", threads.get(0), threads.toString());
            assertTrue(threads.contains("blockwise-rt") && threads.contains("blockwise-bookk"), threads.toString());
        }

        BlockwiseCliTest.Run replay = BlockwiseCliTest.run("render", capture.toString(), "-o", tmp.resolve("replay").toString());
        assertEquals(0, replay.code(), replay.err() + replay.out());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("live/live-cli/output.wav")),
                Files.readAllBytes(tmp.resolve("replay/live-cli/output.wav")));
    }

    @Test
    void aNegativeChurnIsOneLineAndExitTwoWithNothingWritten() throws Exception {
        Path scenario = tmp.resolve("live-cli.json");
        Files.writeString(scenario, SCENARIO);
        BlockwiseCliTest.Run r = BlockwiseCliTest.run("live", scenario.toString(), "-o", tmp.resolve("out").toString(),
                "--churn", "-1");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }
}
