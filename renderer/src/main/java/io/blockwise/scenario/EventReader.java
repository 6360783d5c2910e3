package io.blockwise.scenario;

import io.blockwise.dsp.ParamSpec;
import io.blockwise.dsp.StageType;
import io.blockwise.record.Encoding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads {@code events}: each {@code {"at": time, "do": NAME, ...fields}} into a
 * {@link TimedMessage}, sorted by frame with file order kept among equal frames. Whether an index
 * exists at that moment is the engine's business (it rejects at run time), not a load error.
 * Control thread only.
 */
final class EventReader {
    /** Every {@code do} name of the format, in its table order. */
    static final List<String> NAMES = List.of("setChain", "setInputFilters", "setParameter",
            "replaceStage", "addStage", "removeStage", "swapStages", "setStageBypassed", "swapIr",
            "clearIr", "setIrBypass", "setIrGain", "setPitchShift", "setOversampling",
            "setTunerEnabled", "setMetronome", "startRecording", "stopRecording");
    /** swapIr's crossfade when none is given. */
    static final String DEFAULT_CROSSFADE = "10ms";
    private static final int MAX_INDEX = Integer.MAX_VALUE;

    private EventReader() {
    }

    static List<TimedMessage> read(ReadContext ctx, Node n) {
        List<Node> items = Values.list(ctx, n, "a list of events like {\"at\": \"1s\", \"do\": \"clearIr\"}");
        List<TimedMessage> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(event(ctx, items.get(i), i));
        }
        // List.sort is stable: equal frames keep file order.
        out.sort(Comparator.comparingLong(TimedMessage::atFrame));
        return out;
    }

    /** The fields message {@code name} takes besides {@code at} and {@code do}. */
    static List<String> fields(String name) {
        return switch (name) {
            case "setChain" -> List.of("chain");
            case "setInputFilters" -> List.of("highpass", "lowpass");
            case "setParameter" -> List.of("stage", "param", "value");
            case "replaceStage", "addStage" -> List.of("index", "stage");
            case "removeStage" -> List.of("index");
            case "swapStages" -> List.of("a", "b");
            case "setStageBypassed" -> List.of("index", "bypassed");
            case "swapIr" -> List.of("ir", "crossfade");
            case "setIrBypass" -> List.of("bypassed");
            case "setIrGain" -> List.of("gain");
            case "setPitchShift" -> List.of("semitones");
            case "setOversampling" -> List.of("factor");
            case "setTunerEnabled" -> List.of("enabled");
            case "setMetronome" -> List.of("enabled", "bpm", "level");
            case "startRecording" -> List.of("encoding");
            default -> List.of();
        };
    }

    private static TimedMessage event(ReadContext ctx, Node n, int fileIndex) {
        Fields untyped = Fields.of(ctx, n, " for an event", "an event like {\"at\": \"1s\", \"do\": \"clearIr\"}");
        String name = NAMES.get(Values.choice(ctx, untyped.require("do"), "message", NAMES));
        List<String> keys = new ArrayList<>(List.of("at", "do"));
        keys.addAll(fields(name));
        Fields f = new Fields(ctx, untyped.node(), " for a " + name + " event").allow(keys);
        long at = TimeValues.readBefore(ctx, f.require("at"), "event");
        return new TimedMessage(at, fileIndex, n.pos(), message(ctx, f, name));
    }

    private static Message message(ReadContext ctx, Fields f, String name) {
        switch (name) {
            case "setChain":
                return new Message.SetChain(StageReader.chain(ctx, f.require("chain")));
            case "setInputFilters":
                SetupReader.Filters filters = SetupReader.filters(ctx, f);
                return new Message.SetInputFilters(filters.highpass(), filters.lowpass());
            case "setParameter":
                return setParameter(ctx, f);
            case "replaceStage":
                return new Message.ReplaceStage(index(ctx, f, "index", name),
                        StageReader.read(ctx, f.require("stage")));
            case "addStage":
                return new Message.AddStage(index(ctx, f, "index", name),
                        StageReader.read(ctx, f.require("stage")));
            case "removeStage":
                return new Message.RemoveStage(index(ctx, f, "index", name));
            case "swapStages":
                return new Message.SwapStages(index(ctx, f, "a", name), index(ctx, f, "b", name));
            case "setStageBypassed":
                return new Message.SetStageBypassed(index(ctx, f, "index", name),
                        Values.bool(ctx, f.require("bypassed")));
            case "swapIr":
                Node crossfade = f.get("crossfade");
                return new Message.SwapIr(SetupReader.ir(ctx, f.require("ir")), crossfade == null
                        ? TimeValues.parse(DEFAULT_CROSSFADE, ctx.sampleRate(), ctx.blockSize())
                        : TimeValues.read(ctx, crossfade));
            case "clearIr":
                return new Message.ClearIr();
            case "setIrBypass":
                return new Message.SetIrBypass(Values.bool(ctx, f.require("bypassed")));
            case "setIrGain":
                return new Message.SetIrGain(SetupReader.irGain(ctx, f.require("gain"), "setIrGain.gain"));
            case "setPitchShift":
                return new Message.SetPitchShift(
                        SetupReader.semitones(ctx, f.require("semitones"), "setPitchShift.semitones"));
            case "setOversampling":
                return new Message.SetOversampling(SetupReader.oversampling(ctx, f.require("factor")));
            case "setTunerEnabled":
                return new Message.SetTunerEnabled(Values.bool(ctx, f.require("enabled")));
            case "setMetronome":
                EngineSetup.Metronome m = SetupReader.metronome(ctx, f, true, name);
                return new Message.SetMetronome(m.enabled(), m.bpm(), m.level());
            case "startRecording":
                Node enc = f.get("encoding");
                return new Message.StartRecording(enc == null ? Encoding.PCM16 : encoding(ctx, enc));
            default:
                return new Message.StopRecording();
        }
    }

    /** An encoding name: float32 | pcm16 | pcm24. */
    static Encoding encoding(ReadContext ctx, Node n) {
        List<String> names = new ArrayList<>();
        for (Encoding e : Encoding.values()) {
            names.add(e.formatName());
        }
        return Encoding.byFormatName(names.get(Values.choice(ctx, n, "encoding", names)));
    }

    private static int index(ReadContext ctx, Fields f, String key, String name) {
        return Values.integer(ctx, f.require(key), name + "." + key, 0, MAX_INDEX);
    }

    private static Message setParameter(ReadContext ctx, Fields f) {
        int stage = index(ctx, f, "stage", "setParameter");
        Node paramNode = f.require("param");
        String param = Values.string(ctx, paramNode, numericParams());
        if (StageType.globalParamId(param) < 0) {
            throw ctx.error(paramNode, "unknown parameter " + Node.quote(param) + choiceHint(param)
                    + "; allowed: " + numericParams());
        }
        List<String> labels = new ArrayList<>();
        List<ParamSpec> specs = new ArrayList<>();
        for (StageType t : StageType.values()) {
            int i = t.paramIndex(param);
            if (i >= 0) {
                labels.add(t.formatName() + "." + param);
                specs.add(t.param(i));
            }
        }
        Node v = f.require("value");
        if (specs.size() == 1) {
            ParamSpec p = specs.get(0);
            double value = param.equals(StageReader.TIME_PARAM) ? StageReader.millis(ctx, v, labels.get(0), p)
                    : Values.number(ctx, v, labels.get(0), p.min(), p.max());
            return new Message.SetParameter(stage, param, value);
        }
        StringBuilder ranges = new StringBuilder();
        for (int i = 0; i < specs.size(); i++) {
            ranges.append(i == 0 ? "" : ", ").append(labels.get(i)).append(' ').append(specs.get(i).range());
        }
        double value = Values.finite(ctx, v, ranges.toString());
        for (ParamSpec p : specs) {
            if (p.accepts(value)) {
                return new Message.SetParameter(stage, param, value);
            }
        }
        throw ctx.error(v, param + " " + Values.show(v) + " is out of range for every stage type "
                + "that has it; allowed: " + ranges);
    }

    /** Every numeric parameter name, the eq's sixteen shown as one range. */
    private static String numericParams() {
        List<String> names = new ArrayList<>();
        for (String name : StageType.paramNames()) {
            if (!name.startsWith("band_")) {
                names.add(name);
            }
        }
        names.add("band_0.." + "band_" + (StageType.EQ_BANDS - 1));
        return String.join(", ", names);
    }

    private static String choiceHint(String param) {
        for (StageType t : StageType.values()) {
            if (t.choice() != null && t.choice().name().equals(param)) {
                return " (" + t.formatName() + "." + param + " is an enumerated setting: change it with replaceStage)";
            }
        }
        return "";
    }
}
