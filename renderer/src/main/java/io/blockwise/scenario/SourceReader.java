package io.blockwise.scenario;

import io.blockwise.dsp.Numbers;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code input}: one source or a non-empty list of them, defaults filled in. Control thread only. */
final class SourceReader {
    private static final List<String> TYPES =
            List.of("sine", "sweep", "noise", "impulse", "pluck", "silence", "file");
    private static final String INPUT_ALLOWED = "a source object or a non-empty list of sources";
    private static final String NOTE_ALLOWED =
            "a name like \"E2\", \"C#3\", \"Bb1\" (C-1..G9) or a MIDI number 0..127";

    private SourceReader() {
    }

    static List<SourceSpec> inputs(ReadContext ctx, Node n) {
        if (n instanceof Node.Obj) {
            return List.of(read(ctx, n));
        }
        if (!(n instanceof Node.Arr a)) {
            throw ctx.error(n, Node.describe(n) + " is not a source; allowed: " + INPUT_ALLOWED);
        }
        if (a.items().isEmpty()) {
            throw ctx.error(n, "the list of sources is empty; allowed: " + INPUT_ALLOWED);
        }
        List<SourceSpec> out = new ArrayList<>();
        for (Node item : a.items()) {
            out.add(read(ctx, item));
        }
        return out;
    }

    static SourceSpec read(ReadContext ctx, Node n) {
        Fields untyped = Fields.of(ctx, n, " for a source", "a source object like {\"type\": \"sine\", \"freq\": 440}");
        Node typeNode = untyped.require("type");
        String type = TYPES.get(Values.choice(ctx, typeNode, "source type", TYPES));
        Fields f = new Fields(ctx, untyped.node(), " for a " + type + " source");
        switch (type) {
            case "sine":
                f.allow(List.of("type", "freq", "amp", "phase"));
                return new SourceSpec.Sine(Values.frequency(ctx, f.require("freq"), "sine.freq"),
                        amp(ctx, f, type, 0.5),
                        f.get("phase") == null ? 0 : Values.finite(ctx, f.get("phase"), "a number of radians"));
            case "sweep":
                f.allow(List.of("type", "from", "to", "amp", "curve"));
                return new SourceSpec.Sweep(Values.frequency(ctx, f.require("from"), "sweep.from"),
                        Values.frequency(ctx, f.require("to"), "sweep.to"), amp(ctx, f, type, 0.5),
                        f.get("curve") == null ? SourceSpec.Curve.LOG : SourceSpec.Curve.values()[
                                Values.choice(ctx, f.get("curve"), "sweep.curve", List.of("log", "linear"))]);
            case "noise":
                f.allow(List.of("type", "color", "amp"));
                return new SourceSpec.Noise(f.get("color") == null ? SourceSpec.NoiseColor.WHITE
                        : SourceSpec.NoiseColor.values()[
                                Values.choice(ctx, f.get("color"), "noise.color", List.of("white", "pink"))],
                        amp(ctx, f, type, 0.1));
            case "impulse":
                f.allow(List.of("type", "at", "amp"));
                return new SourceSpec.Impulse(TimeValues.readBefore(ctx, f.require("at"), "impulse"),
                        amp(ctx, f, type, 1.0));
            case "pluck":
                f.allow(List.of("type", "amp", "notes"));
                return pluck(ctx, f);
            case "silence":
                f.allow(List.of("type"));
                return new SourceSpec.Silence();
            default:
                f.allow(List.of("type", "path"));
                Node path = f.require("path");
                return new SourceSpec.File(existingFile(ctx, path, "a WAV file"), path.pos());
        }
    }

