package io.blockwise.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.blockwise.dsp.StageType;
import io.blockwise.record.Encoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Valid scenarios: JSON and YAML agree, defaults are the format's, times and notes convert exactly. */
class ScenarioReaderTest {
    @TempDir
    Path dir;

    static final String FULL_JSON = """
            // A full scenario: every section, comments of both kinds.
            {
              "format": "blockwise/1",
              "name": "full-1",
              "description": "everything at once",
              /* timing first is not required: */
              "duration": "2s",
              "sampleRate": 48000,
              "blockSize": 128,
              "seed": -42,
              "input": [
                {"type": "sine", "freq": 440, "amp": 0.25, "phase": 1.5},
                {"type": "pluck", "notes": [{"at": "0.5s", "note": "E2"}, {"at": 100, "hz": 196, "decay": "250ms"}]},
                {"type": "file", "path": "in.wav"}
              ],
              "output": {"encoding": "pcm24", "channels": 2},
              "setup": {
                "inputFilters": {"highpass": 100, "lowpass": 8000},
                "oversampling": 4,
                "chain": [ {"type": "preamp", "gain": 6, "clipper": "triode"},
                           {"type": "toneStack", "model": "british", "bass": 1.2},
                           {"type": "delay", "time": "250ms", "feedback": 0.3, "mix": 0.2, "bypassed": true} ],
                "ir": {"type": "synthetic", "length": "300ms", "decay": "60ms"},
                "irGain": 0.5,
                "tuner": true,
                "metronome": {"enabled": true, "bpm": 90}
              },
              "collector": {"everyBlocks": 4, "stalls": [{"from": "12b", "to": "1s"}]},
              "writer": {"stalls": [{"from": 0, "to": "10ms"}]},
              "limits": {"queueCapacity": 8, "maxMessagesPerBlock": 2},
              "events": [
                {"at": "1s", "do": "setParameter", "stage": 0, "param": "gain", "value": 8}, // late
                {"at": 0, "do": "swapIr", "ir": {"type": "file", "path": "irs/cab.wav"}},
                {"at": "1s", "do": "setInputFilters", "lowpass": null, "highpass": 80}
              ]
            }
            """;

    static final String FULL_YAML = """
            # The same scenario in YAML.
            format: blockwise/1
            name: full-1
            description: everything at once
            duration: 2s
            sampleRate: 48000
            blockSize: 128
            seed: -42
            input:
              - {type: sine, freq: 440, amp: 0.25, phase: 1.5}
              - type: pluck
                notes:
                  - {at: 0.5s, note: E2}
                  - {at: 100, hz: 196, decay: 250ms}
              - {type: file, path: in.wav}
            output: {encoding: pcm24, channels: 2}
            setup:
              inputFilters: {highpass: 100, lowpass: 8000}
              oversampling: 4
              chain:
                - {type: preamp, gain: 6, clipper: triode}
                - {type: toneStack, model: british, bass: 1.2}
                - {type: delay, time: 250ms, feedback: 0.3, mix: 0.2, bypassed: true}
              ir: {type: synthetic, length: 300ms, decay: 60ms}
              irGain: 0.5
              tuner: true
              metronome: {enabled: true, bpm: 90}
            collector: {everyBlocks: 4, stalls: [{from: 12b, to: 1s}]}
            writer:
              stalls: [{from: 0, to: 10ms}]
            limits: {queueCapacity: 8, maxMessagesPerBlock: 2}
            events:
              - {at: 1s, do: setParameter, stage: 0, param: gain, value: 8}
              - at: 0
                do: swapIr
                ir: {type: file, path: irs/cab.wav}
              - {at: 1s, do: setInputFilters, lowpass: ~, highpass: 80}
            """;

    private void files() throws IOException {
        Files.createDirectories(dir.resolve("irs"));
        Files.write(dir.resolve("in.wav"), new byte[0]);
        Files.write(dir.resolve("irs/cab.wav"), new byte[0]);
    }

    private static Scenario withFile(Scenario s, Path file) {
        return new Scenario(file, s.name(), s.description(), s.sampleRate(), s.blockSize(), s.durationFrames(),
                s.seed(), s.inputs(), s.output(), s.setup(), s.collector(), s.writer(), s.limits(), s.events());
    }

