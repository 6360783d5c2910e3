package io.blockwise.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes the fields of one message (after {@code at} and {@code do}), for {@link ScenarioWriter}. */
final class MessageWriter implements Message.Visitor<Void> {
    private final ScenarioWriter w;
    private final JsonGenerator g;

    private MessageWriter(ScenarioWriter w) {
        this.w = w;
        this.g = w.gen();
    }

    static void fields(ScenarioWriter w, Message msg) throws IOException {
        try {
            msg.accept(new MessageWriter(w));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A visit method's body: it writes, and a visitor cannot throw a checked exception. */
    private interface Write {
        void run() throws IOException;
    }

    private static Void write(Write body) {
        try {
            body.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    @Override
    public Void visit(Message.SetChain m) {
        return write(() -> w.chain("chain", m.chain()));
    }

    @Override
    public Void visit(Message.SetInputFilters m) {
        return write(() -> w.filters(m.highpass(), m.lowpass()));
    }

    @Override
    public Void visit(Message.SetParameter m) {
        return write(() -> {
            g.writeNumberField("stage", m.stage());
            g.writeStringField("param", m.param());
            w.number("value", m.value());
        });
    }

    @Override
    public Void visit(Message.ReplaceStage m) {
        return write(() -> {
            g.writeNumberField("index", m.index());
            g.writeFieldName("stage");
            w.stage(m.stage());
        });
    }

    @Override
    public Void visit(Message.AddStage m) {
        return write(() -> {
            g.writeNumberField("index", m.index());
            g.writeFieldName("stage");
            w.stage(m.stage());
        });
    }

    @Override
    public Void visit(Message.RemoveStage m) {
        return write(() -> g.writeNumberField("index", m.index()));
    }

    @Override
    public Void visit(Message.SwapStages m) {
        return write(() -> {
            g.writeNumberField("a", m.a());
            g.writeNumberField("b", m.b());
        });
    }

    @Override
    public Void visit(Message.SetStageBypassed m) {
        return write(() -> {
            g.writeNumberField("index", m.index());
            g.writeBooleanField("bypassed", m.bypassed());
        });
    }

    @Override
    public Void visit(Message.SwapIr m) {
        return write(() -> {
            g.writeFieldName("ir");
            w.ir(m.ir());
            g.writeNumberField("crossfade", m.crossfadeFrames());
        });
    }

    @Override
    public Void visit(Message.ClearIr m) {
        return null; // no fields
    }

    @Override
    public Void visit(Message.SetIrBypass m) {
        return write(() -> g.writeBooleanField("bypassed", m.bypassed()));
    }

    @Override
    public Void visit(Message.SetIrGain m) {
        return write(() -> w.number("gain", m.gain()));
    }

    @Override
    public Void visit(Message.SetPitchShift m) {
        return write(() -> w.number("semitones", m.semitones()));
    }

    @Override
    public Void visit(Message.SetOversampling m) {
        return write(() -> g.writeNumberField("factor", m.factor()));
    }

    @Override
    public Void visit(Message.SetTunerEnabled m) {
        return write(() -> g.writeBooleanField("enabled", m.enabled()));
    }

    @Override
    public Void visit(Message.SetMetronome m) {
        return write(() -> w.metronome(m.enabled(), m.bpm(), m.level()));
    }

    @Override
    public Void visit(Message.StartRecording m) {
        return write(() -> g.writeStringField("encoding", m.encoding().formatName()));
    }

    @Override
    public Void visit(Message.StopRecording m) {
        return null; // no fields
    }
}
