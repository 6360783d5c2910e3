package io.blockwise.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes one input source with every field, for {@link ScenarioWriter}. Control thread only. */
final class SourceWriter {
    private SourceWriter() {
    }

    static void source(ScenarioWriter w, SourceSpec src) throws IOException {
        JsonGenerator g = w.gen();
        g.writeStartObject();
        if (src instanceof SourceSpec.Sine s) {
            g.writeStringField("type", "sine");
            w.number("freq", s.freq());
            w.number("amp", s.amp());
            w.number("phase", s.phase());
        } else if (src instanceof SourceSpec.Sweep s) {
            g.writeStringField("type", "sweep");
            w.number("from", s.from());
            w.number("to", s.to());
            w.number("amp", s.amp());
            g.writeStringField("curve", ScenarioWriter.lower(s.curve()));
        } else if (src instanceof SourceSpec.Noise s) {
            g.writeStringField("type", "noise");
            g.writeStringField("color", ScenarioWriter.lower(s.color()));
            w.number("amp", s.amp());
        } else if (src instanceof SourceSpec.Impulse s) {
            g.writeStringField("type", "impulse");
            g.writeNumberField("at", s.atFrame());
            w.number("amp", s.amp());
        } else if (src instanceof SourceSpec.Pluck s) {
            g.writeStringField("type", "pluck");
            w.number("amp", s.amp());
            g.writeArrayFieldStart("notes");
            for (SourceSpec.PluckNote n : s.notes()) {
                g.writeStartObject();
                g.writeNumberField("at", n.atFrame());
                w.number("hz", n.hz());
                g.writeNumberField("decay", n.decayFrames());
                g.writeEndObject();
            }
            g.writeEndArray();
        } else if (src instanceof SourceSpec.Silence) {
            g.writeStringField("type", "silence");
        } else {
            g.writeStringField("type", "file");
            g.writeStringField("path", w.path(((SourceSpec.File) src).path()));
        }
        g.writeEndObject();
    }
}
