package io.blockwise.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.blockwise.dsp.ChoiceSpec;
import io.blockwise.dsp.ImpulseResponses;
import io.blockwise.dsp.Numbers;
import io.blockwise.dsp.ParamSpec;
import io.blockwise.dsp.StageType;
import io.blockwise.record.Encoding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema (draft 2020-12) of {@code blockwise/1}, generated from the tables the reader
 * validates against ({@link StageType}, the message names of {@code EventReader}, the keys of
 * {@code ScenarioReader} and {@code SetupReader}), so that the schema cannot forget a stage,
 * a parameter or a message. It checks everything a schema can express: keys, types, ranges,
 * enumerations and the time syntax. What depends on other values (a time before the duration,
 * a frequency below half the sample rate, lowpass above highpass, a file that exists) only the
 * reader checks. {@code scenarios/schema.json} is this text, and the renderer jar carries it as
 * the resource {@value #RESOURCE}. Control thread.
 */
public final class ScenarioSchema {
    /** Where the renderer jar carries the committed schema. */
    public static final String RESOURCE = "/io/blockwise/scenario/schema.json";
    /** The dialect. */
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String TIME_PATTERN = "^[0-9]+(\\.[0-9]+)?(s|ms|b)$";
    /** A time string whose digits are not all zero (a time of at least one frame, near enough). */
    private static final String POSITIVE_TIME_PATTERN = "^(?=[0-9.]*[1-9])[0-9]+(\\.[0-9]+)?(s|ms|b)$";
    private static final String NOTE_PATTERN = "^[A-G](#|b)?(-1|[0-9])$";
    private static final String NAME_PATTERN = "^[a-z0-9][a-z0-9-]*$";
    /** Highest frequency any sample rate allows (half the highest sample rate). */
    private static final int MAX_NYQUIST = 96000;
    private static final long MAX_INDEX = Integer.MAX_VALUE;

    private ScenarioSchema() {
    }

    /** Control thread. The schema as the renderer jar carries it (the committed scenarios/schema.json). */
    public static String text() {
        try (InputStream in = ScenarioSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the renderer jar has no " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Control thread. The schema generated from the reader's tables, pretty-printed, ending in a newline. */
    public static String generate() {
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        pretty.indentObjectsWith(indenter);
        try {
            return new ObjectMapper().writer(pretty).writeValueAsString(schema()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode schema() {
        ObjectNode root = F.objectNode();
        root.put("$schema", DIALECT);
        root.put("title", "Blockwise scenario (" + ScenarioReader.FORMAT + ")");
        root.put("description", "A scripted session of the Blockwise engine: input, engine setup and timed "
                + "control messages. See docs/scenario-format.md. Times are integer frames or strings like "
                + "\"1.5s\", \"250ms\", \"12b\" (blocks).");
        root.put("type", "object");
        root.set("required", strings("format", "name", "sampleRate", "blockSize", "duration", "input"));
        ObjectNode p = F.objectNode();
        p.set(ScenarioReader.SCHEMA_KEY, described(type("string"), "The JSON Schema of this file, for editors; "
                + "the reader ignores it."));
        p.set("format", described(F.objectNode().put("const", ScenarioReader.FORMAT), "The format version."));
        p.set("name", described(type("string").put("pattern", NAME_PATTERN),
                "Names the output and golden folders."));
        p.set("description", described(type("string"), "Free text."));
        p.set("sampleRate", described(integer(8000, 192000), "Device rate in Hz."));
        p.set("blockSize", described(integer(1, 8192), "Frames per process() call."));
        p.set("duration", described(ref("positiveTime"), "Length of the output, exact to the frame."));
        p.set("seed", described(integer(Long.MIN_VALUE, Long.MAX_VALUE),
                "Every random thing (noise, synthetic IRs, plucks) derives from it; default 0."));
        ObjectNode sources = type("array").put("minItems", 1);
        sources.set("items", ref("source"));
        p.set("input", described(anyOf(ref("source"), sources), "One source, or a list of sources summed."));
        p.set("output", output());
        p.set("setup", setup());
        p.set("collector", schedule(true));
        p.set("writer", schedule(false));
        p.set("limits", limits());
        ObjectNode events = type("array");
        events.set("items", ref("event"));
        p.set("events", described(events, "Timed control messages, applied at the start of block "
                + "ceil(at / blockSize); equal times keep file order."));
        closed(root, p, ScenarioReader.KEYS, List.of(ScenarioReader.SCHEMA_KEY));
        root.set("$defs", defs());
        return root;
    }

    private static ObjectNode defs() {
        ObjectNode d = F.objectNode();
        d.set("time", described(anyOf(integer(0, Long.MAX_VALUE), ref("timeString")),
                "Integer frames, or a non-negative decimal with a unit: s, ms or b (blocks)."));
        d.set("timeString", described(type("string").put("pattern", TIME_PATTERN),
                "A non-negative decimal with a unit: s, ms or b (blocks of blockSize frames)."));
        d.set("positiveTime", described(anyOf(integer(1, Long.MAX_VALUE),
                type("string").put("pattern", POSITIVE_TIME_PATTERN)), "A time of at least one frame."));
        d.set("frequency", described(type("number").put("exclusiveMinimum", 0).put("exclusiveMaximum", MAX_NYQUIST),
                "Hz, more than 0 and less than half the sample rate."));
        d.set("amp", number(0, 1));
        d.set("cutoff", described(anyOf(ref("frequency"), type("null")), "Hz, or null for no filter."));
        d.set("index", integer(0, MAX_INDEX));
        d.set("encoding", enumOf(encodings()));
        d.set("stall", stall());
        sourceDefs(d);
        stageDefs(d);
        irDefs(d);
        d.set("metronome", metronome(false));
        eventDefs(d);
        return d;
    }

    // ---- top-level objects ----

    private static ObjectNode output() {
        ObjectNode o = type("object");
        ObjectNode p = F.objectNode();
        p.set("encoding", described(ref("encoding"), "Sample encoding of output.wav; default float32."));
        p.set("channels", described(enumOf(F.arrayNode().add(1).add(2)),
                "1 or 2; the engine is mono, channel 2 is a copy. Default 1."));
        closed(o, p, List.of("encoding", "channels"), List.of());
        return described(o, "The WAV that output.wav is written as.");
    }

    private static ObjectNode setup() {
        ObjectNode o = type("object");
        ObjectNode p = F.objectNode();
        ObjectNode filters = type("object");
        ObjectNode fp = F.objectNode();
        fp.set("highpass", ref("cutoff"));
        fp.set("lowpass", ref("cutoff"));
        closed(filters, fp, List.of("highpass", "lowpass"), List.of());
        p.set("inputFilters", described(filters, "Input filters; lowpass must be above highpass."));
        p.set("oversampling", oversampling());
        p.set("chain", chain());
        p.set("ir", described(anyOf(ref("ir"), type("null")), "The cabinet's impulse response; null or absent: none."));
        p.set("irGain", number(0, 2));
        p.set("pitchShift", described(number(-24, 24), "Semitones; 0: no shifter."));
        p.set("tuner", described(type("boolean"), "While on, the output is muted and readings are logged."));
        p.set("metronome", ref("metronome"));
        closed(o, p, SetupReader.KEYS, List.of());
        return described(o, "Engine state built off the audio thread and installed before block 0.");
    }

    private static ObjectNode schedule(boolean collector) {
        ObjectNode o = type("object");
        ObjectNode p = F.objectNode();
        List<String> keys = new ArrayList<>();
        if (collector) {
            p.set("everyBlocks", described(integer(1, Integer.MAX_VALUE), "Drain every N blocks; default 1."));
            keys.add("everyBlocks");
        }
        ObjectNode stalls = type("array");
        stalls.set("items", ref("stall"));
        p.set("stalls", stalls);
        keys.add("stalls");
        closed(o, p, keys, List.of());
        return described(o, collector ? "When the collector drains the retire queue."
                : "When the writer takes recorder frames.");
    }

    private static ObjectNode stall() {
        ObjectNode o = type("object");
        o.set("required", strings("from", "to"));
        ObjectNode p = F.objectNode();
        p.set("from", ref("time"));
        p.set("to", ref("time"));
        closed(o, p, List.of("from", "to"), List.of());
        return described(o, "Blocks starting in [from, to) do nothing; to >= from.");
    }

    private static ObjectNode limits() {
        ObjectNode o = type("object");
        ObjectNode p = F.objectNode();
        p.set("queueCapacity", described(integer(1, 1 << 20), "Command queue slots; default 64."));
        p.set("maxMessagesPerBlock", described(integer(1, 1 << 20), "Messages sent per block at most; default 64."));
        p.set("maxChainLength", described(integer(1, 1024), "Stages in the chain at most; default 64."));
        closed(o, p, List.of("queueCapacity", "maxMessagesPerBlock", "maxChainLength"), List.of());
        return o;
    }

    // ---- sources ----

    private static void sourceDefs(ObjectNode d) {
        Map<String, ObjectNode> types = new LinkedHashMap<>();
        types.put("sine", fields(List.of("freq"), "freq", ref("frequency"), "amp", described(ref("amp"), "Default 0.5."),
                "phase", described(type("number"), "Radians; default 0.")));
        ObjectNode curve = enumOf(strings("log", "linear"));
        types.put("sweep", fields(List.of("from", "to"), "from", ref("frequency"), "to", ref("frequency"),
                "amp", described(ref("amp"), "Default 0.5."), "curve", described(curve, "Default log.")));
        types.put("noise", fields(List.of(), "color", described(enumOf(strings("white", "pink")), "Default white."),
                "amp", described(ref("amp"), "Default 0.1.")));
        types.put("impulse", fields(List.of("at"), "at", described(ref("time"), "Before the duration."),
                "amp", described(ref("amp"), "Default 1.")));
        ObjectNode notes = type("array").put("minItems", 1);
        notes.set("items", pluckNote());
        types.put("pluck", fields(List.of("notes"), "amp", described(ref("amp"), "Default 0.8."), "notes", notes));
        types.put("silence", fields(List.of()));
        types.put("file", fields(List.of("path"), "path", described(type("string"),
                "A mono or stereo WAV at sampleRate, relative to the scenario's folder or absolute.")));
        ArrayNode all = F.arrayNode();
        for (var e : types.entrySet()) {
            ObjectNode s = typed("type", e.getKey(), e.getValue());
            d.set("source-" + e.getKey(), s);
            all.add(ref("source-" + e.getKey()));
        }
        ObjectNode source = F.objectNode();
        source.set("oneOf", all);
        d.set("source", described(source, "An input signal, chosen by type."));
    }

    private static ObjectNode pluckNote() {
        ObjectNode o = type("object");
        o.set("required", strings("at"));
        ObjectNode p = F.objectNode();
        p.set("at", described(ref("time"), "Before the duration."));
        p.set("note", described(anyOf(type("string").put("pattern", NOTE_PATTERN), integer(0, 127)),
                "A name like \"E2\" (A4 = 440 Hz, C-1..G9) or a MIDI number."));
        p.set("hz", ref("frequency"));
        p.set("decay", described(ref("positiveTime"), "Default 1s."));
        closed(o, p, List.of("at", "note", "hz", "decay"), List.of());
        ObjectNode note = F.objectNode();
        note.set("required", strings("note"));
        ObjectNode hz = F.objectNode();
        hz.set("required", strings("hz"));
        o.set("oneOf", F.arrayNode().add(note).add(hz));
        return described(o, "A plucked note: exactly one of note and hz.");
    }

    // ---- stages ----

    private static void stageDefs(ObjectNode d) {
        ArrayNode all = F.arrayNode();
        for (StageType t : StageType.values()) {
            ObjectNode p = F.objectNode();
            p.set("type", type("string")); // replaced by the const in typed()
            p.set("bypassed", described(type("boolean"), "Default false."));
            if (t == StageType.EQ) {
                ParamSpec band = t.param(0);
                ObjectNode bands = type("array").put("minItems", StageType.EQ_BANDS).put("maxItems", StageType.EQ_BANDS);
                bands.set("items", number(band.min(), band.max()));
                p.set(StageReader.BANDS, described(bands, StageType.EQ_BANDS + " gains in dB, "
                        + band.range() + "; default all 0."));
            } else {
                for (ParamSpec ps : t.params()) {
                    p.set(ps.name(), param(ps));
                }
                ChoiceSpec c = t.choice();
                if (c != null) {
                    p.set(c.name(), described(enumOf(strings(c.values().toArray(new String[0]))),
                            "Default " + c.defaultValue() + "."));
                }
            }
            ObjectNode stage = typed("type", t.formatName(), closedFields(p, StageReader.keys(t), List.of()));
            d.set("stage-" + t.formatName(), stage);
            all.add(ref("stage-" + t.formatName()));
        }
        ObjectNode stage = F.objectNode();
        stage.set("oneOf", all);
        d.set("stage", described(stage, "A chain stage, chosen by type."));
    }

    private static ObjectNode chain() {
        ObjectNode chain = type("array").put("maxItems", 1024);
        chain.set("items", ref("stage"));
        return described(chain, "Stages in signal order; at most limits.maxChainLength (default 64).");
    }

    /** A numeric stage parameter; the delay's time also takes a time string. */
    private static ObjectNode param(ParamSpec ps) {
        String unit = ps.unit().isEmpty() ? "" : " " + ps.unit();
        String text = ps.range() + unit + "; default " + Numbers.plain(ps.defaultValue()) + unit + ".";
        if (ps.name().equals(StageReader.TIME_PARAM)) {
            return described(anyOf(number(ps.min(), ps.max()), ref("timeString")),
                    "Milliseconds " + text + " A string is a time value (\"250ms\").");
        }
        return described(number(ps.min(), ps.max()), text);
    }

    // ---- impulse responses ----

    private static void irDefs(ObjectNode d) {
        ObjectNode file = fields(List.of("path"), "path", described(type("string"),
                "A WAV of any rate, mono or stereo, relative to the scenario's folder or absolute."));
        d.set("ir-file", typed("type", "file", file));
        ObjectNode synthetic = fields(List.of("length", "decay"),
                "length", described(ref("positiveTime"), "At most " + ImpulseResponses.MAX_SECONDS + " s."),
                "decay", ref("positiveTime"));
        d.set("ir-synthetic", typed("type", "synthetic", synthetic));
        ObjectNode ir = F.objectNode();
        ir.set("oneOf", F.arrayNode().add(ref("ir-file")).add(ref("ir-synthetic")));
        d.set("ir", described(ir, "An impulse response: a WAV file or seeded synthetic noise."));
    }

    // ---- messages ----

    private static void eventDefs(ObjectNode d) {
        ArrayNode all = F.arrayNode();
        for (String name : EventReader.NAMES) {
            ObjectNode o = message(name);
            ObjectNode p = F.objectNode();
            p.set("do", type("string")); // replaced by the const in typed()
            p.set("at", described(ref("time"), "When: before the duration."));
            p.setAll((ObjectNode) o.get("properties"));
            List<String> keys = new ArrayList<>(List.of("at", "do"));
            keys.addAll(EventReader.fields(name));
            ArrayNode required = (ArrayNode) o.get("required");
            required.insert(0, "at");
            d.set("event-" + name, typed("do", name, closedFields(p, keys, List.of(), o)));
            all.add(ref("event-" + name));
        }
        ObjectNode event = F.objectNode();
        event.set("oneOf", all);
        d.set("event", described(event, "A timed control message: {\"at\": time, \"do\": NAME, ...fields}."));
    }

    /** The fields of message {@code name} (without at and do) and which are required. */
    private static ObjectNode message(String name) {
        return switch (name) {
            case "setChain" -> fields(List.of("chain"), "chain", chain());
            case "setInputFilters" -> fields(List.of(), "highpass", ref("cutoff"), "lowpass", ref("cutoff"));
            case "setParameter" -> setParameter();
            case "replaceStage", "addStage" -> fields(List.of("index", "stage"), "index", ref("index"),
                    "stage", ref("stage"));
            case "removeStage" -> fields(List.of("index"), "index", ref("index"));
            case "swapStages" -> fields(List.of("a", "b"), "a", ref("index"), "b", ref("index"));
            case "setStageBypassed" -> fields(List.of("index", "bypassed"), "index", ref("index"),
                    "bypassed", type("boolean"));
            case "swapIr" -> fields(List.of("ir"), "ir", ref("ir"),
                    "crossfade", described(ref("time"), "Default " + EventReader.DEFAULT_CROSSFADE + "."));
            case "clearIr", "stopRecording" -> fields(List.of());
            case "setIrBypass" -> fields(List.of("bypassed"), "bypassed", type("boolean"));
            case "setIrGain" -> fields(List.of("gain"), "gain", number(0, 2));
            case "setPitchShift" -> fields(List.of("semitones"), "semitones", number(-24, 24));
            case "setOversampling" -> fields(List.of("factor"), "factor", oversampling());
            case "setTunerEnabled" -> fields(List.of("enabled"), "enabled", type("boolean"));
            case "setMetronome" -> metronome(true);
            case "startRecording" -> fields(List.of(), "encoding", described(ref("encoding"), "Default pcm16."));
            default -> throw new IllegalStateException("the schema has no definition of message " + name);
        };
    }

    private static ObjectNode setParameter() {
        List<String> names = StageType.paramNames();
        ObjectNode o = fields(List.of("stage", "param", "value"), "stage", ref("index"),
                "param", described(enumOf(strings(names.toArray(new String[0]))),
                        "A numeric parameter of the live stage (eq bands are band_0..band_15)."),
                "value", described(anyOf(type("number"), ref("timeString")),
                        "In the range of a stage type having the parameter; the live stage's own range is "
                                + "checked when the message is applied. Only time takes a time string."));
        // Parameters with the same set of ranges share one if/then.
        Map<String, List<String>> byRanges = new LinkedHashMap<>();
        Map<String, ObjectNode> valueSchemas = new LinkedHashMap<>();
        for (String param : names) {
            List<ObjectNode> ranges = new ArrayList<>();
            List<String> seen = new ArrayList<>();
            StringBuilder key = new StringBuilder();
            for (StageType t : StageType.values()) {
                int i = t.paramIndex(param);
                if (i >= 0 && !seen.contains(t.param(i).range())) {
                    ParamSpec ps = t.param(i);
                    seen.add(ps.range());
                    key.append(ps.range()).append(' ');
                    ranges.add(number(ps.min(), ps.max()));
                }
            }
            if (param.equals(StageReader.TIME_PARAM)) {
                key.append("time");
                ranges.add(ref("timeString"));
            }
            String k = key.toString();
            byRanges.computeIfAbsent(k, x -> new ArrayList<>()).add(param);
            valueSchemas.putIfAbsent(k, ranges.size() == 1 ? ranges.get(0) : anyOf(ranges.toArray(new ObjectNode[0])));
        }
        ArrayNode allOf = F.arrayNode();
        for (var e : byRanges.entrySet()) {
            ObjectNode ifParam = F.objectNode();
            ObjectNode ifProps = F.objectNode();
            ifProps.set("param", enumOf(strings(e.getValue().toArray(new String[0]))));
            ifParam.set("properties", ifProps);
            ifParam.set("required", strings("param"));
            ObjectNode then = F.objectNode();
            ObjectNode thenProps = F.objectNode();
            thenProps.set("value", valueSchemas.get(e.getKey()));
            then.set("properties", thenProps);
            ObjectNode rule = F.objectNode();
            rule.set("if", ifParam);
            rule.set("then", then);
            allOf.add(rule);
        }
        o.set("allOf", allOf);
        return o;
    }

    private static ObjectNode metronome(boolean message) {
        ObjectNode o = fields(message ? List.of("enabled") : List.of(),
                "enabled", described(type("boolean"), message ? "Required." : "Default false."),
                "bpm", described(number(20, 300), "Default 120."),
                "level", described(number(0, 1), "Default 0.5."));
        if (!message) {
            closed(o, (ObjectNode) o.get("properties"), List.of("enabled", "bpm", "level"), List.of());
        }
        return described(o, "A click on every beat.");
    }

    private static ObjectNode oversampling() {
        return described(enumOf(F.arrayNode().add(1).add(2).add(4).add(8).add(16)),
                "Oversampling factor of the chain; default 1.");
    }

    // ---- building blocks ----

    /** An object with {@code required} keys and properties given as name, schema pairs. */
    private static ObjectNode fields(List<String> required, Object... nameSchema) {
        ObjectNode o = type("object");
        o.set("required", strings(required.toArray(new String[0])));
        ObjectNode p = F.objectNode();
        for (int i = 0; i < nameSchema.length; i += 2) {
            p.set((String) nameSchema[i], (ObjectNode) nameSchema[i + 1]);
        }
        o.set("properties", p);
        return o;
    }

    /** {@code body} with a discriminator {@code key} fixed to {@code value}, required and first. */
    private static ObjectNode typed(String key, String value, ObjectNode body) {
        ObjectNode o = type("object");
        ArrayNode required = F.arrayNode().add(key);
        if (body.has("required")) {
            for (var r : body.get("required")) {
                if (!r.asText().equals(key)) {
                    required.add(r);
                }
            }
        }
        o.set("required", required);
        ObjectNode p = F.objectNode();
        p.set(key, F.objectNode().put("const", value));
        ObjectNode bodyProps = (ObjectNode) body.get("properties");
        if (bodyProps != null) {
            bodyProps.properties().forEach(e -> {
                if (!e.getKey().equals(key)) {
                    p.set(e.getKey(), e.getValue());
                }
            });
        }
        o.set("properties", p);
        o.put("additionalProperties", false);
        for (String k : List.of("oneOf", "allOf", "description")) {
            if (body.has(k)) {
                o.set(k, body.get(k));
            }
        }
        return o;
    }

    private static ObjectNode closedFields(ObjectNode props, List<String> keys, List<String> extra) {
        ObjectNode o = type("object");
        o.set("properties", props);
        closed(o, props, keys, extra);
        return o;
    }

    private static ObjectNode closedFields(ObjectNode props, List<String> keys, List<String> extra, ObjectNode from) {
        ObjectNode o = closedFields(props, keys, extra);
        o.set("required", from.get("required"));
        if (from.has("allOf")) {
            o.set("allOf", from.get("allOf"));
        }
        return o;
    }

    /**
     * Sets {@code props} on {@code o}, closes it to other keys, and checks that the properties are
     * exactly the keys the reader allows: a key added to the reader but not here fails generation.
     */
    private static void closed(ObjectNode o, ObjectNode props, List<String> readerKeys, List<String> extra) {
        List<String> expected = new ArrayList<>(readerKeys);
        expected.addAll(extra);
        List<String> have = new ArrayList<>();
        props.fieldNames().forEachRemaining(have::add);
        if (!new java.util.TreeSet<>(have).equals(new java.util.TreeSet<>(expected))) {
            throw new IllegalStateException("schema keys " + have + " differ from the reader's " + expected);
        }
        o.set("properties", props);
        o.put("additionalProperties", false);
    }

    private static ObjectNode type(String type) {
        return F.objectNode().put("type", type);
    }

    private static ObjectNode integer(long min, long max) {
        return type("integer").put("minimum", min).put("maximum", max);
    }

    private static ObjectNode number(double min, double max) {
        ObjectNode o = type("number");
        putNumber(o, "minimum", min);
        putNumber(o, "maximum", max);
        return o;
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            o.put(key, (long) v);
        } else {
            o.put(key, v);
        }
    }

    private static ObjectNode ref(String def) {
        return F.objectNode().put("$ref", "#/$defs/" + def);
    }

    private static ObjectNode anyOf(ObjectNode... options) {
        ObjectNode o = F.objectNode();
        ArrayNode a = o.putArray("anyOf");
        for (ObjectNode x : options) {
            a.add(x);
        }
        return o;
    }

    private static ObjectNode enumOf(ArrayNode values) {
        ObjectNode o = F.objectNode();
        o.set("enum", values);
        return o;
    }

    private static ObjectNode described(ObjectNode o, String description) {
        ObjectNode out = F.objectNode().put("description", description);
        out.setAll(o);
        return out;
    }

    private static ArrayNode strings(String... values) {
        ArrayNode a = F.arrayNode();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

    private static ArrayNode encodings() {
        ArrayNode a = F.arrayNode();
        for (Encoding e : Encoding.values()) {
            a.add(e.formatName());
        }
        return a;
    }
}
