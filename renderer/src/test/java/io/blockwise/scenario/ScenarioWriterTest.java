package io.blockwise.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Canonical JSON: read → write → read gives an equal scenario, for every source and every message. */
class ScenarioWriterTest {
    @TempDir
    Path dir;

    static final String EVERYTHING = """
            {
              "format": "blockwise/1", "name": "everything", "sampleRate": 44100, "blockSize": 100,
              "duration": "3s", "seed": 9223372036854775807,
              "input": [
                {"type": "sine", "freq": 440.5, "amp": 0.30000000000000004, "phase": -1},
                {"type": "sweep", "from": 20, "to": 20000, "curve": "linear"},
                {"type": "noise", "color": "pink", "amp": 0.05},
                {"type": "impulse", "at": "1.5s"},
                {"type": "pluck", "amp": 0.7, "notes": [{"at": 0, "note": "E2"}, {"at": "2s", "hz": 110.25, "decay": "3b"}]},
                {"type": "silence"},
                {"type": "file", "path": "audio/in.wav"}
              ],
              "output": {"encoding": "pcm16"},
              "setup": {
                "inputFilters": {"lowpass": 12000},
                "oversampling": 2,
                "chain": [{"type": "noiseGate", "threshold": -70}, {"type": "compressor", "ratio": 8},
                          {"type": "preamp", "clipper": "asymmetric", "bias": -0.25},
                          {"type": "toneStack", "model": "flat"}, {"type": "powerAmp", "class": "B"},
                          {"type": "multibandSaturator", "lowFreq": 120}, {"type": "level", "gain": 1e-3},
                          {"type": "delay", "time": "0.1ms"}, {"type": "reverb", "mix": 0.5},
                          {"type": "eq", "bands": [1, -2, 3, -4, 5, -6, 7, -8, 9, -10, 11, -12, 0.5, 0, 0, 12]},
                          {"type": "tremolo", "rate": 0.1, "bypassed": true}],
                "ir": {"type": "file", "path": "irs/cab.wav"},
                "pitchShift": -12.5, "metronome": {"level": 0.75}
              },
              "collector": {"everyBlocks": 3, "stalls": [{"from": 0, "to": 0}, {"from": "1s", "to": "2s"}]},
              "writer": {"stalls": [{"from": "10b", "to": "20b"}]},
              "limits": {"queueCapacity": 1048576, "maxMessagesPerBlock": 1, "maxChainLength": 1024},
              "events": [
                {"at": "2s", "do": "stopRecording"},
                {"at": 0, "do": "setChain", "chain": [{"type": "level"}]},
                {"at": 0, "do": "setInputFilters", "highpass": 40},
                {"at": 10, "do": "setParameter", "stage": 0, "param": "time", "value": "20ms"},
                {"at": 10, "do": "replaceStage", "index": 0, "stage": {"type": "delay", "time": 123.456}},
                {"at": 11, "do": "addStage", "index": 1, "stage": {"type": "eq"}},
                {"at": 12, "do": "removeStage", "index": 5},
                {"at": 13, "do": "swapStages", "a": 0, "b": 1},
                {"at": 14, "do": "setStageBypassed", "index": 1, "bypassed": true},
                {"at": 15, "do": "swapIr", "ir": {"type": "synthetic", "length": "1s", "decay": "0.2s"}, "crossfade": "5ms"},
                {"at": 15, "do": "swapIr", "ir": {"type": "file", "path": "irs/cab.wav"}},
                {"at": 16, "do": "clearIr"},
                {"at": 17, "do": "setIrBypass", "bypassed": false},
                {"at": 18, "do": "setIrGain", "gain": 2},
                {"at": 19, "do": "setPitchShift", "semitones": 7},
                {"at": 20, "do": "setOversampling", "factor": 16},
                {"at": 21, "do": "setTunerEnabled", "enabled": true},
                {"at": 22, "do": "setMetronome", "enabled": true, "bpm": 300, "level": 0},
                {"at": "1s", "do": "startRecording", "encoding": "float32"},
                {"at": 0, "do": "startRecording"}
              ]
            }
            """;

    private Scenario everything() throws IOException {
        Files.createDirectories(dir.resolve("scenarios/audio"));
        Files.createDirectories(dir.resolve("scenarios/irs"));
        Files.write(dir.resolve("scenarios/audio/in.wav"), new byte[0]);
        Files.write(dir.resolve("scenarios/irs/cab.wav"), new byte[0]);
        Path file = dir.resolve("scenarios/everything.json");
        Files.writeString(file, EVERYTHING);
        return ScenarioReader.read(file);
    }

    @Test
    void readWriteReadGivesAnEqualScenarioForEverySourceAndMessage() throws IOException {
        Scenario s = everything();
        Set<String> sources = new HashSet<>();
        s.inputs().forEach(i -> sources.add(i.getClass().getSimpleName()));
        assertEquals(SourceSpec.class.getPermittedSubclasses().length, sources.size(), "every source kind");
        Set<String> messages = new HashSet<>();
        s.events().forEach(e -> messages.add(e.message().name()));
        assertEquals(EventReader.NAMES.size(), messages.size(), "every message");

        String json = ScenarioWriter.toJson(s);
        Scenario again = ScenarioReader.parse(json, s.file(), false);
        assertEquals(s, again);
        assertEquals(json, ScenarioWriter.toJson(again), "canonical: writing again changes nothing");
    }

    @Test
    void theCanonicalFormWritesEveryKeyTimesAsFramesAndDelayTimeInMilliseconds() throws IOException {
        Scenario s = everything();
        JsonNode root = new ObjectMapper().readTree(ScenarioWriter.toJson(s));
        List<String> top = new ArrayList<>();
        root.fieldNames().forEachRemaining(top::add);
        assertEquals(ScenarioReader.KEYS, top);
        List<String> setup = new ArrayList<>();
        root.get("setup").fieldNames().forEachRemaining(setup::add);
        assertEquals(SetupReader.KEYS, setup);
        assertEquals(132300, root.get("duration").longValue());
        assertTrue(root.get("duration").isIntegralNumber());
        assertEquals(66150, root.get("input").get(3).get("at").longValue(), "1.5 s at 44.1 kHz");
        assertEquals(300, root.get("input").get(4).get("notes").get(1).get("decay").longValue(), "3 blocks of 100");
        assertEquals(82.4068892282175, root.get("input").get(4).get("notes").get(0).get("hz").doubleValue(), 1e-12);
        // "0.1ms" at 44.1 kHz is 4.41 frames, rounded to 4, i.e. 4000/44100 ms.
        assertEquals(4000.0 / 44100, root.get("setup").get("chain").get(7).get("time").doubleValue(), 0.0);
        assertEquals("audio/in.wav", root.get("input").get(6).get("path").textValue(), "relative to the scenario");
        JsonNode events = root.get("events");
        assertEquals("stopRecording", events.get(0).get("do").textValue(), "events in file order");
        assertEquals(88200, events.get(0).get("at").longValue());
        assertEquals(20.0, events.get(3).get("value").doubleValue(), "20ms stays 20 ms");
        assertEquals(441, events.get(10).get("crossfade").longValue(), "default crossfade 10ms in frames");
        assertEquals("pcm16", events.get(19).get("encoding").textValue());
        assertTrue(root.get("setup").get("inputFilters").get("highpass").isNull());
        assertEquals(16, root.get("setup").get("chain").get(9).get("bands").size());
    }
}
