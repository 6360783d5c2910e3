package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.blockwise.record.Encoding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Beyond RIFF's size limit the writer switches to RF64 (EBU Tech 3306). The 4 GiB limit is
 * lowered through the package-private {@code open} so the files stay small; the layout is checked
 * against the specification byte by byte, against the RIFF file of the same samples, and read back
 * by this reader and by SoX (when installed).
 */
class WavWriterRf64Test {
    @TempDir
    Path dir;

    static double[] ramp(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(i * 0.01) * 0.5;
        }
        return x;
    }

    private Path write(String name, Encoding enc, int channels, double[] samples, long riffLimit) {
        Path target = dir.resolve(name);
        try (WavWriter w = WavWriter.open(target, 48000, channels, enc, riffLimit)) {
            // In several writes, so the data spans buffers.
            for (int off = 0; off < samples.length; off += 1000) {
                w.write(samples, off, Math.min(1000, samples.length - off));
            }
            w.commit();
        }
        return target;
    }

    private static String id(byte[] b, int at) {
        return new String(b, at, 4, StandardCharsets.US_ASCII);
    }

    @Test
    void aFileBeyondTheLimitIsRf64WithDs64SizesAndTheSameDataAfterA36ByteLongerHeader() throws IOException {
        for (Encoding enc : Encoding.values()) {
            for (int channels = 1; channels <= 2; channels++) {
                double[] samples = ramp(70001); // odd frame count: pcm24 mono gets a pad byte
                byte[] riff = Files.readAllBytes(write("riff.wav", enc, channels, samples, 0xFFFF_FFFFL));
                byte[] rf64 = Files.readAllBytes(write("rf64.wav", enc, channels, samples, 1000));
                String what = enc + " x" + channels;
                ByteBuffer b = ByteBuffer.wrap(rf64).order(ByteOrder.LITTLE_ENDIAN);
                assertEquals("RF64", id(rf64, 0), what);
                assertEquals(-1, b.getInt(4), what);
                assertEquals("WAVE", id(rf64, 8), what);
                assertEquals("ds64", id(rf64, 12), what);
                assertEquals(28, b.getInt(16), what);
                assertEquals(rf64.length - 8, b.getLong(20), what + ": RIFF size");
                long dataBytes = (long) samples.length * channels * enc.bytesPerSample();
                assertEquals(dataBytes, b.getLong(28), what + ": data size");
                assertEquals(samples.length, b.getLong(36), what + ": frame count");
                assertEquals(0, b.getInt(44), what + ": table length");
                assertEquals(riff.length + WavWriter.DS64_BYTES, rf64.length, what);
                // After ds64: fmt (and fact) as in the RIFF file, data size 0xFFFFFFFF, same data.
                int riffHeader = enc == Encoding.FLOAT32 ? 58 : 44;
                int rf64Header = riffHeader + WavWriter.DS64_BYTES;
                assertEquals("data", id(rf64, rf64Header - 8), what);
                assertEquals(-1, b.getInt(rf64Header - 4), what);
                assertArrayEquals(Arrays.copyOfRange(riff, 12, 12 + 24), Arrays.copyOfRange(rf64, 48, 48 + 24),
                        what + ": fmt chunk");
                assertArrayEquals(Arrays.copyOfRange(riff, riffHeader, riff.length),
                        Arrays.copyOfRange(rf64, rf64Header, rf64.length), what + ": data");
            }
        }
    }

    @Test
    void theReaderReadsRf64AsTheSameSamplesAsRiff() {
        double[] samples = ramp(12345);
        for (Encoding enc : Encoding.values()) {
            WavData riff = WavReader.read(write("riff.wav", enc, 2, samples, 0xFFFF_FFFFL));
            WavData rf64 = WavReader.read(write("rf64.wav", enc, 2, samples, 100));
            assertEquals(riff.frames(), rf64.frames());
            assertEquals(riff.format(), rf64.format());
            assertArrayEquals(riff.channelData()[0], rf64.channelData()[0]);
            assertArrayEquals(riff.channelData()[1], rf64.channelData()[1]);
        }
    }

    @Test
    void aFileWithinTheLimitStaysRiff() throws IOException {
        double[] samples = ramp(1000);
        byte[] b = Files.readAllBytes(write("small.wav", Encoding.PCM16, 1, samples, 44 - 8 + 2000));
        assertEquals("RIFF", id(b, 0));
        assertEquals(44 + 2000, b.length);
    }

    @Test
    void soxReadsRf64WithTheRightLengthAndSamples() throws IOException {
        Assumptions.assumeTrue(soxInstalled(), "sox is not installed");
        double[] samples = ramp(30001);
        Path riff = write("riff.wav", Encoding.PCM24, 2, samples, 0xFFFF_FFFFL);
        Path rf64 = write("rf64.wav", Encoding.PCM24, 2, samples, 1000);
        assertEquals(String.valueOf(samples.length), sox("--i", "-s", rf64.toString()).trim());
        assertEquals("2", sox("--i", "-c", rf64.toString()).trim());
        // The decoded samples are those of the RIFF file.
        String raw = "-t raw -e signed-integer -b 24 -L -";
        byte[] fromRiff = soxBytes(riff, raw);
        byte[] fromRf64 = soxBytes(rf64, raw);
        assertEquals((long) samples.length * 2 * 3, fromRf64.length);
        assertArrayEquals(fromRiff, fromRf64);
    }

    private static boolean soxInstalled() {
        try {
            return new ProcessBuilder("sox", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String sox(String... args) throws IOException {
        return new String(run(args), StandardCharsets.UTF_8);
    }

    private static byte[] soxBytes(Path file, String outArgs) throws IOException {
        String[] out = outArgs.split(" ");
        String[] args = new String[out.length + 1];
        args[0] = file.toString();
        System.arraycopy(out, 0, args, 1, out.length);
        return run(args);
    }

    private static byte[] run(String... args) throws IOException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "sox";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            assertEquals(0, p.waitFor(), String.join(" ", cmd));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }
}
