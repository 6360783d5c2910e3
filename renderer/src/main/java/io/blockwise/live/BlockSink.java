package io.blockwise.live;

import java.io.IOException;

/**
 * Where a live session's rendered blocks go besides {@code output.wav}: an audio device, a
 * meter. Driver thread only, in block order.
 */
public interface BlockSink extends AutoCloseable {
    /** Driver thread. The block's {@code frames} mono samples, {@code out[0..frames)}. */
    void write(double[] out, int frames) throws IOException;

    /** Driver thread, after the last block. */
    @Override
    default void close() throws IOException {
    }
}
