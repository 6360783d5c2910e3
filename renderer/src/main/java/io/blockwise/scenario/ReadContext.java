package io.blockwise.scenario;

import java.nio.file.Path;

/**
 * What reading one part of a scenario needs to know about the rest: the file (for messages), its
 * folder (for relative paths), the timing that time values resolve against, the duration (events
 * and notes must start before it) and the chain limit. Control thread only.
 */
record ReadContext(Path file, Path folder, int sampleRate, int blockSize, long durationFrames,
        int maxChainLength) {

    /** A context that knows only the file; timing is filled in once read. */
    static ReadContext of(Path file) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        return new ReadContext(file, folder, 0, 0, 0, 0);
    }

    ReadContext withTiming(int rate, int block, long duration) {
        return new ReadContext(file, folder, rate, block, duration, maxChainLength);
    }

    ReadContext withMaxChainLength(int max) {
        return new ReadContext(file, folder, sampleRate, blockSize, durationFrames, max);
    }

    /** The error {@code what} at {@code node}. */
    ScenarioException error(Node node, String what) {
        return ScenarioException.at(file, node.pos(), what);
    }

    /** The error {@code what} at {@code pos}. */
    ScenarioException error(SourcePosition pos, String what) {
        return ScenarioException.at(file, pos, what);
    }
}