    @Test
    void theSameScenarioInJsonWithCommentsAndInYamlReadsEqual() throws IOException {
        files();
        Files.writeString(dir.resolve("s.json"), FULL_JSON);
        Files.writeString(dir.resolve("s.yml"), FULL_YAML);
        Scenario json = ScenarioReader.read(dir.resolve("s.json"));
        Scenario yaml = ScenarioReader.read(dir.resolve("s.yml"));
        assertEquals(json, withFile(yaml, json.file()));
    }

    @Test
    void theFullScenarioHoldsWhatTheFileSays() throws IOException {
        files();
        Files.writeString(dir.resolve("s.json"), FULL_JSON);
        Scenario s = ScenarioReader.read(dir.resolve("s.json"));
        assertEquals(96000, s.durationFrames());
        assertEquals(-42, s.seed());
        assertEquals(new SourceSpec.Sine(440, 0.25, 1.5), s.inputs().get(0));
        SourceSpec.Pluck pluck = (SourceSpec.Pluck) s.inputs().get(1);
        assertEquals(0.8, pluck.amp());
        assertEquals(24000, pluck.notes().get(0).atFrame());
        assertEquals(48000, pluck.notes().get(0).decayFrames(), "decay defaults to 1 s");
        assertEquals(new SourceSpec.PluckNote(100, 196, 12000), pluck.notes().get(1));
        assertEquals(dir.resolve("in.wav").toAbsolutePath().normalize(), ((SourceSpec.File) s.inputs().get(2)).path());
        assertEquals(new Scenario.Output(Encoding.PCM24, 2), s.output());
        EngineSetup setup = s.setup();
        assertEquals(100.0, setup.highpass());
        assertEquals(8000.0, setup.lowpass());
        assertEquals(4, setup.oversampling());
        assertEquals(StageSpec.defaults(StageType.PREAMP).with(0, 6).withChoice(5), setup.chain().get(0));
        assertEquals(StageSpec.defaults(StageType.TONE_STACK).with(0, 1.2).withChoice(1), setup.chain().get(1));
        assertEquals(List.of(250.0, 0.3, 0.2), setup.chain().get(2).values(), "delay time 250ms in ms");
        assertEquals(true, setup.chain().get(2).bypassed());
        assertEquals(new IrSpec.Synthetic(14400, 2880), setup.ir());
        assertEquals(0.5, setup.irGain());
        assertEquals(0.0, setup.pitchShift());
        assertEquals(true, setup.tuner());
        assertEquals(new EngineSetup.Metronome(true, 90, 0.5), setup.metronome());
        assertEquals(new Scenario.Schedule(4, List.of(new Scenario.Stall(1536, 48000))), s.collector());
        assertEquals(new Scenario.Schedule(1, List.of(new Scenario.Stall(0, 480))), s.writer());
        assertEquals(new Scenario.Limits(8, 2, 64), s.limits());
    }

