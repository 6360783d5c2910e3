package io.blockwise.scenario;

import java.nio.file.Path;

/** A cabinet impulse response as a scenario names it. */
public sealed interface IrSpec {
    /**
     * A WAV file of any rate, mono or stereo; {@code path} is resolved against the scenario's
     * folder; {@code position} is where the path was written, for errors found reading it.
     * Equality ignores {@code position} (where it was written is not what it is).
     */
    record File(Path path, SourcePosition position) implements IrSpec {
        @Override
        public boolean equals(Object o) {
            return o instanceof File f && path.equals(f.path);
        }

        @Override
        public int hashCode() {
            return path.hashCode();
        }
    }

    /** Seeded, exponentially decaying filtered noise. */
    record Synthetic(long lengthFrames, long decayFrames) implements IrSpec { }
}
