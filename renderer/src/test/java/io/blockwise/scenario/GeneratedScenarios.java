package io.blockwise.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.blockwise.dsp.ChoiceSpec;
import io.blockwise.dsp.ParamSpec;
import io.blockwise.dsp.StageType;
import io.blockwise.record.Encoding;
import java.math.BigDecimal;
import java.util.SplittableRandom;

/**
 * A small seeded generator of valid scenario texts (JSON or YAML) that uses every key of the
 * format, values at the edges of their ranges, time values in every unit, and every message. It
 * writes text the way people do (time strings, omitted defaults, a {@code $schema} key), not the
 * canonical form, so it exercises what a schema must accept. The reader is the judge of validity:
 * callers check that it accepts every text. Independent of the fuzzer's generators, which live in
 * another module.
 */
final class GeneratedScenarios {
    /** Input files the generated scenarios name, relative to the bundled scenarios folder. */
    static final String INPUT_WAV = "inputs/di-riff.wav";
    static final String IR_WAV = "irs/cab-44k1-stereo.wav";

    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
    private static final int[] RATES = {8000, 22050, 44100, 48000, 96000, 192000};
    private static final String[] NOTE_LETTERS = {"C", "D", "E", "F", "G", "A", "B"};

    private final SplittableRandom random;
    private int rate;
    private int block;
    private long duration;

