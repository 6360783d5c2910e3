package io.blockwise.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes the fields of one message (after {@code at} and {@code do}), for {@link ScenarioWriter}. */
final class MessageWriter {
    private MessageWriter() {
    }

    static void fields(ScenarioWriter w, Message msg) throws IOException {
        JsonGenerator g = w.gen();
        if (msg instanceof Message.SetChain m) {
            w.chain("chain", m.chain());
        } else if (msg instanceof Message.SetInputFilters m) {
            w.filters(m.highpass(), m.lowpass());
        } else if (msg instanceof Message.SetParameter m) {
            g.writeNumberField("stage", m.stage());
            g.writeStringField("param", m.param());
            w.number("value", m.value());
        } else if (msg instanceof Message.ReplaceStage m) {
            g.writeNumberField("index", m.index());
            g.writeFieldName("stage");
            w.stage(m.stage());
        } else if (msg instanceof Message.AddStage m) {
            g.writeNumberField("index", m.index());
            g.writeFieldName("stage");
            w.stage(m.stage());
        } else if (msg instanceof Message.RemoveStage m) {
            g.writeNumberField("index", m.index());
        } else if (msg instanceof Message.SwapStages m) {
            g.writeNumberField("a", m.a());
            g.writeNumberField("b", m.b());
        } else if (msg instanceof Message.SetStageBypassed m) {
            g.writeNumberField("index", m.index());
            g.writeBooleanField("bypassed", m.bypassed());
        } else if (msg instanceof Message.SwapIr m) {
            g.writeFieldName("ir");
            w.ir(m.ir());
            g.writeNumberField("crossfade", m.crossfadeFrames());
        } else if (msg instanceof Message.SetIrBypass m) {
            g.writeBooleanField("bypassed", m.bypassed());
        } else if (msg instanceof Message.SetIrGain m) {
            w.number("gain", m.gain());
        } else if (msg instanceof Message.SetPitchShift m) {
            w.number("semitones", m.semitones());
        } else if (msg instanceof Message.SetOversampling m) {
            g.writeNumberField("factor", m.factor());
        } else if (msg instanceof Message.SetTunerEnabled m) {
            g.writeBooleanField("enabled", m.enabled());
        } else if (msg instanceof Message.SetMetronome m) {
            w.metronome(m.enabled(), m.bpm(), m.level());
        } else if (msg instanceof Message.StartRecording m) {
            g.writeStringField("encoding", m.encoding().formatName());
        }
        // clearIr and stopRecording carry no fields.
    }
}
