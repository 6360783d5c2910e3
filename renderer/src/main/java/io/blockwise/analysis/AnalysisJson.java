package io.blockwise.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * An {@link AnalysisReport} as a JSON object, keys in a fixed order: {@code file},
 * {@code sampleRate}, {@code channels}, {@code frames}, {@code format}, {@code clean},
 * {@code glitches} (a list of {@code {"frame", "channel", "kind", "size", "unit"}}), the overall
 * statistics ({@code peak}, {@code peakDbfs}, {@code rms}, {@code rmsDbfs}, {@code dc},
 * {@code clipped}, {@code nonFinite}, {@code firstNonFiniteFrame}) and {@code perChannel}, a list of
 * the same statistics with {@code channel}. Levels of 0 have {@code null} dBFS;
 * {@code firstNonFiniteFrame} is {@code null} when there is none.
 */
public final class AnalysisJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AnalysisJson() { }

    /** Any thread. The report as pretty-printed JSON. */
    public static String write(AnalysisReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("file", r.file());
        root.put("sampleRate", r.sampleRate());
        root.put("channels", r.channels());
        root.put("frames", r.frames());
        root.put("format", r.format());
        root.put("clean", r.clean());
        ArrayNode glitches = root.putArray("glitches");
        for (Glitch g : r.glitches()) {
            glitches.addObject()
                    .put("frame", g.frame())
                    .put("channel", g.channel())
                    .put("kind", g.kind().label())
                    .put("size", g.size())
                    .put("unit", g.kind().unit());
        }
        stats(root, r.overall());
        ArrayNode per = root.putArray("perChannel");
        for (int c = 0; c < r.perChannel().size(); c++) {
            stats(per.addObject().put("channel", c), r.perChannel().get(c));
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stats(ObjectNode o, SignalStats s) {
        o.put("peak", s.peak());
        db(o, "peakDbfs", s.peak());
        o.put("rms", s.rms());
        db(o, "rmsDbfs", s.rms());
        o.put("dc", s.dc());
        o.put("clipped", s.clipped());
        o.put("nonFinite", s.nonFinite());
        if (s.firstNonFiniteFrame() < 0) {
            o.putNull("firstNonFiniteFrame");
        } else {
            o.put("firstNonFiniteFrame", s.firstNonFiniteFrame());
        }
    }

    private static void db(ObjectNode o, String key, double linear) {
        if (linear > 0) {
            o.put(key, Math.round(SignalStats.dbfs(linear) * 100) / 100.0);
        } else {
            o.putNull(key);
        }
    }
}