    GeneratedScenarios(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** One generated scenario: its text and whether it is YAML. */
    record Text(String name, String text, boolean yaml) { }

    /** Scenario number {@code i}. */
    Text next(int i) {
        ObjectNode root = scenario("gen-" + i);
        boolean yaml = random.nextInt(4) == 0;
        try {
            String text = yaml ? new YAMLMapper().writeValueAsString(root)
                    : new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
            return new Text(root.get("name").asText(), text, yaml);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode scenario(String name) {
        ObjectNode o = F.objectNode();
        if (chance(3)) {
            o.put(ScenarioReader.SCHEMA_KEY, "schema.json");
        }
        o.put("format", ScenarioReader.FORMAT);
        o.put("name", name);
        if (chance(3)) {
            o.put("description", "generated \"scenario\" \u00e9 " + random.nextInt());
        }
        rate = chance(2) ? RATES[random.nextInt(RATES.length)] : 8000 + random.nextInt(192000 - 8000 + 1);
        block = pick(1, 8192, 64, 128, 256, 1 + random.nextInt(8192), 1 + random.nextInt(600));
        o.put("sampleRate", rate);
        o.put("blockSize", block);
        duration = 1 + random.nextInt(4 * rate);
        o.set("duration", time(duration, true));
        if (chance(2)) {
            o.put("seed", chance(4) ? (chance(2) ? Long.MIN_VALUE : Long.MAX_VALUE) : random.nextLong());
        }
        if (chance(2)) {
            o.set("input", source());
        } else {
            ArrayNode list = o.putArray("input");
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                list.add(source());
            }
        }
        if (chance(2)) {
            ObjectNode out = o.putObject("output");
            if (chance(2)) {
                out.put("encoding", Encoding.values()[random.nextInt(3)].formatName());
            }
            if (chance(2)) {
                out.put("channels", 1 + random.nextInt(2));
            }
        }
        int maxChain = 64;
        if (chance(2)) {
            ObjectNode limits = o.putObject("limits");
            if (chance(2)) {
                limits.put("queueCapacity", pick(1, 1 << 20, 1 + random.nextInt(256)));
            }
            int perBlock = chance(2) ? pick(1, 1 << 20, 1 + random.nextInt(256)) : 0;
            if (chance(2)) {
                maxChain = pick(6, 1024, 6 + random.nextInt(100));
                limits.put("maxChainLength", maxChain);
            }
            if (perBlock > 0) {
                // The reader refuses limits whose event ring, maxMessagesPerBlock x (maxChainLength
                // + 4), would exceed 1048576 events (a cross-field rule the schema cannot express).
                limits.put("maxMessagesPerBlock", Math.min(perBlock, (1 << 20) / (maxChain + 4)));
            }
        }
        if (!chance(5)) {
            o.set("setup", setup());
        }
        if (chance(2)) {
            ObjectNode c = o.putObject("collector");
            if (chance(2)) {
                c.put("everyBlocks", pick(1, Integer.MAX_VALUE, 1 + random.nextInt(8)));
            }
            if (chance(2)) {
                c.set("stalls", stalls());
            }
        }
        if (chance(2)) {
            o.putObject("writer").set("stalls", stalls());
        }
        if (!chance(3)) {
            ArrayNode events = o.putArray("events");
            for (int i = random.nextInt(12); i > 0; i--) {
                events.add(event());
            }
        } else {
            ArrayNode events = o.putArray("events");
            for (String message : EventReader.NAMES) {
                events.add(event(message));
            }
        }
        return o;
    }

    // ---- values ----

    private boolean chance(int oneIn) {
        return random.nextInt(oneIn) == 0;
    }

    private int pick(int... options) {
        return options[random.nextInt(options.length)];
    }

    /** {@code frames} written as an integer or as a string in s, ms or b that comes to the same frames. */
    private JsonNode time(long frames, boolean positive) {
        switch (random.nextInt(4)) {
            case 0:
                if (frames % block == 0) {
                    return F.textNode((frames / block) + "b");
                }
                return F.numberNode(frames);
            case 1:
                if (frames % rate == 0) {
                    return F.textNode((frames / rate) + "s");
                }
                return F.numberNode(frames);
            case 2: {
                // Milliseconds with up to 3 decimals; rounded half up to frames, it may move by one frame.
                BigDecimal ms = BigDecimal.valueOf(frames * 1000L).divide(BigDecimal.valueOf(rate), 3,
                        java.math.RoundingMode.DOWN);
                if (positive && ms.signum() == 0) {
                    return F.numberNode(frames);
                }
                return F.textNode(ms.stripTrailingZeros().toPlainString() + "ms");
            }
            default:
                return F.numberNode(frames);
        }
    }

    /** A time strictly before the duration. */
    private JsonNode before() {
        long frames = (long) (random.nextDouble() * duration);
        // Strings in ms round down, never past the frame.
        return time(Math.min(frames, duration - 1), false);
    }

    private double between(double min, double max) {
        switch (random.nextInt(5)) {
            case 0:
                return min;
            case 1:
                return max;
            default:
                return min + random.nextDouble() * (max - min);
        }
    }

    private JsonNode frequency() {
        double nyquist = rate / 2.0;
        return F.numberNode(BigDecimal.valueOf(chance(5) ? 0.001 : 0.001 + random.nextDouble() * (nyquist - 1)));
    }

    private ArrayNode stalls() {
        ArrayNode a = F.arrayNode();
        for (int i = random.nextInt(3); i > 0; i--) {
            long from = (long) (random.nextDouble() * duration * 1.5);
            long to = from + (long) (random.nextDouble() * duration);
            ObjectNode s = a.addObject();
            s.set("from", F.numberNode(from));
            s.set("to", time(to, false));
        }
        return a;
    }

    // ---- sources ----

    private ObjectNode source() {
        ObjectNode s = F.objectNode();
        switch (random.nextInt(7)) {
            case 0:
                s.put("type", "sine");
                s.set("freq", frequency());
                optionalAmp(s);
                if (chance(2)) {
                    s.put("phase", random.nextDouble() * 20 - 10);
                }
                break;
            case 1:
                s.put("type", "sweep");
                s.set("from", frequency());
                s.set("to", frequency());
                optionalAmp(s);
                if (chance(2)) {
                    s.put("curve", chance(2) ? "log" : "linear");
                }
                break;
            case 2:
                s.put("type", "noise");
                if (chance(2)) {
                    s.put("color", chance(2) ? "white" : "pink");
                }
                optionalAmp(s);
                break;
            case 3:
                s.put("type", "impulse");
                s.set("at", before());
                optionalAmp(s);
                break;
            case 4:
                s.put("type", "pluck");
                optionalAmp(s);
                ArrayNode notes = s.putArray("notes");
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    notes.add(note());
                }
                break;
            case 5:
                s.put("type", "silence");
                break;
            default:
                s.put("type", "file");
                s.put("path", INPUT_WAV);
                break;
        }
        return s;
    }

    private void optionalAmp(ObjectNode s) {
        if (chance(2)) {
            s.put("amp", between(0, 1));
        }
    }

    private ObjectNode note() {
        ObjectNode n = F.objectNode();
        n.set("at", before());
        int midi = random.nextInt(100);
        if (NoteNames.hz(midi) >= rate / 2.0 || chance(3)) {
            n.set("hz", frequency());
        } else if (chance(2)) {
            n.put("note", midi);
        } else {
            n.put("note", noteName(midi));
        }
        if (chance(2)) {
            n.set("decay", time(1 + random.nextInt(rate), true));
        }
        return n;
    }

    /** A name of {@code midi}: natural, sharp or flat spelling. */
    private String noteName(int midi) {
        int octave = midi / 12 - 1;
        int semitone = midi % 12;
        int[] naturals = {0, 2, 4, 5, 7, 9, 11};
        for (int i = 0; i < naturals.length; i++) {
            if (naturals[i] == semitone) {
                return NOTE_LETTERS[i] + octave;
            }
        }
        // A black key: C# or Db (the letter below, sharp; or above, flat), always in the same octave.
        for (int i = 0; i < naturals.length; i++) {
            if (naturals[i] == semitone - 1) {
                return chance(2) ? NOTE_LETTERS[i] + "#" + octave : NOTE_LETTERS[i + 1] + "b" + octave;
            }
        }
        throw new IllegalStateException("semitone " + semitone);
    }

    // ---- setup and stages ----

    private ObjectNode setup() {
        ObjectNode s = F.objectNode();
        if (chance(2)) {
            s.set("inputFilters", filters());
        }
        if (chance(2)) {
            s.put("oversampling", pick(1, 2, 4, 8, 16));
        }
        if (!chance(4)) {
            s.set("chain", chain());
        }
        if (chance(2)) {
            s.set("ir", chance(4) ? F.nullNode() : ir());
        }
        if (chance(2)) {
            s.put("irGain", between(0, 2));
        }
        if (chance(2)) {
            s.put("pitchShift", between(-24, 24));
        }
        if (chance(3)) {
            s.put("tuner", chance(2));
        }
        if (chance(2)) {
            s.set("metronome", metronome(false));
        }
        return s;
    }

    private ObjectNode filters() {
        ObjectNode f = F.objectNode();
        double nyquist = rate / 2.0;
        double hp = 1 + random.nextDouble() * (nyquist / 4);
        double lp = hp + 1 + random.nextDouble() * (nyquist - hp - 2);
        switch (random.nextInt(4)) {
            case 0 -> f.put("highpass", hp);
            case 1 -> f.put("lowpass", lp);
            case 2 -> {
                f.putNull("highpass");
                f.put("lowpass", lp);
            }
            default -> {
                f.put("highpass", hp);
                f.put("lowpass", lp);
            }
        }
        return f;
    }

    private ArrayNode chain() {
        ArrayNode a = F.arrayNode();
        for (int i = random.nextInt(6); i > 0; i--) {
            a.add(stage());
        }
        return a;
    }

    private ObjectNode stage() {
        StageType t = StageType.values()[random.nextInt(StageType.values().length)];
        ObjectNode s = F.objectNode();
        s.put("type", t.formatName());
        if (chance(3)) {
            s.put("bypassed", chance(2));
        }
        if (t == StageType.EQ) {
            if (chance(2)) {
                ArrayNode bands = s.putArray("bands");
                for (int i = 0; i < StageType.EQ_BANDS; i++) {
                    bands.add(between(-12, 12));
                }
            }
            return s;
        }
        for (ParamSpec p : t.params()) {
            if (chance(2)) {
                s.set(p.name(), paramValue(p));
            }
        }
        ChoiceSpec c = t.choice();
        if (c != null && chance(2)) {
            s.put(c.name(), c.values().get(random.nextInt(c.values().size())));
        }
        return s;
    }

    private JsonNode paramValue(ParamSpec p) {
        if (p.name().equals(StageReader.TIME_PARAM) && chance(2)) {
            return F.textNode(chance(2) ? random.nextInt(2001) + "ms" : "0." + random.nextInt(10) + "s");
        }
        return F.numberNode(between(p.min(), p.max()));
    }

    private ObjectNode ir() {
        ObjectNode ir = F.objectNode();
        if (chance(2)) {
            ir.put("type", "file");
            ir.put("path", IR_WAV);
        } else {
            ir.put("type", "synthetic");
            ir.set("length", time(1 + random.nextInt(rate), true));
            ir.set("decay", time(1 + random.nextInt(rate), true));
        }
        return ir;
    }

    private ObjectNode metronome(boolean message) {
        ObjectNode m = F.objectNode();
        if (message || chance(2)) {
            m.put("enabled", chance(2));
        }
        if (chance(2)) {
            m.put("bpm", between(20, 300));
        }
        if (chance(2)) {
            m.put("level", between(0, 1));
        }
        return m;
    }

    // ---- events ----

    private ObjectNode event() {
        return event(EventReader.NAMES.get(random.nextInt(EventReader.NAMES.size())));
    }

    private ObjectNode event(String name) {
        ObjectNode e = F.objectNode();
        e.set("at", before());
        e.put("do", name);
        switch (name) {
            case "setChain" -> e.set("chain", chain());
            case "setInputFilters" -> e.setAll(filters());
            case "setParameter" -> setParameter(e);
            case "replaceStage", "addStage" -> {
                e.put("index", index());
                e.set("stage", stage());
            }
            case "removeStage" -> e.put("index", index());
            case "swapStages" -> {
                e.put("a", index());
                e.put("b", index());
            }
            case "setStageBypassed" -> {
                e.put("index", index());
                e.put("bypassed", chance(2));
            }
            case "swapIr" -> {
                e.set("ir", ir());
                if (chance(2)) {
                    e.set("crossfade", time(random.nextInt(rate), false));
                }
            }
            case "setIrBypass" -> e.put("bypassed", chance(2));
            case "setIrGain" -> e.put("gain", between(0, 2));
            case "setPitchShift" -> e.put("semitones", between(-24, 24));
            case "setOversampling" -> e.put("factor", pick(1, 2, 4, 8, 16));
            case "setTunerEnabled" -> e.put("enabled", chance(2));
            case "setMetronome" -> e.setAll(metronome(true));
            case "startRecording" -> {
                if (chance(2)) {
                    e.put("encoding", Encoding.values()[random.nextInt(3)].formatName());
                }
            }
            case "clearIr", "stopRecording" -> { }
            default -> throw new IllegalStateException("the generator does not know message " + name);
        }
        return e;
    }

    private int index() {
        return chance(8) ? Integer.MAX_VALUE : random.nextInt(6);
    }

    private void setParameter(ObjectNode e) {
        StageType t = StageType.values()[random.nextInt(StageType.values().length)];
        ParamSpec p = t.param(random.nextInt(t.paramCount()));
        e.put("stage", index());
        e.put("param", p.name());
        e.set("value", paramValue(p));
    }
}
