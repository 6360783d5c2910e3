package io.blockwise.fuzz;

import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.TimedMessage;
import java.nio.file.Path;
import java.util.List;

/** Copies of a scenario with one part changed (records have no withers). Control thread. */
final class ScenarioEdits {
    private ScenarioEdits() {
    }

    /** {@code s} with {@code events} (any order; put in send order: frame, then file order). */
    static Scenario withEvents(Scenario s, List<TimedMessage> events) {
        return new Scenario(s.file(), s.name(), s.description(), s.sampleRate(), s.blockSize(), s.durationFrames(),
                s.seed(), s.inputs(), s.output(), s.setup(), s.collector(), s.writer(), s.limits(),
                ScenarioDraft.sendOrder(events));
    }

    /** {@code s} with {@code setup} in place of its own. */
    static Scenario withSetup(Scenario s, io.blockwise.scenario.EngineSetup setup) {
        return new Scenario(s.file(), s.name(), s.description(), s.sampleRate(), s.blockSize(), s.durationFrames(),
                s.seed(), s.inputs(), s.output(), setup, s.collector(), s.writer(), s.limits(), s.events());
    }

    /** {@code s} under another name, file and description. */
    static Scenario named(Scenario s, String name, Path file, String description) {
        return new Scenario(file, name, description, s.sampleRate(), s.blockSize(), s.durationFrames(), s.seed(),
                s.inputs(), s.output(), s.setup(), s.collector(), s.writer(), s.limits(), s.events());
    }

    /**
     * {@code s} ending after {@code frames} frames (at least 1), without the events due after its
     * end; unchanged when an input depends on the duration (a sweep spans the whole render), so
     * that the frames both keep are the same.
     */
    static Scenario cut(Scenario s, long frames) {
        boolean durationShaped = s.inputs().stream().anyMatch(i -> i instanceof io.blockwise.scenario.SourceSpec.Sweep);
        long d = Math.max(1, Math.min(frames, s.durationFrames()));
        if (durationShaped || d == s.durationFrames()) {
            return s;
        }
        List<TimedMessage> kept = s.events().stream().filter(t -> t.atFrame() < d).toList();
        return new Scenario(s.file(), s.name(), s.description(), s.sampleRate(), s.blockSize(), d, s.seed(),
                s.inputs(), s.output(), s.setup(), s.collector(), s.writer(), s.limits(), kept);
    }
}
