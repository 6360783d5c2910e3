package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.record.Encoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavWriterTest {
    @TempDir
    Path dir;

    private Path write(String name, int rate, int channels, Encoding enc, double... samples) {
        Path target = dir.resolve(name);
        try (WavWriter w = WavWriter.open(target, rate, channels, enc)) {
            w.write(samples, 0, samples.length);
            w.commit();
        }
        return target;
    }

    private static ByteBuffer bytes(Path p) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String id(ByteBuffer b, int at) {
        byte[] four = new byte[4];
        b.get(at, four);
        return new String(four, StandardCharsets.US_ASCII);
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void float32HeaderHasIeeeFloatFmtWithCbSizeAndAFactChunk() throws IOException {
        Path p = write("f.wav", 48000, 1, Encoding.FLOAT32, 0.25, -0.5, 1.0);
        ByteBuffer b = bytes(p);
        assertEquals(58 + 3 * 4, b.capacity());
        assertEquals("RIFF", id(b, 0));
        assertEquals(b.capacity() - 8, b.getInt(4));
        assertEquals("WAVE", id(b, 8));
        assertEquals("fmt ", id(b, 12));
        assertEquals(18, b.getInt(16));
        assertEquals(3, b.getShort(20), "WAVE_FORMAT_IEEE_FLOAT");
        assertEquals(1, b.getShort(22));
        assertEquals(48000, b.getInt(24));
        assertEquals(48000 * 4, b.getInt(28), "byte rate");
        assertEquals(4, b.getShort(32), "block align");
        assertEquals(32, b.getShort(34));
        assertEquals(0, b.getShort(36), "cbSize");
        assertEquals("fact", id(b, 38));
        assertEquals(4, b.getInt(42));
        assertEquals(3, b.getInt(46), "frames in fact");
        assertEquals("data", id(b, 50));
        assertEquals(12, b.getInt(54));
        assertEquals(0.25f, b.getFloat(58));
        assertEquals(-0.5f, b.getFloat(62));
        assertEquals(1.0f, b.getFloat(66));
    }

    @Test
    void pcm16StereoHeaderIsTheCanonical44Bytes() throws IOException {
        Path p = write("s.wav", 44100, 2, Encoding.PCM16, 0.5, -0.5);
        ByteBuffer b = bytes(p);
        assertEquals(44 + 2 * 4, b.capacity());
        assertEquals("RIFF", id(b, 0));
        assertEquals(36 + 8, b.getInt(4));
        assertEquals("WAVE", id(b, 8));
        assertEquals("fmt ", id(b, 12));
        assertEquals(16, b.getInt(16));
        assertEquals(1, b.getShort(20), "WAVE_FORMAT_PCM");
        assertEquals(2, b.getShort(22));
        assertEquals(44100, b.getInt(24));
        assertEquals(44100 * 4, b.getInt(28));
        assertEquals(4, b.getShort(32));
        assertEquals(16, b.getShort(34));
        assertEquals("data", id(b, 36));
        assertEquals(8, b.getInt(40));
        assertEquals(16384, b.getShort(44));
        assertEquals(16384, b.getShort(46), "channel 2 is a copy");
        assertEquals(-16384, b.getShort(48));
        assertEquals(-16384, b.getShort(50));
    }

    @Test
    void pcm24WithAnOddDataSizeGetsAPadByteCountedInRiffButNotInData() throws IOException {
        Path p = write("o.wav", 8000, 1, Encoding.PCM24, 0.0, 0.5, -1.0);
        ByteBuffer b = bytes(p);
        assertEquals(44 + 9 + 1, b.capacity());
        assertEquals(b.capacity() - 8, b.getInt(4));
        assertEquals(24, b.getShort(34));
        assertEquals(3, b.getShort(32));
        assertEquals(8000 * 3, b.getInt(28));
        assertEquals(9, b.getInt(40));
        assertEquals(0, b.get(53), "pad byte");
    }

    private static int pcm16(ByteBuffer b, int frame) {
        return b.getShort(44 + 2 * frame);
    }

    private static int pcm24(ByteBuffer b, int frame) {
        int p = 44 + 3 * frame;
        return (b.get(p) & 0xFF) | (b.get(p + 1) & 0xFF) << 8 | b.get(p + 2) << 16;
    }

    @Test
    void pcm16RoundsHalfToEvenAndClipsAtTheBoundaries() throws IOException {
        double lsb = 1.0 / 32768;
        double[] in = {0.5 * lsb, 1.5 * lsb, 2.5 * lsb, -0.5 * lsb, -1.5 * lsb, 0.49 * lsb, 0.51 * lsb,
            -1.0, 1.0, 1.5, -1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            0.25, 1.0 - lsb, 1.0 - 0.5 * lsb};
        int[] expected = {0, 2, 2, 0, -2, 0, 1, -32768, 32767, 32767, -32768, 0, 32767, -32768, 8192,
            32767, 32767};
        ByteBuffer b = bytes(write("r16.wav", 48000, 1, Encoding.PCM16, in));
        for (int i = 0; i < in.length; i++) {
            assertEquals(expected[i], pcm16(b, i), "input " + in[i]);
        }
    }

    @Test
    void pcm24RoundsHalfToEvenAndClipsAtTheBoundaries() throws IOException {
        double lsb = 1.0 / 8388608;
        double[] in = {0.5 * lsb, 1.5 * lsb, 2.5 * lsb, -0.5 * lsb, -2.5 * lsb, -1.0, 1.0, 1.5, -1.5,
            Double.NaN, 0.25, -0.25};
        int[] expected = {0, 2, 2, 0, -2, -8388608, 8388607, 8388607, -8388608, 0, 2097152, -2097152};
        ByteBuffer b = bytes(write("r24.wav", 48000, 1, Encoding.PCM24, in));
        for (int i = 0; i < in.length; i++) {
            assertEquals(expected[i], pcm24(b, i), "input " + in[i]);
        }
    }

    @Test
    void float32StoresTheFloatCastAndKeepsNanAndInfinity() throws IOException {
        double[] in = {0.1, -1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300};
        ByteBuffer b = bytes(write("f.wav", 48000, 1, Encoding.FLOAT32, in));
        for (int i = 0; i < in.length; i++) {
            float got = b.getFloat(58 + 4 * i);
            assertEquals(Float.floatToIntBits((float) in[i]), Float.floatToIntBits(got), "input " + in[i]);
        }
        assertTrue(Float.isNaN(b.getFloat(58 + 8)));
    }

    @Test
    void stereoChannelTwoIsAByteCopyOfChannelOneForEveryEncoding() throws IOException {
        double[] in = new double[1000];
        for (int i = 0; i < in.length; i++) {
            in[i] = Math.sin(i * 0.01) * 0.9;
        }
        for (Encoding e : Encoding.values()) {
            ByteBuffer b = bytes(write("st-" + e + ".wav", 48000, 2, e, in));
            int header = e == Encoding.FLOAT32 ? 58 : 44;
            int s = e.bytesPerSample();
            for (int i = 0; i < in.length; i++) {
                byte[] l = new byte[s];
                byte[] r = new byte[s];
                b.get(header + i * 2 * s, l);
                b.get(header + i * 2 * s + s, r);
                assertArrayEquals(l, r, e + " frame " + i);
            }
        }
    }

    @Test
    void writesManySmallBlocksAcrossBufferBoundariesInOrder() throws IOException {
        // 100003 frames in blocks of 7 crosses the internal buffer many times at odd offsets.
        int frames = 100_003;
        double[] all = new double[frames];
        for (int i = 0; i < frames; i++) {
            all[i] = ((i * 37) % 2001 - 1000) / 1000.0;
        }
        Path target = dir.resolve("blocks.wav");
        try (WavWriter w = WavWriter.open(target, 48000, 2, Encoding.PCM24)) {
            for (int off = 0; off < frames; off += 7) {
                w.write(all, off, Math.min(7, frames - off));
            }
            assertEquals(frames, w.frames());
            w.commit();
        }
        ByteBuffer b = bytes(target);
        assertEquals(44 + frames * 6 + 0, b.capacity());
        for (int i = 0; i < frames; i++) {
            int p = 44 + 6 * i;
            int v = (b.get(p) & 0xFF) | (b.get(p + 1) & 0xFF) << 8 | b.get(p + 2) << 16;
            assertEquals(Math.max(-8388608, Math.min(8388607, Math.rint(all[i] * 8388608))), v, "frame " + i);
        }
    }

    @Test
    void anAbortedWriterLeavesNoTargetAndNoTempFile() throws IOException {
        Path target = dir.resolve("out.wav");
        WavWriter w = WavWriter.open(target, 48000, 1, Encoding.FLOAT32);
        w.write(new double[4096], 0, 4096);
        assertEquals(1, listing().size(), "the temp file exists while writing");
        assertFalse(Files.exists(target), "the target appears only at commit");
        w.abort();
        assertEquals(List.of(), listing());
        assertThrows(IllegalStateException.class, () -> w.write(new double[1], 0, 1));
    }

    @Test
    void closingWithoutCommitAborts() throws IOException {
        try (WavWriter w = WavWriter.open(dir.resolve("out.wav"), 48000, 2, Encoding.PCM16)) {
            w.write(new double[10], 0, 10);
        }
        assertEquals(List.of(), listing());
    }

    @Test
    void anExistingTargetIsUntouchedUntilCommitThenReplaced() throws IOException {
        Path target = write("out.wav", 48000, 1, Encoding.PCM16, 0.5);
        byte[] old = Files.readAllBytes(target);
        try (WavWriter w = WavWriter.open(target, 48000, 1, Encoding.PCM16)) {
            w.write(new double[] {0.25, 0.25}, 0, 2);
            assertArrayEquals(old, Files.readAllBytes(target));
            w.commit();
        }
        assertEquals(44 + 4, Files.size(target));
        assertEquals(List.of("out.wav"), listing());
    }

    @Test
    void aFailedCommitLeavesNoTargetFileAndNoTempFile() throws IOException {
        // The rename fails because a non-empty folder sits where the file should go.
        Path target = dir.resolve("out.wav");
        Files.createDirectory(target);
        Files.writeString(target.resolve("keep"), "x");
        WavWriter w = WavWriter.open(target, 48000, 1, Encoding.PCM24);
        w.write(new double[] {0.1, 0.2}, 0, 2);
        assertThrows(UncheckedIOException.class, w::commit);
        assertEquals(List.of("out.wav"), listing(), "only the pre-existing folder");
        assertTrue(Files.isDirectory(target));
        w.close();
    }

    @Test
    void openingInAMissingFolderFailsWithoutCreatingAnything() throws IOException {
        Path target = dir.resolve("missing").resolve("out.wav");
        assertThrows(UncheckedIOException.class, () -> WavWriter.open(target, 48000, 1, Encoding.PCM16));
        assertEquals(List.of(), listing());
    }

    @Test
    void theHeaderIsTheSameBytesOnEveryRun() throws IOException {
        byte[] a = Files.readAllBytes(write("a.wav", 96000, 2, Encoding.FLOAT32, 0.1, 0.2, 0.3));
        byte[] b = Files.readAllBytes(write("b.wav", 96000, 2, Encoding.FLOAT32, 0.1, 0.2, 0.3));
        assertArrayEquals(a, b);
    }

    @Test
    void theOutputGetsTheUsualPermissionsNotOwnerOnly() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path reference = Files.createFile(dir.resolve("reference"));
        Path out = write("out.wav", 48000, 1, Encoding.PCM16, 0.1);
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(out));
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> WavWriter.open(dir.resolve("x.wav"), 48000, 3, Encoding.PCM16));
        assertThrows(IllegalArgumentException.class,
                () -> WavWriter.open(dir.resolve("x.wav"), 0, 1, Encoding.PCM16));
    }
}
