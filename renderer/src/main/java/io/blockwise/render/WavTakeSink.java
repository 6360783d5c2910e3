package io.blockwise.render;

import io.blockwise.record.TakeSink;
import java.nio.file.Path;

/** A recorder take written to {@code take-N.wav} (temporary file, renamed when the take closes). Writer thread. */
final class WavTakeSink implements TakeSink {
    private final WavWriter wav;

    WavTakeSink(Path file, int sampleRate, int channels, io.blockwise.record.Encoding encoding) {
        this.wav = WavWriter.open(file, sampleRate, channels, encoding);
    }

    @Override
    public void write(double[] samples, int len) {
        wav.write(samples, 0, len);
    }

    @Override
    public void close() {
        wav.commit();
    }

    /** Deletes the temporary file of a take that never closed (a failed render). */
    void abort() {
        wav.abort();
    }
}
