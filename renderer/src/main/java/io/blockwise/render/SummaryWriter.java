package io.blockwise.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes {@code summary.json}: frames, blocks, wall time, x real time, per-block process time
 * (median, p99, max, in microseconds) and the count of each event kind. The only output that is
 * not deterministic. Control thread.
 */
public final class SummaryWriter {
    private SummaryWriter() {
    }

    static Map<String, Object> summary(RenderResult r) {
        ProcessTimes t = r.processTimes();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "blockwise " + ToolVersion.current().describe());
        m.put("name", r.name());
        m.put("scenario", r.scenario().file() == null ? null : r.scenario().file().toString());
        m.put("seed", r.scenario().seed());
        m.put("sampleRate", r.scenario() == null ? null : r.scenario().sampleRate());
        m.put("blockSize", r.blockSize());
        m.put("frames", r.frames());
        m.put("blocks", r.blocks());
        m.put("audioSeconds", r.audioSeconds());
        m.put("wallSeconds", r.wallNanos() / 1e9);
        m.put("xRealTime", round(r.realTimeFactor(), 2));
        m.put("processPerBlock", processPerBlock(t));
        m.put("handOffs", r.handOffs());
        m.put("peak", round(r.output().peak(), 6));
        m.put("peakDbfs", r.output().peak() == 0 ? null : round(r.output().peakDbfs(), 2));
        m.put("clippedSamples", r.output().clippedSamples());
        m.put("nonFiniteSamples", r.output().nonFiniteSamples());
        m.put("clipEvents", r.events().stream().filter(e -> e.event().equals("clip") && Boolean.TRUE.equals(e.get("clip"))).count());
        m.put("rejects", r.eventCounts().getOrDefault("reject", 0L));
        m.put("events", r.eventCounts());
        m.put("defects", r.defects());
        if (r.sanitizer().recorded()) {
            m.put("rtSanitizer", r.sanitizer().json());
        }
        return m;
    }

    static void write(RenderResult r, Path file) throws IOException {
        writeJson(summary(r), file);
    }

    /** Any thread. The {@code processPerBlock} object: median, p99, p99.9 and max, in us. */
    public static Map<String, Object> processPerBlock(ProcessTimes t) {
        Map<String, Object> process = new LinkedHashMap<>();
        process.put("medianUs", micros(t.quantileNanos(0.5)));
        process.put("p99Us", micros(t.quantileNanos(0.99)));
        process.put("p999Us", micros(t.quantileNanos(0.999)));
        process.put("maxUs", micros(t.maxNanos()));
        return process;
    }

    /**
     * Control thread. Writes {@code summary} as indented JSON to {@code file} atomically (a
     * temporary file, then a rename): the render's and the live session's {@code summary.json}.
     */
    public static void writeJson(Map<String, Object> summary, Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, mapper.writeValueAsString(summary) + "\n");
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static double micros(long nanos) {
        return round(nanos / 1000.0, 2);
    }

    /** Any thread. {@code v} rounded half-up to {@code places} decimals. */
    public static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
