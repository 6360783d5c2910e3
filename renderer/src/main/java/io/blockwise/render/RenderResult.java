package io.blockwise.render;

import io.blockwise.rt.LogEvent;
import io.blockwise.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a render produced: its folder, the event log, timings and the defects found. A render with
 * defects (audio-thread allocation, lifecycle violations, leaks, lost events) still writes its
 * files, so they can be inspected, but the CLI exits nonzero. {@code handOffs}: how many runs of
 * blocks the driver handed the audio thread (at most {@code blocks}); {@code scenario}: what was
 * rendered; {@code output}: its peak and clipped samples; {@code sanitizer}: what the real-time
 * sanitizer found ({@code --jfr}; {@link RtSanitizerReport#OFF} without it).
 */
public record RenderResult(
        String name,
        Path folder,
        long frames,
        int blockSize,
        long blocks,
        double audioSeconds,
        long wallNanos,
        ProcessTimes processTimes,
        long handOffs,
        Scenario scenario,
        OutputStats output,
        List<LogEvent> events,
        Map<String, Long> eventCounts,
        List<String> defects,
        RtSanitizerReport sanitizer) {

    public RenderResult {
        events = List.copyOf(events);
        defects = List.copyOf(defects);
    }

    /** A result of a render without the real-time sanitizer. */
    public RenderResult(String name, Path folder, long frames, int blockSize, long blocks, double audioSeconds,
            long wallNanos, ProcessTimes processTimes, long handOffs, Scenario scenario, OutputStats output,
            List<LogEvent> events, Map<String, Long> eventCounts, List<String> defects) {
        this(name, folder, frames, blockSize, blocks, audioSeconds, wallNanos, processTimes, handOffs, scenario, output,
                events, eventCounts, defects, RtSanitizerReport.OFF);
    }

    /** Speed: seconds of audio rendered per second of wall time. */
    public double realTimeFactor() {
        return audioSeconds / (wallNanos / 1e9);
    }

    /** True when no defect was found. */
    public boolean clean() {
        return defects.isEmpty();
    }

    public Path outputWav() {
        return folder.resolve("output.wav");
    }

    public Path eventsFile() {
        return folder.resolve("events.jsonl");
    }
}
