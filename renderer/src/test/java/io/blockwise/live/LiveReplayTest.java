package io.blockwise.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.render.OfflineRenderer;
import io.blockwise.render.RenderResult;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live session with churn threads racing the scenario's own events, replayed offline from its
 * capture: the same {@code output.wav} byte for byte and the same audio-thread log lines. No
 * wall-clock assertion: deadline misses on a loaded machine change nothing asserted here.
 */
class LiveReplayTest {
    static final String SCENARIO = """
            {"format": "blockwise/1", "name": "live-churn", "sampleRate": 48000, "blockSize": 128,
             "duration": "2s", "seed": 7,
             "input": {"type": "sine", "freq": 220, "amp": 0.3},
             "setup": {"chain": [{"type": "preamp", "gain": 4, "clipper": "triode"}, {"type": "level", "gain": 0.5}],
                       "ir": {"type": "synthetic", "length": "50ms", "decay": "10ms"}},
             "collector": {"everyBlocks": 3},
             "limits": {"queueCapacity": 8, "maxMessagesPerBlock": 3, "maxChainLength": 6},
             "events": [
               {"at": "0.2s", "do": "setParameter", "stage": 1, "param": "gain", "value": 0.8},
               {"at": "0.3s", "do": "addStage", "index": 0, "stage": {"type": "level", "gain": 0.9}},
               {"at": "0.5s", "do": "startRecording"},
               {"at": "0.6s", "do": "setOversampling", "factor": 2},
               {"at": "0.9s", "do": "setPitchShift", "semitones": 3},
               {"at": "1.1s", "do": "stopRecording"}
             ]}
            """;

    /** The audio thread's lines: what the capture contract covers (control lines are timing-dependent). */
    static final Set<String> RT_SIDE = Set.of("apply", "reject", "retire", "fault", "overrun", "rt-alloc", "tuner", "clip");

    @Test
    void aLiveRunWithChurnReplaysOfflineByteForByteFromItsCapture(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("live-churn.json");
        Files.writeString(file, SCENARIO);
        Scenario scenario = ScenarioReader.read(file);
        Path capture = dir.resolve("capture.json");
        LiveResult live = LiveSession.run(scenario, dir.resolve("live"),
                LiveOptions.DEFAULT.withSeconds(1.5).withChurn(3).withChurnIrSeconds(0.05).withCapture(capture));

        Path liveFolder = dir.resolve("live").resolve("live-churn");
        assertTrue(live.clean(), () -> "live defects: " + live.defects() + " " + lines(liveFolder, "rt-alloc"));
        assertEquals(live.scenarioSent() + live.churnSent(), live.taken(), "every message sent was taken");
        assertTrue(live.churnSent() > 100, "the churn threads sent " + live.churnSent());
        assertEquals(6, live.scenarioSent(), "every scenario event before the end was sent");
        assertTrue(live.count("reject") > 0 && live.count("apply") > 0, "churn is both applied and refused");

        Scenario replayed = ScenarioReader.read(capture);
        RenderResult offline = OfflineRenderer.render(replayed, dir.resolve("offline"));
        assertTrue(offline.clean(), () -> "offline defects: " + offline.defects());
        assertEquals(live.blocks() * 128, offline.frames());

        Path offlineFolder = dir.resolve("offline").resolve("live-churn");
        assertArrayEquals(Files.readAllBytes(liveFolder.resolve("output.wav")),
                Files.readAllBytes(offlineFolder.resolve("output.wav")), "output.wav");
        List<String> liveRt = rtSide(liveFolder.resolve("events.jsonl"));
        assertTrue(liveRt.size() > 200, "rt lines: " + liveRt.size());
        assertEquals(liveRt, rtSide(offlineFolder.resolve("events.jsonl")));
        assertArrayEquals(Files.readAllBytes(liveFolder.resolve("take-1.wav")),
                Files.readAllBytes(offlineFolder.resolve("take-1.wav")), "take-1.wav");
    }

    static List<String> lines(Path folder, String event) {
        try {
            return Files.readAllLines(folder.resolve("events.jsonl")).stream()
                    .filter(l -> l.contains("\"event\":\"" + event + "\"")).collect(Collectors.toList());
        } catch (IOException e) {
            return List.of(e.toString());
        }
    }

    static List<String> rtSide(Path events) throws IOException {
        return Files.readAllLines(events).stream()
                .filter(line -> RT_SIDE.stream().anyMatch(k -> line.contains("\"event\":\"" + k + "\"")))
                .collect(Collectors.toList());
    }
}
