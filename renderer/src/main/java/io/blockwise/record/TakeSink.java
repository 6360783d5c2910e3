package io.blockwise.record;

import java.io.IOException;

/** Where a {@link TakeWriter} puts a take's samples: the engine's WAV writer, or a test's array. Writer thread. */
public interface TakeSink {
    /** Writer thread. Appends {@code samples[0, len)} to the take. */
    void write(double[] samples, int len) throws IOException;

    /** Writer thread. The take is complete; called exactly once, after the last write. */
    void close() throws IOException;
}