    /**
     * An existing file named by a path node, resolved against the scenario's folder when relative,
     * normalised and absolute (so that a canonical copy written elsewhere names the same file).
     */
    static Path existingFile(ReadContext ctx, Node n, String kind) {
        String allowed = "a path to " + kind + ", relative to the scenario's folder or absolute";
        String text = Values.string(ctx, n, allowed);
        if (text.length() > 4096) {
            throw ctx.error(n, "path " + Node.quote(text) + " has " + text.length()
                    + " characters; allowed: " + allowed + ", at most 4096 characters");
        }
        Path resolved;
        try {
            resolved = ctx.folder().resolve(text).normalize();
        } catch (InvalidPathException e) {
            throw ctx.error(n, Node.quote(text) + " is not a valid path; allowed: " + allowed);
        }
        if (Files.exists(resolved) && !Files.isRegularFile(resolved)) {
            throw ctx.error(n, Node.quote(text) + " is not a regular file (" + (Files.isDirectory(resolved)
                    ? "a directory" : "a FIFO, device or socket") + ", " + resolved + "); allowed: " + allowed);
        }
        if (!Files.isRegularFile(resolved)) {
            throw ctx.error(n, "file " + Node.quote(text) + " does not exist (looked for " + resolved
                    + "); allowed: " + allowed);
        }
        return resolved;
    }

    private static double amp(ReadContext ctx, Fields f, String type, double def) {
        Node v = f.get("amp");
        return v == null ? def : Values.number(ctx, v, type + ".amp", 0, 1);
    }

    private static SourceSpec.Pluck pluck(ReadContext ctx, Fields f) {
        double amp = amp(ctx, f, "pluck", 0.8);
        Node notesNode = f.require("notes");
        List<Node> items = Values.list(ctx, notesNode, "a non-empty list of notes");
        if (items.isEmpty()) {
            throw ctx.error(notesNode, "pluck has no notes; allowed: a non-empty list of notes like "
                    + "{\"at\": \"1s\", \"note\": \"E2\"}");
        }
        List<SourceSpec.PluckNote> notes = new ArrayList<>();
        for (Node item : items) {
            Fields nf = Fields.of(ctx, item, " for a pluck note", "a note like {\"at\": \"1s\", \"note\": \"E2\"}")
                    .allow(List.of("at", "note", "hz", "decay"));
            long at = TimeValues.readBefore(ctx, nf.require("at"), "note");
            double hz;
            if (nf.get("note") != null && nf.get("hz") != null) {
                throw ctx.error(item, "both \"note\" and \"hz\" given for a pluck note; allowed: exactly one of them");
            } else if (nf.get("hz") != null) {
                hz = Values.frequency(ctx, nf.get("hz"), "pluck.hz");
            } else if (nf.get("note") != null) {
                hz = noteHz(ctx, nf.get("note"));
            } else {
                throw ctx.error(item, "missing required key \"note\" (or \"hz\") for a pluck note");
            }
            Node decay = nf.get("decay");
            long decayFrames = decay == null ? ctx.sampleRate() : TimeValues.readPositive(ctx, decay, "decay");
            notes.add(new SourceSpec.PluckNote(at, hz, decayFrames));
        }
        return new SourceSpec.Pluck(amp, notes);
    }

    private static double noteHz(ReadContext ctx, Node n) {
        int midi;
        if (n instanceof Node.Str s) {
            midi = NoteNames.midi(s.value());
            if (midi < 0) {
                throw ctx.error(n, Node.quote(s.value()) + " is not a note name; allowed: " + NOTE_ALLOWED);
            }
        } else if (n instanceof Node.Num) {
            midi = Values.integer(ctx, n, "MIDI note", NoteNames.MIN_MIDI, NoteNames.MAX_MIDI);
        } else {
            throw ctx.error(n, Node.describe(n) + " is not a note; allowed: " + NOTE_ALLOWED);
        }
        double hz = NoteNames.hz(midi);
        double nyquist = ctx.sampleRate() / 2.0;
        if (hz >= nyquist) {
            throw ctx.error(n, "note " + Node.describe(n) + " is " + Numbers.plain(
                    Math.round(hz * 100) / 100.0) + " Hz; allowed: notes below "
                    + Numbers.plain(nyquist) + " Hz (half the sample rate)");
        }
        return hz;
    }
}
