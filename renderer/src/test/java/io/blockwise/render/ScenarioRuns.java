package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.blockwise.rt.LogEvent;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.List;

/** Test support: scenarios written as JSON text, rendered offline, and their outputs read back. */
final class ScenarioRuns {
    private ScenarioRuns() {
    }

    /** Parses {@code json} as if it were the file {@code dir/NAME.json} (relative paths resolve in {@code dir}). */
    static Scenario parse(String json, Path dir) {
        return ScenarioReader.parse(json, dir.resolve("scenario.json"), false);
    }

    /** Renders {@code json} into {@code dir/out/NAME/} and checks the render found no defect. */
    static RenderResult render(String json, Path dir) {
        RenderResult r = OfflineRenderer.render(parse(json, dir), dir.resolve("out"));
        assertEquals(List.of(), r.defects(), "defects of the render");
        return r;
    }

    /** Channel 0 of a WAV file. */
    static double[] mono(Path wav) {
        return WavReader.read(wav).channelData()[0];
    }

    /** The events of one kind, in log order. */
    static List<LogEvent> events(RenderResult r, String kind) {
        return r.events().stream().filter(e -> e.event().equals(kind)).toList();
    }

    /** A numeric field of an event. */
    static long num(LogEvent e, String key) {
        return ((Number) e.get(key)).longValue();
    }
}
