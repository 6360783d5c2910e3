package io.blockwise.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.record.Encoding;
import io.blockwise.render.WavWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioComparisonTest {
    @TempDir
    Path dir;

    static double[] tone(int frames) {
        double[] x = new double[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = 0.5 * Math.sin(2 * Math.PI * 440 * i / 48000.0);
        }
        return x;
    }

    static Path wav(Path p, Encoding enc, int channels, double[] x) {
        try (WavWriter w = WavWriter.open(p, 48000, channels, enc)) {
            w.write(x, 0, x.length);
            w.commit();
        }
        return p;
    }

    @Test
    void identicalFilesMatch() {
        double[] x = tone(10000);
        AudioComparison.Result r = AudioComparison.compare(wav(dir.resolve("a.wav"), Encoding.FLOAT32, 1, x),
                wav(dir.resolve("b.wav"), Encoding.FLOAT32, 1, x), 128);
        assertTrue(r.matches());
        assertTrue(r.identicalBytes());
        assertEquals(-1, r.firstDifferingFrame());
        assertEquals(Double.POSITIVE_INFINITY, r.snrDb());
        assertTrue(r.describe().contains("identical"), r.describe());
    }

    @Test
    void oneChangedSampleIsReportedAtItsFrameAndBlockWithItsSizeAndTheSnr() {
        double[] x = tone(10000);
        double[] y = x.clone();
        y[4242] += 0.01;
        AudioComparison.Result r = AudioComparison.compare(wav(dir.resolve("golden.wav"), Encoding.FLOAT32, 1, x),
                wav(dir.resolve("out.wav"), Encoding.FLOAT32, 1, y), 128);
        assertFalse(r.matches());
        assertEquals(10000, r.expectedFrames());
        assertEquals(10000, r.actualFrames());
        assertEquals(4242, r.firstDifferingFrame());
        assertEquals(4242 / 128, r.firstDifferingBlock());
        // The files hold floats: the difference is that of the two float casts.
        double d = (float) y[4242] - (double) (float) x[4242];
        assertEquals(Math.abs(d), r.maxAbsDifference(), 0.0);
        double energy = 0;
        for (double v : x) {
            energy += (double) (float) v * (float) v;
        }
        assertEquals(10 * Math.log10(energy / (d * d)), r.snrDb(), 1e-9);
        String text = r.describe();
        assertTrue(text.contains("frame 4242") && text.contains("block 33 of 128 frames"), text);
    }

    @Test
    void aShorterFileDiffersFromWhereItEnds() {
        double[] x = tone(1000);
        double[] y = java.util.Arrays.copyOf(x, 900);
        AudioComparison.Result r = AudioComparison.compare(wav(dir.resolve("a.wav"), Encoding.PCM16, 1, x),
                wav(dir.resolve("b.wav"), Encoding.PCM16, 1, y), 64);
        assertEquals(1000, r.expectedFrames());
        assertEquals(900, r.actualFrames());
        assertEquals(900, r.firstDifferingFrame());
        assertEquals(14, r.firstDifferingBlock());
        assertTrue(r.describe().contains("900 frames vs expected 1000"), r.describe());
    }

    @Test
    void aMonoFileAndItsStereoCopyDifferOnlyInTheHeader() {
        double[] x = tone(500);
        AudioComparison.Result r = AudioComparison.compare(wav(dir.resolve("m.wav"), Encoding.PCM24, 1, x),
                wav(dir.resolve("s.wav"), Encoding.PCM24, 2, x), 128);
        assertFalse(r.matches());
        assertEquals(-1, r.firstDifferingFrame());
        assertTrue(r.describe().contains("stereo") && r.describe().contains("only the header"), r.describe());
    }

    /** A float32 stereo WAV written byte by byte (the writer's channel 2 is always a copy). */
    private Path stereo(String name, float[] l, float[] r) throws java.io.IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + 8 * l.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 8 * l.length).put("WAVEfmt ".getBytes()).putInt(16)
                .putShort((short) 3).putShort((short) 2).putInt(48000).putInt(48000 * 8).putShort((short) 8)
                .putShort((short) 32).put("data".getBytes()).putInt(8 * l.length);
        for (int i = 0; i < l.length; i++) {
            b.putFloat(l[i]).putFloat(r[i]);
        }
        Path p = dir.resolve(name);
        java.nio.file.Files.write(p, b.array());
        return p;
    }

    @Test
    void aDifferenceInTheSecondChannelOnlyIsFound() throws java.io.IOException {
        float[] l = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f};
        float[] r = {-0.1f, -0.2f, -0.3f, -0.4f, -0.5f};
        float[] r2 = r.clone();
        r2[3] = -0.25f;
        AudioComparison.Result res = AudioComparison.compare(stereo("e.wav", l, r), stereo("a.wav", l, r2), 2);
        assertEquals(3, res.firstDifferingFrame());
        assertEquals(1, res.firstDifferingBlock());
        assertEquals(0.15, res.maxAbsDifference(), 1e-7);
        double energy = 0;
        for (int i = 0; i < 5; i++) {
            energy += l[i] * (double) l[i] + r[i] * (double) r[i];
        }
        double d = (double) r[3] - r2[3];
        assertEquals(10 * Math.log10(energy / (d * d)), res.snrDb(), 1e-9);
    }
}