    @Test
    void defaultsAreTheOnesTheFormatLists() {
        Scenario s = ScenarioReader.parse("""
                {"format": "blockwise/1", "name": "d", "sampleRate": 48000, "blockSize": 64, "duration": 480,
                 "input": [{"type": "sine", "freq": 100}, {"type": "sweep", "from": 20, "to": 2000},
                           {"type": "noise"}, {"type": "impulse", "at": 0}, {"type": "silence"}],
                 "setup": {"chain": [{"type": "preamp"}, {"type": "compressor"}, {"type": "noiseGate"},
                                     {"type": "powerAmp"}, {"type": "delay"}, {"type": "eq"}]},
                 "events": [{"at": 0, "do": "swapIr", "ir": {"type": "synthetic", "length": 100, "decay": 10}},
                            {"at": 0, "do": "setMetronome", "enabled": true},
                            {"at": 0, "do": "startRecording"},
                            {"at": 0, "do": "setInputFilters"}]}
                """, Path.of("d.json"), false);
        assertEquals("", s.description());
        assertEquals(0, s.seed());
        assertEquals(new Scenario.Output(Encoding.FLOAT32, 1), s.output());
        assertEquals(new Scenario.Limits(64, 64, 64), s.limits());
        assertEquals(new Scenario.Schedule(1, List.of()), s.collector());
        assertEquals(new Scenario.Schedule(1, List.of()), s.writer());
        assertEquals(List.of(new SourceSpec.Sine(100, 0.5, 0), new SourceSpec.Sweep(20, 2000, 0.5, SourceSpec.Curve.LOG),
                new SourceSpec.Noise(SourceSpec.NoiseColor.WHITE, 0.1), new SourceSpec.Impulse(0, 1.0),
                new SourceSpec.Silence()), s.inputs());
        List<StageSpec> chain = s.setup().chain();
        // The format's table, typed here by hand.
        assertEquals(new StageSpec(StageType.PREAMP, false, List.of(3.0, 0.0), 0), chain.get(0));
        assertEquals(new StageSpec(StageType.COMPRESSOR, false, List.of(-20.0, 4.0, 10.0, 100.0, 0.0), -1), chain.get(1));
        assertEquals(new StageSpec(StageType.NOISE_GATE, false, List.of(-60.0, 10.0, 1.0, 50.0, 100.0), -1), chain.get(2));
        assertEquals(List.of(0.5, 0.3, 100.0), chain.get(3).values());
        assertEquals("AB", StageType.POWER_AMP.choice().values().get(chain.get(3).choice()));
        assertEquals(List.of(300.0, 0.3, 0.3), chain.get(4).values());
        assertEquals(List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
                chain.get(5).values());
        assertEquals(new EngineSetup(null, null, 1, chain, null, 1.0, 0.0, false,
                new EngineSetup.Metronome(false, 120, 0.5)), s.setup());
        assertEquals(new Message.SwapIr(new IrSpec.Synthetic(100, 10), 480), s.events().get(0).message(),
                "crossfade 10ms = 480 frames at 48 kHz");
        assertEquals(new Message.SetMetronome(true, 120, 0.5), s.events().get(1).message());
        assertEquals(new Message.StartRecording(Encoding.PCM16), s.events().get(2).message());
        assertEquals(new Message.SetInputFilters(null, null), s.events().get(3).message());
    }

    private static long duration(String time, int rate, int block) {
        return ScenarioReader.parse("{\"format\": \"blockwise/1\", \"name\": \"t\", \"sampleRate\": " + rate
                + ", \"blockSize\": " + block + ", \"duration\": \"" + time + "\", \"input\": {\"type\": \"silence\"}}",
                Path.of("t.json"), false).durationFrames();
    }

    @Test
    void timeValuesConvertExactlyAndRoundHalfUp() {
        assertEquals(72000, duration("1.5s", 48000, 128));
        assertEquals(12000, duration("250ms", 48000, 128));
        assertEquals(1536, duration("12b", 48000, 128));
        assertEquals(4410, duration("0.1s", 44100, 128));
        assertEquals(44, duration("1ms", 44100, 128), "44.1 rounds down");
        // 8 frames per ms at 8 kHz: 2.5 frames rounds up to 3 (half-even would give 2), 1.5 to 2.
        assertEquals(3, duration("0.3125ms", 8000, 128));
        assertEquals(2, duration("0.1875ms", 8000, 128));
        assertEquals(3, duration("2.5b", 8000, 1));
        assertEquals(1, duration("0.0000625s", 8000, 128), "0.5 frame rounds up");
        assertEquals(96000, TimeValues.parse("96000", 48000, 128));
        assertEquals(240, TimeValues.parse("5ms", 48000, 128));
        assertThrows(IllegalArgumentException.class, () -> TimeValues.parse("5 ms", 48000, 128));
        // An integer is frames whatever the rate.
        assertEquals(96000, ScenarioReader.parse("{\"format\": \"blockwise/1\", \"name\": \"t\", \"sampleRate\": 8000,"
                + " \"blockSize\": 1, \"duration\": 96000, \"input\": {\"type\": \"silence\"}}", Path.of("t.json"), false)
                .durationFrames());
    }

