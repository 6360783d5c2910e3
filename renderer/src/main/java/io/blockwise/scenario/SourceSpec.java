package io.blockwise.scenario;

import java.nio.file.Path;
import java.util.List;

/** One input source of a scenario. A list of sources is summed. */
public sealed interface SourceSpec {

    /** {@code sine}: {@code freq} Hz, {@code amp}, {@code phase} radians. */
    record Sine(double freq, double amp, double phase) implements SourceSpec { }

    /** {@code sweep} over the whole duration. */
    record Sweep(double from, double to, double amp, Curve curve) implements SourceSpec { }

    /** {@code noise}, seeded from the scenario seed. */
    record Noise(NoiseColor color, double amp) implements SourceSpec { }

    /** {@code impulse}: one sample of {@code amp} at frame {@code atFrame}. */
    record Impulse(long atFrame, double amp) implements SourceSpec { }

    /** {@code pluck}: Karplus-Strong strings, seeded. */
    record Pluck(double amp, List<PluckNote> notes) implements SourceSpec {
        public Pluck {
            notes = List.copyOf(notes);
        }
    }

    /** One note of a {@code pluck} source. */
    record PluckNote(long atFrame, double hz, long decayFrames) { }

    /** {@code silence}. */
    record Silence() implements SourceSpec { }

    /**
     * {@code file}: a WAV at the scenario's rate; {@code path} is resolved against the scenario's
     * folder; {@code position} is where the path was written, for errors found reading it.
     * Equality ignores {@code position} (where it was written is not what it is).
     */
    record File(Path path, SourcePosition position) implements SourceSpec {
        @Override
        public boolean equals(Object o) {
            return o instanceof File f && path.equals(f.path);
        }

        @Override
        public int hashCode() {
            return path.hashCode();
        }
    }

    /** Sweep curve. */
    enum Curve { LOG, LINEAR }

    /** Noise colour. */
    enum NoiseColor { WHITE, PINK }
}
