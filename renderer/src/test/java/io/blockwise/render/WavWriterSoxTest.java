package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.blockwise.record.Encoding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SoX, an independent WAV implementation, reads what the writer writes. Skipped without sox. */
class WavWriterSoxTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void soxIsInstalled() {
        boolean ok;
        try {
            ok = run("sox", "--version").exit == 0;
        } catch (IOException e) {
            ok = false;
        }
        Assumptions.assumeTrue(ok, "sox is not installed");
    }

    private record Run(int exit, byte[] out, String err) { }

    private static Run run(String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            return new Run(p.waitFor(), out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String soxi(String flag, Path file) throws IOException {
        Run r = run("sox", "--i", flag, file.toString());
        assertEquals(0, r.exit, r.err);
        assertEquals("", r.err.trim(), "sox warns about " + file.getFileName());
        return new String(r.out, StandardCharsets.UTF_8).trim();
    }

    private Path write(Encoding enc, int channels, double[] samples) {
        Path target = dir.resolve(enc.formatName() + "-" + channels + ".wav");
        try (WavWriter w = WavWriter.open(target, 44100, channels, enc)) {
            w.write(samples, 0, samples.length);
            w.commit();
        }
        return target;
    }

    @Test
    void soxReadsEveryEncodingWithTheRightRateChannelsLengthAndEncoding() throws IOException {
        double[] samples = new double[4411];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 0.5 * Math.sin(2 * Math.PI * 441 * i / 44100.0);
        }
        for (Encoding enc : Encoding.values()) {
            for (int channels = 1; channels <= 2; channels++) {
                Path f = write(enc, channels, samples);
                assertEquals("44100", soxi("-r", f), f.toString());
                assertEquals(String.valueOf(channels), soxi("-c", f), f.toString());
                assertEquals(String.valueOf(samples.length), soxi("-s", f), f.toString());
                assertEquals(String.valueOf(enc.bytesPerSample() * 8), soxi("-b", f), f.toString());
                String expectedEncoding = enc == Encoding.FLOAT32 ? "Floating Point PCM" : "Signed Integer PCM";
                assertEquals(expectedEncoding, soxi("-e", f), f.toString());
            }
        }
    }

    @Test
    void soxDecodesTheSameSamples() throws IOException {
        double[] samples = {0, 0.25, -0.25, 0.999, -1, 1.5, 0.5 / 32768, 1.5 / 32768};
        Path f = write(Encoding.PCM16, 1, samples);
        // sox converts to raw 32-bit float: PCM16 value v decodes to v / 32768 exactly.
        Run r = run("sox", f.toString(), "-t", "raw", "-e", "floating-point", "-b", "32", "-L", "-");
        assertEquals(0, r.exit, r.err);
        ByteBuffer b = ByteBuffer.wrap(r.out).order(ByteOrder.LITTLE_ENDIAN);
        List<Float> got = new ArrayList<>();
        while (b.remaining() >= 4) {
            got.add(b.getFloat());
        }
        List<Float> expected = List.of(0f, 0.25f, -0.25f, Math.round(0.999 * 32768) / 32768f, -1f,
                32767 / 32768f, 0f, 2 / 32768f);
        assertEquals(expected, got);
    }
}
