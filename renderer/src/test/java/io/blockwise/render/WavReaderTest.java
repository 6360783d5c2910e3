package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.record.Encoding;
import io.blockwise.scenario.ScenarioException;
import io.blockwise.scenario.SourcePosition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavReaderTest {
    @TempDir
    Path dir;

    private static double[] signal(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.9 * Math.sin(i * 0.0137) + 0.05 * Math.cos(i * 1.3);
        }
        x[0] = -1.0;
        x[1] = 0.999;
        return x;
    }

    private Path write(Encoding enc, int channels, double[] x) {
        Path p = dir.resolve(enc + "-" + channels + ".wav");
        try (WavWriter w = WavWriter.open(p, 44100, channels, enc)) {
            w.write(x, 0, x.length);
            w.commit();
        }
        return p;
    }

    @Test
    void float32RoundTripsExactlyToTheFloatCast() {
        double[] x = signal(5001);
        for (int ch = 1; ch <= 2; ch++) {
            WavData d = WavReader.read(write(Encoding.FLOAT32, ch, x));
            assertEquals(44100, d.sampleRate());
            assertEquals(ch, d.channels());
            assertEquals(x.length, d.frames());
            assertEquals("float 32-bit", d.format());
            for (int c = 0; c < ch; c++) {
                for (int i = 0; i < x.length; i++) {
                    assertEquals((double) (float) x[i], d.channelData()[c][i], "frame " + i);
                }
            }
        }
    }

    @Test
    void pcmRoundTripsWithinHalfAnLsb() {
        double[] x = signal(5001);
        for (Encoding enc : new Encoding[] {Encoding.PCM16, Encoding.PCM24}) {
            double lsb = 1.0 / (1 << (enc.bytesPerSample() * 8 - 1));
            for (int ch = 1; ch <= 2; ch++) {
                WavData d = WavReader.read(write(enc, ch, x));
                assertEquals(x.length, d.frames());
                assertEquals("PCM " + enc.bytesPerSample() * 8 + "-bit", d.format());
                for (int c = 0; c < ch; c++) {
                    for (int i = 0; i < x.length; i++) {
                        assertTrue(Math.abs(x[i] - d.channelData()[c][i]) <= 0.5 * lsb,
                                enc + " frame " + i + ": " + x[i] + " vs " + d.channelData()[c][i]);
                    }
                }
                assertEquals(-1.0, d.channelData()[0][0], "full-scale negative is exact");
            }
        }
    }

    // ---- hand-built files ----

    /** A little-endian byte builder for hand-made WAVs. */
    private static final class Bytes {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes id(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        Bytes u16(int v) {
            out.write(v & 0xFF);
            out.write((v >> 8) & 0xFF);
            return this;
        }

        Bytes u32(long v) {
            return u16((int) (v & 0xFFFF)).u16((int) ((v >> 16) & 0xFFFF));
        }

        Bytes raw(byte... b) {
            out.writeBytes(b);
            return this;
        }

        Bytes chunk(String id, byte[] body) {
            id(id).u32(body.length).raw(body);
            if ((body.length & 1) != 0) {
                out.write(0);
            }
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    private static byte[] riff(byte[]... chunks) {
        Bytes body = new Bytes().id("WAVE");
        for (byte[] c : chunks) {
            body.raw(c);
        }
        byte[] b = body.bytes();
        return new Bytes().id("RIFF").u32(b.length).raw(b).bytes();
    }

    private static byte[] fmt(int tag, int channels, int rate, int bits) {
        int align = channels * bits / 8;
        return new Bytes().chunk("fmt ", new Bytes().u16(tag).u16(channels).u32(rate).u32((long) rate * align)
                .u16(align).u16(bits).bytes()).bytes();
    }

    private static byte[] extensibleFmt(int subTag, int channels, int rate, int bits) {
        int align = channels * bits / 8;
        Bytes b = new Bytes().u16(0xFFFE).u16(channels).u32(rate).u32((long) rate * align).u16(align)
                .u16(bits).u16(22).u16(bits).u32(channels == 2 ? 3 : 4).u16(subTag)
                .raw(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        return new Bytes().chunk("fmt ", b.bytes()).bytes();
    }

    private static byte[] data(byte[] samples) {
        return new Bytes().chunk("data", samples).bytes();
    }

    private static byte[] le(int bytesEach, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * bytesEach).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            for (int i = 0; i < bytesEach; i++) {
                b.put((byte) (v >> (8 * i)));
            }
        }
        return b.array();
    }

    private Path file(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    @Test
    void readsExtensiblePcm24StereoBetweenUnknownOddSizedChunks() throws IOException {
        byte[] junk = new Bytes().chunk("JUNK", new byte[] {1, 2, 3}).bytes(); // odd: pad byte follows
        byte[] list = new Bytes().chunk("LIST", "INFOxyz".getBytes(StandardCharsets.US_ASCII)).bytes();
        // Frames (L, R): (0.5, -0.5), (-1, 0.25); 24-bit values 2^22, -2^22, -2^23, 2^21.
        byte[] samples = le(3, 4194304, -4194304, -8388608, 2097152);
        Path p = file("ext.wav", riff(junk, extensibleFmt(1, 2, 48000, 24), list, data(samples), list));
        WavData d = WavReader.read(p);
        assertEquals(48000, d.sampleRate());
        assertEquals(2, d.channels());
        assertEquals(2, d.frames());
        assertArrayEquals(new double[] {0.5, -1.0}, d.channelData()[0]);
        assertArrayEquals(new double[] {-0.5, 0.25}, d.channelData()[1]);
        assertArrayEquals(new double[] {0.0, -0.375}, d.mono());
    }

    @Test
    void readsPcm32AndFloat64AndExtensibleFloat() throws IOException {
        Path p32 = file("i32.wav", riff(fmt(1, 1, 8000, 32), data(le(4, 1L << 30, -(1L << 31), 0))));
        assertArrayEquals(new double[] {0.5, -1.0, 0.0}, WavReader.read(p32).channelData()[0]);

        Path f64 = file("f64.wav", riff(fmt(3, 1, 8000, 64),
                data(le(8, Double.doubleToLongBits(0.1), Double.doubleToLongBits(-0.7)))));
        assertArrayEquals(new double[] {0.1, -0.7}, WavReader.read(f64).channelData()[0]);
        assertEquals("float 64-bit", WavReader.read(f64).format());

        Path ef = file("ef.wav", riff(extensibleFmt(3, 1, 22050, 32),
                data(le(4, Float.floatToIntBits(0.125f), Float.floatToIntBits(-2f)))));
        WavData d = WavReader.read(ef);
        assertEquals(22050, d.sampleRate());
        assertArrayEquals(new double[] {0.125, -2.0}, d.channelData()[0]);
    }

    @Test
    void anOddSizedDataChunkOfPcm24MonoIsReadAndItsPadByteSkipped() throws IOException {
        byte[] trailer = new Bytes().chunk("cue ", new byte[4]).bytes();
        Path p = file("odd.wav", riff(fmt(1, 1, 8000, 24), data(le(3, 1, -1, 8388607)), trailer));
        assertArrayEquals(new double[] {1 / 8388608.0, -1 / 8388608.0, 8388607 / 8388608.0},
                WavReader.read(p).channelData()[0]);
    }

    private static String message(Path p) {
        return assertThrows(ScenarioException.class, () -> WavReader.read(p)).getMessage();
    }

    @Test
    void eightBitPcmIsRefusedNamingWhatIsAllowed() throws IOException {
        Path p = file("in.wav", riff(fmt(1, 1, 8000, 8), data(new byte[] {1, 2})));
        assertEquals(p + ": unsupported WAV encoding 8-bit PCM; allowed: PCM 16/24/32-bit, float 32/64-bit, "
                + "mono or stereo", message(p));
    }

    @Test
    void otherEncodingsAndChannelCountsAreRefused() throws IOException {
        assertTrue(message(file("a.wav", riff(fmt(2, 1, 8000, 4), data(new byte[2]))))
                .contains("unsupported WAV encoding format tag 0x0002"));
        assertTrue(message(file("f16.wav", riff(fmt(3, 1, 8000, 16), data(new byte[2]))))
                .contains("unsupported WAV encoding 16-bit float"));
        assertEquals(dir.resolve("six.wav") + ": unsupported channel count 6; allowed: "
                + WavReader.ALLOWED, message(file("six.wav", riff(fmt(1, 6, 8000, 16), data(new byte[12])))));
        byte[] badGuid = extensibleFmt(1, 1, 8000, 16);
        badGuid[8 + 24 + 2 + 4] = 0x11;
        assertTrue(message(file("g.wav", riff(badGuid, data(new byte[2])))).contains("subformat"));
    }

    @Test
    void aFileWithoutRiffWaveIsNotAWavFile() throws IOException {
        Path p = file("in.wav", "hello, this is text".getBytes(StandardCharsets.US_ASCII));
        assertEquals(p + ": not a WAV file (no RIFF/WAVE or RF64/WAVE header)", message(p));
        assertEquals(dir.resolve("tiny.wav") + ": not a WAV file (no RIFF/WAVE or RF64/WAVE header)",
                message(file("tiny.wav", new byte[] {'R', 'I'})));
    }

    @Test
    void aDataChunkLongerThanTheFileIsTruncated() throws IOException {
        byte[] full = riff(fmt(1, 1, 8000, 16), data(le(2, 1, 2, 3, 4)));
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 3);
        Path p = file("in.wav", cut);
        assertTrue(message(p).startsWith(p + ": truncated data chunk"), message(p));
    }

    @Test
    void aDataChunkThatIsNotAWholeNumberOfFramesIsTruncated() throws IOException {
        Path p = file("in.wav", riff(fmt(1, 2, 8000, 16), data(le(2, 1, 2, 3))));
        assertTrue(message(p).startsWith(p + ": truncated data chunk"), message(p));
    }

    @Test
    void missingChunksAndFilesAreNamed() throws IOException {
        assertEquals(dir.resolve("nofmt.wav") + ": no fmt chunk",
                message(file("nofmt.wav", riff(new Bytes().chunk("JUNK", new byte[2]).bytes()))));
        assertEquals(dir.resolve("nodata.wav") + ": no data chunk",
                message(file("nodata.wav", riff(fmt(1, 1, 8000, 16)))));
        assertEquals(dir.resolve("early.wav") + ": data chunk before fmt chunk",
                message(file("early.wav", riff(data(new byte[2]), fmt(1, 1, 8000, 16)))));
        assertEquals(dir.resolve("absent.wav") + ": no such file", message(dir.resolve("absent.wav")));
    }

    @Test
    void readCheckedPrefixesTheScenarioPositionAndPath() throws IOException {
        Path p = file("in.wav", riff(fmt(1, 1, 8000, 8), data(new byte[2])));
        Path scenario = Path.of("scenarios/clean.json");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> WavReader.readChecked(p, new SourcePosition(7, 15, "input[1].path"), scenario));
        assertEquals("scenarios/clean.json:7:15: input[1].path: " + p
                + ": unsupported WAV encoding 8-bit PCM; allowed: PCM 16/24/32-bit, float 32/64-bit, mono or stereo",
                e.getMessage());
    }
}
