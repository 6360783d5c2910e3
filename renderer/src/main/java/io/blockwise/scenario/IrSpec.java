package io.blockwise.scenario;

import java.nio.file.Path;

/** A cabinet impulse response as a scenario names it. */
public sealed interface IrSpec {
    /** A WAV file of any rate, mono or stereo; {@code path} is resolved. */
    record File(Path path) implements IrSpec { }

    /** Seeded, exponentially decaying filtered noise. */
    record Synthetic(long lengthFrames, long decayFrames) implements IrSpec { }
}
