package io.blockwise.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.blockwise.dsp.Numbers;
import io.blockwise.dsp.StageType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes a scenario as canonical JSON: every key written with its value (defaults included),
 * times as integer frames, delay times in milliseconds, numbers in plain notation that parses back
 * to the same double, events in file order, paths relative to the scenario's folder. Reading the
 * result back with {@code ScenarioReader.parse(toJson(s), s.file(), false)} gives a scenario equal
 * to {@code s} (positions aside, which are not part of a scenario's equality).
 */
public final class ScenarioWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private final JsonGenerator g;
    private final Path folder;

    private ScenarioWriter(JsonGenerator g, Path folder) {
        this.g = g;
        this.folder = folder;
    }

    /**
     * Control thread. The canonical JSON of {@code s} on one line, without spaces: a live session's
     * capture (tens of thousands of events a minute), at about half the size of {@link #toJson}.
     */
    public static String toCompactJson(Scenario s) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            new ScenarioWriter(g, ReadContext.of(s.file()).folder()).scenario(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString() + "\n";
    }

    /** Control thread. The canonical JSON text of {@code s}. */
    public static String toJson(Scenario s) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
            new ScenarioWriter(g, ReadContext.of(s.file()).folder()).scenario(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString() + "\n";
    }

    private void scenario(Scenario s) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", ScenarioReader.FORMAT);
        g.writeStringField("name", s.name());
        g.writeStringField("description", s.description() == null ? "" : s.description());
        g.writeNumberField("sampleRate", s.sampleRate());
        g.writeNumberField("blockSize", s.blockSize());
        g.writeNumberField("duration", s.durationFrames());
        g.writeNumberField("seed", s.seed());
        g.writeArrayFieldStart("input");
        for (SourceSpec src : s.inputs()) {
            SourceWriter.source(this, src);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("output");
        g.writeStringField("encoding", s.output().encoding().formatName());
        g.writeNumberField("channels", s.output().channels());
        g.writeEndObject();
        setup(s.setup());
        g.writeObjectFieldStart("collector");
        g.writeNumberField("everyBlocks", s.collector().everyBlocks());
        stalls(s.collector());
        g.writeEndObject();
        g.writeObjectFieldStart("writer");
        stalls(s.writer());
        g.writeEndObject();
        g.writeObjectFieldStart("limits");
        g.writeNumberField("queueCapacity", s.limits().queueCapacity());
        g.writeNumberField("maxMessagesPerBlock", s.limits().maxMessagesPerBlock());
        g.writeNumberField("maxChainLength", s.limits().maxChainLength());
        g.writeEndObject();
        g.writeArrayFieldStart("events");
        List<TimedMessage> inFileOrder = new ArrayList<>(s.events());
        inFileOrder.sort(Comparator.comparingInt(TimedMessage::fileIndex));
        for (TimedMessage m : inFileOrder) {
            g.writeStartObject();
            g.writeNumberField("at", m.atFrame());
            g.writeStringField("do", m.message().name());
            MessageWriter.fields(this, m.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void setup(EngineSetup s) throws IOException {
        g.writeObjectFieldStart("setup");
        g.writeObjectFieldStart("inputFilters");
        filters(s.highpass(), s.lowpass());
        g.writeEndObject();
        g.writeNumberField("oversampling", s.oversampling());
        chain("chain", s.chain());
        if (s.ir() == null) {
            g.writeNullField("ir");
        } else {
            g.writeFieldName("ir");
            ir(s.ir());
        }
        number("irGain", s.irGain());
        number("pitchShift", s.pitchShift());
        g.writeBooleanField("tuner", s.tuner());
        g.writeObjectFieldStart("metronome");
        metronome(s.metronome().enabled(), s.metronome().bpm(), s.metronome().level());
        g.writeEndObject();
        g.writeEndObject();
    }

    private void stalls(Scenario.Schedule schedule) throws IOException {
        g.writeArrayFieldStart("stalls");
        for (Scenario.Stall stall : schedule.stalls()) {
            g.writeStartObject();
            g.writeNumberField("from", stall.fromFrame());
            g.writeNumberField("to", stall.toFrame());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    JsonGenerator gen() {
        return g;
    }

    /** {@code key: v} in plain notation; Double.toString's digits, so it parses back exactly. */
    void number(String key, double v) throws IOException {
        g.writeFieldName(key);
        g.writeNumber(Numbers.plain(v));
    }

    void filters(Double highpass, Double lowpass) throws IOException {
        nullableNumber("highpass", highpass);
        nullableNumber("lowpass", lowpass);
    }

    void metronome(boolean enabled, double bpm, double level) throws IOException {
        g.writeBooleanField("enabled", enabled);
        number("bpm", bpm);
        number("level", level);
    }

    void chain(String key, List<StageSpec> chain) throws IOException {
        g.writeArrayFieldStart(key);
        for (StageSpec st : chain) {
            stage(st);
        }
        g.writeEndArray();
    }

    void stage(StageSpec st) throws IOException {
        StageType type = st.type();
        g.writeStartObject();
        g.writeStringField("type", type.formatName());
        g.writeBooleanField("bypassed", st.bypassed());
        if (type == StageType.EQ) {
            g.writeArrayFieldStart(StageReader.BANDS);
            for (int i = 0; i < type.paramCount(); i++) {
                g.writeNumber(Numbers.plain(st.value(i)));
            }
            g.writeEndArray();
        } else {
            for (int i = 0; i < type.paramCount(); i++) {
                number(type.param(i).name(), st.value(i));
            }
            if (type.choice() != null) {
                g.writeStringField(type.choice().name(), type.choice().values().get(st.choice()));
            }
        }
        g.writeEndObject();
    }

    void ir(IrSpec ir) throws IOException {
        g.writeStartObject();
        if (ir instanceof IrSpec.File f) {
            g.writeStringField("type", "file");
            g.writeStringField("path", path(f.path()));
        } else {
            IrSpec.Synthetic syn = (IrSpec.Synthetic) ir;
            g.writeStringField("type", "synthetic");
            g.writeNumberField("length", syn.lengthFrames());
            g.writeNumberField("decay", syn.decayFrames());
        }
        g.writeEndObject();
    }

    /** {@code p} relative to the scenario's folder when it can be, so the copy stays portable. */
    String path(Path p) {
        if (folder != null && p.isAbsolute() && folder.getRoot() != null && folder.getRoot().equals(p.getRoot())) {
            return folder.relativize(p).toString();
        }
        return p.toString();
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private void nullableNumber(String key, Double v) throws IOException {
        if (v == null) {
            g.writeNullField(key);
        } else {
            number(key, v);
        }
    }
}