    @Test
    void eventsAreSortedByFrameKeepingFileOrderForEqualFrames() {
        Scenario s = ScenarioReader.parse("""
                {"format": "blockwise/1", "name": "e", "sampleRate": 48000, "blockSize": 128, "duration": "1s",
                 "input": {"type": "silence"},
                 "events": [{"at": 100, "do": "removeStage", "index": 0},
                            {"at": 0, "do": "clearIr"},
                            {"at": 100, "do": "removeStage", "index": 1},
                            {"at": 50, "do": "stopRecording"},
                            {"at": 100, "do": "removeStage", "index": 2}]}
                """, Path.of("e.json"), false);
        List<TimedMessage> ev = s.events();
        assertEquals(List.of(0L, 50L, 100L, 100L, 100L), ev.stream().map(TimedMessage::atFrame).toList());
        assertEquals(List.of(1, 3, 0, 2, 4), ev.stream().map(TimedMessage::fileIndex).toList());
        assertEquals(new Message.RemoveStage(1), ev.get(3).message());
        assertEquals(new SourcePosition(3, 13, "events[0]"), ev.get(2).position());
    }

    /** 440 × 2^((midi − 69) / 12), with midi = 12 × (octave + 1) + semitones above C. */
    private static double equalTemperament(int octave, int semitonesAboveC) {
        return 440.0 * Math.pow(2, (12 * (octave + 1) + semitonesAboveC - 69) / 12.0);
    }

    private static double noteHz(String note) {
        Scenario s = ScenarioReader.parse("{\"format\": \"blockwise/1\", \"name\": \"n\", \"sampleRate\": 48000,"
                + " \"blockSize\": 128, \"duration\": 100, \"input\": {\"type\": \"pluck\", \"notes\": [{\"at\": 0,"
                + " \"note\": " + note + "}]}}", Path.of("n.json"), false);
        return ((SourceSpec.Pluck) s.inputs().get(0)).notes().get(0).hz();
    }

    @Test
    void noteNamesAndMidiNumbersBecomeEqualTemperedFrequencies() {
        assertEquals(440.0, noteHz("\"A4\""), 1e-12);
        assertEquals(82.4069, noteHz("\"E2\""), 1e-4, "low E of a guitar");
        assertEquals(noteHz("\"E2\""), noteHz("40"), 0.0, "MIDI 40 is E2");
        assertEquals(equalTemperament(2, 4), noteHz("\"E2\""), 1e-9);
        assertEquals(equalTemperament(3, 1), noteHz("\"C#3\""), 1e-9);
        assertEquals(equalTemperament(3, 1), noteHz("\"Db3\""), 1e-9);
        assertEquals(equalTemperament(1, 10), noteHz("\"Bb1\""), 1e-9);
        assertEquals(equalTemperament(4, 0), noteHz("60"), 1e-9, "MIDI 60 is middle C");
        assertEquals(equalTemperament(-1, 0), noteHz("\"C-1\""), 1e-12, "MIDI 0");
        assertEquals(8.1757989156, noteHz("0"), 1e-9);
    }

    @Test
    void nullIrAndSetParameterTimeStringsAreAccepted() {
        Scenario s = ScenarioReader.parse("""
                {"format": "blockwise/1", "name": "p", "sampleRate": 44100, "blockSize": 100, "duration": "1s",
                 "input": {"type": "silence"}, "setup": {"ir": null},
                 "events": [{"at": 0, "do": "setParameter", "stage": 2, "param": "time", "value": "0.25s"},
                            {"at": 0, "do": "setParameter", "stage": 2, "param": "time", "value": 12.5},
                            {"at": 0, "do": "setParameter", "stage": 1, "param": "band_3", "value": -12},
                            {"at": 0, "do": "setParameter", "stage": 0, "param": "threshold", "value": -70}]}
                """, Path.of("p.json"), false);
        assertNull(s.setup().ir());
        assertEquals(new Message.SetParameter(2, "time", 250.0), s.events().get(0).message());
        assertEquals(new Message.SetParameter(2, "time", 12.5), s.events().get(1).message());
        assertEquals(new Message.SetParameter(1, "band_3", -12), s.events().get(2).message());
        assertEquals(new Message.SetParameter(0, "threshold", -70), s.events().get(3).message(),
                "inside noiseGate's range though outside the compressor's");
    }
}
