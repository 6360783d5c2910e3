package io.blockwise.scenario;

import java.util.List;

/**
 * Reads {@code setup} and the pieces of engine state that messages carry too: input filters, an
 * impulse response, oversampling, IR gain, pitch shift and the metronome. Control thread only.
 */
final class SetupReader {
    static final List<String> KEYS = List.of("inputFilters", "oversampling", "chain", "ir", "irGain",
            "pitchShift", "tuner", "metronome");
    private static final String IR_ALLOWED = "{\"type\": \"file\", \"path\": ...} or "
            + "{\"type\": \"synthetic\", \"length\": time, \"decay\": time}";
    private static final List<String> IR_TYPES = List.of("file", "synthetic");
    /** Longest IR after preparation, in seconds. */
    private static final int MAX_IR_SECONDS = 10;

    private SetupReader() {
    }

    /** Input filter cut-offs in Hz; null means none. */
    record Filters(Double highpass, Double lowpass) {
        static final Filters NONE = new Filters(null, null);
    }

    static EngineSetup read(ReadContext ctx, Node n) {
        Fields f = Fields.of(ctx, n, " in setup", "an engine state object").allow(KEYS);
        Filters filters = Filters.NONE;
        if (f.get("inputFilters") != null) {
            filters = filters(ctx, Fields.of(ctx, f.get("inputFilters"), " in inputFilters",
                    "{\"highpass\": Hz or null, \"lowpass\": Hz or null}").allow(List.of("highpass", "lowpass")));
        }
        EngineSetup d = EngineSetup.empty();
        Node ir = f.get("ir");
        Node metronome = f.get("metronome");
        return new EngineSetup(filters.highpass(), filters.lowpass(),
                f.get("oversampling") == null ? d.oversampling() : oversampling(ctx, f.get("oversampling")),
                f.get("chain") == null ? d.chain() : StageReader.chain(ctx, f.get("chain")),
                ir == null || ir instanceof Node.Null ? null : ir(ctx, ir),
                f.get("irGain") == null ? d.irGain() : irGain(ctx, f.get("irGain"), "irGain"),
                f.get("pitchShift") == null ? d.pitchShift() : semitones(ctx, f.get("pitchShift"), "pitchShift"),
                f.get("tuner") != null && Values.bool(ctx, f.get("tuner")),
                metronome == null ? d.metronome() : metronome(ctx, Fields.of(ctx, metronome, " in metronome",
                        "{\"enabled\": true, \"bpm\": 120, \"level\": 0.5}")
                        .allow(List.of("enabled", "bpm", "level")), false, "metronome"));
    }

    /** {@code highpass} and {@code lowpass} of {@code f} (absent or null: none). */
    static Filters filters(ReadContext ctx, Fields f) {
        Double hp = cutoff(ctx, f.get("highpass"), "highpass");
        Double lp = cutoff(ctx, f.get("lowpass"), "lowpass");
        if (hp != null && lp != null && !(lp > hp)) {
            throw ctx.error(f.get("lowpass"), "lowpass " + Values.show(f.get("lowpass"))
                    + " Hz is not above highpass " + Values.show(f.get("highpass"))
                    + " Hz; allowed: lowpass > highpass");
        }
        return new Filters(hp, lp);
    }

    /** An impulse response: a file or a synthetic one. */
    static IrSpec ir(ReadContext ctx, Node n) {
        Fields untyped = Fields.of(ctx, n, " for an IR", IR_ALLOWED);
        String type = IR_TYPES.get(Values.choice(ctx, untyped.require("type"), "IR type", IR_TYPES));
        Fields f = new Fields(ctx, untyped.node(), " for a " + type + " IR");
        if (type.equals("file")) {
            f.allow(List.of("type", "path"));
            Node path = f.require("path");
            return new IrSpec.File(SourceReader.existingFile(ctx, path, "an IR WAV file"), path.pos());
        }
        f.allow(List.of("type", "length", "decay"));
        Node lengthNode = f.require("length");
        long length = TimeValues.readPositive(ctx, lengthNode, "length");
        long max = (long) MAX_IR_SECONDS * ctx.sampleRate();
        if (length > max) {
            throw ctx.error(lengthNode, "synthetic IR length " + length + " frames is longer than "
                    + MAX_IR_SECONDS + " s (" + max + " frames); allowed: 1.." + max + " frames");
        }
        return new IrSpec.Synthetic(length, TimeValues.readPositive(ctx, f.require("decay"), "decay"));
    }

    static int oversampling(ReadContext ctx, Node n) {
        return Values.oneOf(ctx, n, "oversampling factor", 1, 2, 4, 8, 16);
    }

    static double irGain(ReadContext ctx, Node n, String label) {
        return Values.number(ctx, n, label, 0, 2);
    }

    static double semitones(ReadContext ctx, Node n, String label) {
        return Values.number(ctx, n, label, -24, 24);
    }

    /** The metronome's keys of {@code f}; {@code enabled} defaults to false unless required. */
    static EngineSetup.Metronome metronome(ReadContext ctx, Fields f, boolean enabledRequired, String label) {
        EngineSetup.Metronome d = EngineSetup.Metronome.OFF;
        Node enabled = enabledRequired ? f.require("enabled") : f.get("enabled");
        return new EngineSetup.Metronome(enabled != null && Values.bool(ctx, enabled),
                f.get("bpm") == null ? d.bpm() : Values.number(ctx, f.get("bpm"), label + ".bpm", 20, 300),
                f.get("level") == null ? d.level() : Values.number(ctx, f.get("level"), label + ".level", 0, 1));
    }

    private static Double cutoff(ReadContext ctx, Node n, String label) {
        if (n == null || n instanceof Node.Null) {
            return null;
        }
        return Values.frequency(ctx, n, label);
    }
}
