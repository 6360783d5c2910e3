package io.blockwise.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed scenarios and the exact one-line message each must give: file, line, column, JSON
 * path, what is wrong and what is allowed. Lines and columns were counted by hand in the texts
 * below (the scenario lines are written with ' for ", so counting is the same).
 */
class ScenarioReaderErrorsTest {
    private static final String TIME_ALLOWED =
            "allowed: an integer number of frames or a string like \"1.5s\", \"250ms\", \"12b\"";

    /** A valid scenario; line 7 is the last key, so lines added by {@link #plus} start at line 8. */
    private static final List<String> BASE = List.of(
            "{",
            "  'format': 'blockwise/1',",
            "  'name': 't',",
            "  'sampleRate': 48000,",
            "  'blockSize': 128,",
            "  'duration': 96000,",
            "  'input': {'type': 'sine', 'freq': 440}",
            "}");

    private static String text(List<String> lines) {
        return String.join("\n", lines).replace('\'', '"') + "\n";
    }

    /** BASE with line {@code n} (1-based) replaced by {@code line}, or removed when it is null. */
    private static String replace(int n, String line) {
        List<String> lines = new ArrayList<>(BASE);
        if (line == null) {
            lines.remove(n - 1);
        } else {
            lines.set(n - 1, line);
        }
        return text(lines);
    }

    /** BASE with {@code extra} keys added at the end, the first on line 8. */
    private static String plus(String... extra) {
        List<String> lines = new ArrayList<>(BASE.subList(0, 7));
        lines.set(6, lines.get(6) + ",");
        lines.addAll(Arrays.asList(extra));
        lines.add("}");
        return text(lines);
    }

    private static String yaml(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static Arguments json(String label, String text, String expected) {
        return Arguments.of(label, "s.json", false, text, expected);
    }

    private static Arguments yamlCase(String label, String text, String expected) {
        return Arguments.of(label, "s.yaml", true, text, expected);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                json("bad format version", replace(2, "  'format': 'blockwise/2',"),
                        "s.json:2:13: format: unsupported format \"blockwise/2\"; supported: \"blockwise/1\""),
                json("format that is not a string", replace(2, "  'format': 1,"),
                        "s.json:2:13: format: unsupported format 1; supported: \"blockwise/1\""),
                json("bad name", replace(3, "  'name': 'My Song',"),
                        "s.json:3:11: name: \"My Song\" is not a valid name; allowed: a string matching "
                                + "[a-z0-9][a-z0-9-]* (lowercase letters, digits and '-', not starting with '-')"),
                json("missing duration", replace(6, null),
                        "s.json:1:1: $: missing required key \"duration\""),
                json("missing format", replace(2, null),
                        "s.json:1:1: $: missing required key \"format\""),
                json("fractional sample rate", replace(4, "  'sampleRate': 44100.5,"),
                        "s.json:4:17: sampleRate: 44100.5 is not an integer; allowed: integer 8000..192000"),
                json("sample rate as a string", replace(4, "  'sampleRate': '48000',"),
                        "s.json:4:17: sampleRate: \"48000\" is not an integer; allowed: integer 8000..192000"),
                json("sample rate 2.0 is not an integer", replace(4, "  'sampleRate': 48000.0,"),
                        "s.json:4:17: sampleRate: 48000.0 is not an integer; allowed: integer 8000..192000"),
                json("sample rate too low", replace(4, "  'sampleRate': 4000,"),
                        "s.json:4:17: sampleRate: sampleRate 4000 is out of range 8000..192000"),
                json("block size zero", replace(5, "  'blockSize': 0,"),
                        "s.json:5:16: blockSize: blockSize 0 is out of range 1..8192"),
                json("seed beyond int64", plus("  'seed': 9223372036854775808"),
                        "s.json:8:11: seed: seed 9223372036854775808 is out of range "
                                + "-9223372036854775808..9223372036854775807"),
                json("unknown top-level key", plus("  'sampelRate': 1"),
                        "s.json:8:3: sampelRate: unknown key \"sampelRate\"; allowed: format, name, description, "
                                + "sampleRate, blockSize, duration, seed, input, output, setup, collector, writer, "
                                + "limits, events, $schema"),
                json("duplicate key", plus("  'name': 'u'"),
                        "s.json:8:3: name: duplicate key \"name\" (first at 3:3); allowed: each key once per object"),
                json("JSON syntax error: missing comma", replace(5, "  'blockSize': 128"),
                        "s.json:6:3: $: invalid JSON: unexpected character ('\"'): was expecting comma to "
                                + "separate Object entries"),
                json("empty file", "  // nothing here\n",
                        "s.json:1:1: $: the file is empty; allowed: a scenario object"),
                json("root is a list", "[1]\n",
                        "s.json:1:1: $: a list is not an object; allowed: a scenario object "
                                + "{\"format\": \"blockwise/1\", ...}"),
                json("stage parameter out of range",
                        plus("  'setup': {'chain': [{'type': 'preamp', 'gain': 42}]}"),
                        "s.json:8:50: setup.chain[0].gain: preamp.gain 42 is out of range 0..10"),
                json("unknown stage key", plus("  'setup': {'chain': [{'type': 'preamp', 'gian': 4}]}"),
                        "s.json:8:42: setup.chain[0].gian: unknown key \"gian\" for a preamp stage; "
                                + "allowed: type, bypassed, gain, bias, clipper"),
                json("unknown stage type", plus("  'setup': {'chain': [{'type': 'fuzz'}]}"),
                        "s.json:8:32: setup.chain[0].type: unknown stage type \"fuzz\"; allowed: preamp | "
                                + "compressor | noiseGate | toneStack | powerAmp | level | multibandSaturator | "
                                + "delay | reverb | eq | tremolo"),
                json("stage without a type", plus("  'setup': {'chain': [{'gain': 4}]}"),
                        "s.json:8:23: setup.chain[0]: missing required key \"type\" for a stage"),
                json("unknown clipper", plus("  'setup': {'chain': [{'type': 'preamp', 'clipper': 'fuzz'}]}"),
                        "s.json:8:53: setup.chain[0].clipper: unknown preamp.clipper \"fuzz\"; allowed: soft | "
                                + "medium | hard | asymmetric | classA | triode"),
                json("bypassed is not a boolean",
                        plus("  'setup': {'chain': [{'type': 'level', 'bypassed': 'yes'}]}"),
                        "s.json:8:53: setup.chain[0].bypassed: \"yes\" is not a boolean; allowed: true | false"),
                json("eq bands of the wrong length",
                        plus("  'setup': {'chain': [{'type': 'eq', 'bands': [0, 0, 0]}]}"),
                        "s.json:8:47: setup.chain[0].bands: eq.bands has 3 values; allowed: exactly 16 gains "
                                + "in dB, each -12..12"),
                json("eq band out of range",
                        plus("  'setup': {'chain': [{'type': 'eq',",
                                "    'bands': [0, 0, 0, 0, 0, 13, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]}]}"),
                        "s.json:9:30: setup.chain[0].bands[5]: eq.bands[5] 13 is out of range -12..12"),
                json("delay time string out of range",
                        plus("  'setup': {'chain': [{'type': 'delay', 'time': '3s'}]}"),
                        "s.json:8:49: setup.chain[0].time: delay.time \"3s\" (3000 ms) is out of range 0..2000 ms"),
                json("bad oversampling factor", plus("  'setup': {'oversampling': 3}"),
                        "s.json:8:29: setup.oversampling: oversampling factor 3 is not supported; "
                                + "allowed: 1 | 2 | 4 | 8 | 16"),
                json("lowpass not above highpass",
                        plus("  'setup': {'inputFilters': {'highpass': 200, 'lowpass': 100}}"),
                        "s.json:8:58: setup.inputFilters.lowpass: lowpass 100 Hz is not above highpass 200 Hz; "
                                + "allowed: lowpass > highpass"),
                json("pitch shift out of range", plus("  'setup': {'pitchShift': 25}"),
                        "s.json:8:27: setup.pitchShift: pitchShift 25 is out of range -24..24"),
                json("synthetic IR too long",
                        plus("  'setup': {'ir': {'type': 'synthetic', 'length': '11s', 'decay': '1s'}}"),
                        "s.json:8:51: setup.ir.length: synthetic IR length 528000 frames is longer than 10 s "
                                + "(480000 frames); allowed: 1..480000 frames"),
                json("chain longer than the limit",
                        plus("  'limits': {'maxChainLength': 1},",
                                "  'setup': {'chain': [{'type': 'level'}, {'type': 'level'}]}"),
                        "s.json:9:22: setup.chain: chain has 2 stages; allowed: at most 1 (limits.maxChainLength)"),
                json("bad time string", replace(6, "  'duration': 'fast',"),
                        "s.json:6:15: duration: \"fast\" is not a time; " + TIME_ALLOWED),
                json("time string with an unknown unit", replace(6, "  'duration': '2min',"),
                        "s.json:6:15: duration: \"2min\" has an unknown unit \"min\"; " + TIME_ALLOWED),
                json("negative time", replace(6, "  'duration': -5,"),
                        "s.json:6:15: duration: -5 is negative; " + TIME_ALLOWED),
                json("negative time string", replace(6, "  'duration': '-1s',"),
                        "s.json:6:15: duration: \"-1s\" is negative; " + TIME_ALLOWED),
                json("fractional frames", replace(6, "  'duration': 1.5,"),
                        "s.json:6:15: duration: 1.5 is not an integer number of frames; " + TIME_ALLOWED),
                json("zero duration", replace(6, "  'duration': '0s',"),
                        "s.json:6:15: duration: duration is 0 frames; allowed: a time of at least 1 frame"),
                json("bad encoding", plus("  'output': {'encoding': 'mp3'}"),
                        "s.json:8:26: output.encoding: unknown encoding \"mp3\"; allowed: float32 | pcm16 | pcm24"),
                json("bad channels", plus("  'output': {'channels': 3}"),
                        "s.json:8:26: output.channels: channels 3 is not supported; allowed: 1 | 2"),
                json("empty input list", replace(7, "  'input': []"),
                        "s.json:7:12: input: the list of sources is empty; allowed: a source object or a "
                                + "non-empty list of sources"),
                json("unknown source type", replace(7, "  'input': {'type': 'saw'}"),
                        "s.json:7:21: input.type: unknown source type \"saw\"; allowed: sine | sweep | noise | "
                                + "impulse | pluck | silence | file"),
                json("sine above half the sample rate", replace(7, "  'input': {'type': 'sine', 'freq': 30000}"),
                        "s.json:7:37: input.freq: sine.freq 30000 Hz is out of range; allowed: more than 0 and "
                                + "less than 24000 Hz (half the sample rate)"),
                json("amp above 1", replace(7, "  'input': [{'type': 'noise', 'amp': 1.5}]"),
                        "s.json:7:38: input[0].amp: noise.amp 1.5 is out of range 0..1"),
                json("file source that does not exist",
                        replace(7, "  'input': {'type': 'file', 'path': '/nonexistent-blockwise/in.wav'}"),
                        "s.json:7:37: input.path: file \"/nonexistent-blockwise/in.wav\" does not exist (looked "
                                + "for /nonexistent-blockwise/in.wav); allowed: a path to a WAV file, relative to "
                                + "the scenario's folder or absolute"),
                json("pluck note name invalid",
                        replace(7, "  'input': {'type': 'pluck', 'notes': [{'at': 0, 'note': 'H2'}]}"),
                        "s.json:7:58: input.notes[0].note: \"H2\" is not a note name; allowed: a name like "
                                + "\"E2\", \"C#3\", \"Bb1\" (C-1..G9) or a MIDI number 0..127"),
                json("pluck note with both note and hz",
                        replace(7, "  'input': {'type': 'pluck', 'notes': [{'at': 0, 'note': 'E2', 'hz': 82}]}"),
                        "s.json:7:40: input.notes[0]: both \"note\" and \"hz\" given for a pluck note; allowed: "
                                + "exactly one of them"),
                json("stall with from after to",
                        plus("  'collector': {'stalls': [{'from': '1s', 'to': 100}]}"),
                        "s.json:8:49: collector.stalls[0].to: stall ends at frame 100, before it starts at frame "
                                + "48000; allowed: to >= from"),
                json("event at the duration", plus("  'events': [{'at': '2s', 'do': 'clearIr'}]"),
                        "s.json:8:21: events[0].at: event at frame 96000 is at or after the duration (96000 "
                                + "frames); allowed: 0..95999"),
                json("unknown event key", plus("  'events': [{'at': 0, 'do': 'clearIr', 'index': 1}]"),
                        "s.json:8:41: events[0].index: unknown key \"index\" for a clearIr event; allowed: at, do"),
                json("unknown do", plus("  'events': [{'at': 0, 'do': 'setGain'}]"),
                        "s.json:8:30: events[0].do: unknown message \"setGain\"; allowed: setChain | "
                                + "setInputFilters | setParameter | replaceStage | addStage | removeStage | "
                                + "swapStages | setStageBypassed | swapIr | clearIr | setIrBypass | setIrGain | "
                                + "setPitchShift | setOversampling | setTunerEnabled | setMetronome | "
                                + "startRecording | stopRecording"),
                json("unknown parameter in setParameter",
                        plus("  'events': [{'at': 0, 'do': 'setParameter', 'stage': 0, 'param': 'gian', 'value': 1}]"),
                        "s.json:8:67: events[0].param: unknown parameter \"gian\"; allowed: attack, bass, bias, "
                                + "damping, depth, drive, feedback, gain, highDrive, highFreq, highLevel, hold, "
                                + "lowDrive, lowFreq, lowLevel, makeup, mid, midDrive, midLevel, mix, presence, "
                                + "rate, ratio, release, roomSize, sag, sagRelease, shape, threshold, time, treble, "
                                + "band_0..band_15"),
                json("setParameter value outside every stage's range",
                        plus("  'events': [{'at': 0, 'do': 'setParameter', 'stage': 0, 'param': 'gain', 'value': 12}]"),
                        "s.json:8:84: events[0].value: gain 12 is out of range for every stage type that has it; "
                                + "allowed: preamp.gain 0..10, level.gain 0..2"),
                json("message number out of range", plus("  'events': [{'at': 0, 'do': 'setIrGain', 'gain': 3}]"),
                        "s.json:8:51: events[0].gain: setIrGain.gain 3 is out of range 0..2"),
                json("negative index", plus("  'events': [{'at': 0, 'do': 'removeStage', 'index': -1}]"),
                        "s.json:8:54: events[0].index: removeStage.index -1 is out of range 0..2147483647"),
                json("missing message field", plus("  'events': [{'at': 0, 'do': 'setStageBypassed', 'index': 0}]"),
                        "s.json:8:14: events[0]: missing required key \"bypassed\" for a setStageBypassed event"),
                json("event time that is a boolean", plus("  'events': [{'at': true, 'do': 'clearIr'}]"),
                        "s.json:8:21: events[0].at: true is not a time; " + TIME_ALLOWED),
                yamlCase("YAML syntax error",
                        yaml("format: blockwise/1", "name: t", "sampleRate: 48000", "blockSize: 128",
                                "duration: 2s", "input:", "  type: sine", "   freq: 440"),
                        "s.yaml:8:8: input: invalid YAML: mapping values are not allowed here"),
                yamlCase("YAML duplicate key", yaml("format: blockwise/1", "name: t", "name: u"),
                        "s.yaml:3:1: name: duplicate key \"name\" (first at 2:1); allowed: each key once per object"),
                yamlCase("YAML value out of range",
                        yaml("format: blockwise/1", "name: t", "sampleRate: 48000", "blockSize: 128",
                                "duration: 2s", "input: {type: sine, freq: 440}", "setup:", "  chain:",
                                "    - type: preamp", "      gain: 11"),
                        "s.yaml:10:13: setup.chain[0].gain: preamp.gain 11 is out of range 0..10"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aMalformedScenarioGivesExactlyThisOneLineError(String label, String file, boolean yaml, String text,
            String expected) {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioReader.parse(text, Path.of(file), yaml));
        assertEquals(expected, e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @org.junit.jupiter.api.Test
    void aRelativeIrPathIsLookedForBesideTheScenario() {
        String text = plus("  'setup': {'ir': {'type': 'file', 'path': 'irs/cab.wav'}}");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioReader.parse(text, Path.of("/no/such/dir/s.json"), false));
        assertEquals("/no/such/dir/s.json:8:44: setup.ir.path: file \"irs/cab.wav\" does not exist (looked for "
                + "/no/such/dir/irs/cab.wav); allowed: a path to an IR WAV file, relative to the scenario's "
                + "folder or absolute", e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aMissingScenarioFileIsAOneLineError() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioReader.read(Path.of("/nonexistent-blockwise/s.json")));
        assertEquals("/nonexistent-blockwise/s.json: cannot read: no such file", e.getMessage());
    }
}
