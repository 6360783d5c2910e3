package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.record.Encoding;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioException;
import io.blockwise.scenario.SourcePosition;
import io.blockwise.scenario.SourceSpec.Curve;
import io.blockwise.scenario.SourceSpec.NoiseColor;
import io.blockwise.scenario.SourceSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputSignalTest {
    private static final int SR = 48000;

    @TempDir
    Path dir;

    @Test
    void sineFollowsItsDefinitionSampleBySample() {
        double[] x = TestScenarios.render(TestScenarios.of(SR, SR, 0, new SourceSpec.Sine(441.3, 0.5, 0.3)), 128);
        for (int n = 0; n < x.length; n++) {
            assertEquals(0.5 * Math.sin(2 * Math.PI * 441.3 * n / SR + 0.3), x[n], 1e-12, "frame " + n);
        }
    }

    @Test
    void sineFrequencyMeasuredByZeroCrossingsIsTheSetFrequency() {
        double[] x = TestScenarios.render(TestScenarios.of(SR, 2 * SR, 0, new SourceSpec.Sine(441.3, 0.5, 0)), 128);
        // Rising zero crossings, each located by linear interpolation between the two samples.
        double first = -1;
        double last = -1;
        int count = 0;
        for (int n = 1; n < x.length; n++) {
            if (x[n - 1] < 0 && x[n] >= 0) {
                double t = n - 1 + x[n - 1] / (x[n - 1] - x[n]);
                if (first < 0) {
                    first = t;
                }
                last = t;
                count++;
            }
        }
        double hz = (count - 1) * SR / (last - first);
        assertEquals(441.3, hz, 1e-3);
    }

    @Test
    void sineHasNoPhaseDriftAfterTenMinutes() {
        long n0 = 10L * 60 * SR;
        // 1234.5625 Hz = 19753 / 16 is exact in binary, so the reference phase can be exact.
        SineSource s = new SineSource(1234.5625, 0.5, 0, SR);
        double[] buf = new double[16];
        s.add(buf, 0, n0, 16);
        for (int i = 0; i < 16; i++) {
            // The phase from exact integer arithmetic: (19753 n mod 16 SR) / (16 SR) cycles.
            long num = (19753L * (n0 + i)) % (16L * SR);
            // No accumulated error: only the rounding of one cycle count near 7.4e5 (ulp 1.2e-10
            // cycles, i.e. at most about 4e-10 here, -250 dBFS).
            assertEquals(0.5 * Math.sin(2 * Math.PI * num / (16.0 * SR)), buf[i], 1e-9);
        }
    }

    /**
     * The frequency around {@code centre}: whole cycles between the first and last rising zero
     * crossings (located by linear interpolation) within {@code width} frames, divided by the time
     * between them. Returns {mid frame, Hz}.
     */
    private static double[] frequencyNear(double[] x, int centre, int width) {
        int from = Math.max(1, centre - width / 2);
        int to = Math.min(x.length - 1, centre + width / 2);
        double first = -1;
        double last = -1;
        int count = 0;
        for (int n = from; n <= to; n++) {
            if (x[n - 1] < 0 && x[n] >= 0) {
                double t = n - 1 + x[n - 1] / (x[n - 1] - x[n]);
                if (first < 0) {
                    first = t;
                }
                last = t;
                count++;
            }
        }
        assertTrue(count >= 3, "too few cycles near " + centre);
        return new double[] {(first + last) / 2, (count - 1) * SR / (last - first)};
    }

    @Test
    void logSweepStartsAtFromPassesTheGeometricMeanHalfwayAndEndsAtTo() {
        int frames = 2 * SR;
        double[] x = TestScenarios.render(TestScenarios.of(SR, frames, 0,
                new SourceSpec.Sweep(100, 10000, 0.5, Curve.LOG)), 128);
        // f(t) = from * (to / from)^(t / T), the definition of an exponential sweep.
        for (int c : new int[] {1200, frames / 4, frames / 2, frames - 1200}) {
            double[] m = frequencyNear(x, c, 2400);
            double expected = 100 * Math.pow(100, m[0] / frames);
            assertEquals(expected, m[1], expected * 1e-3, "near frame " + c);
        }
        // The sweep starts at phase 0 rising, so its first cycle ends at the first rising crossing.
        int n = 1;
        while (!(x[n - 1] < 0 && x[n] >= 0)) {
            n++;
        }
        double firstCycle = n - 1 + x[n - 1] / (x[n - 1] - x[n]);
        // Its mean frequency is the sweep's at about half a cycle in: 100 Hz * 100^(t / T), 1.2 % up.
        assertEquals(100 * Math.pow(100, firstCycle / 2 / frames), SR / firstCycle, 0.1, "starts at from");
        assertEquals(1000, frequencyNear(x, frames / 2, 480)[1], 1000 * 2e-3, "geometric mean halfway");
        double[] end = frequencyNear(x, frames - 48, 96);
        assertTrue(end[0] > frames - 60, "measured over the last ~20 cycles");
        assertEquals(10000 * Math.pow(100, (end[0] - frames) / frames), end[1], 10, "ends at to");
    }

    @Test
    void linearSweepPassesTheArithmeticMeanHalfway() {
        int frames = 2 * SR;
        double[] x = TestScenarios.render(TestScenarios.of(SR, frames, 0,
                new SourceSpec.Sweep(100, 10000, 0.5, Curve.LINEAR)), 128);
        for (int c : new int[] {1200, frames / 4, frames / 2, frames - 1200}) {
            double[] m = frequencyNear(x, c, 2400);
            double expected = 100 + 9900 * m[0] / frames;
            assertEquals(expected, m[1], expected * 1e-3, "near frame " + c);
        }
        assertEquals(5050, frequencyNear(x, frames / 2, 480)[1], 5050 * 2e-3, "arithmetic mean halfway");
        double[] end = frequencyNear(x, frames - 48, 96);
        assertEquals(10000 + 9900 * (end[0] - frames) / frames, end[1], 10, "ends at to");
        double peak = 0;
        for (double v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        assertEquals(0.5, peak, 1e-3);
    }

    @Test
    void sweepTailPastTheDurationHoldsTheEndFrequency() {
        int frames = SR;
        SweepSource s = new SweepSource(200, 2000, 0.5, Curve.LOG, SR, frames);
        double[] buf = new double[frames + 4096];
        s.add(buf, 0, 0, buf.length);
        assertEquals(2000, frequencyNear(buf, frames + 2048, 4000)[1], 0.5);
        // Continuous across the end: the step there is no bigger than a sine at 2000 Hz allows.
        assertTrue(Math.abs(buf[frames] - buf[frames - 1]) <= 0.5 * 2 * Math.PI * 2000 / SR * 1.01);
    }

    @Test
    void impulseIsOneSampleOfAmpAtItsFrame() {
        double[] x = TestScenarios.render(TestScenarios.of(SR, 4000, 0, new SourceSpec.Impulse(1000, 0.7),
                new SourceSpec.Impulse(3999, -1.0)), 128);
        for (int n = 0; n < x.length; n++) {
            double expected = n == 1000 ? 0.7 : n == 3999 ? -1.0 : 0.0;
            assertEquals(expected, x[n], 0.0, "frame " + n);
        }
    }

    @Test
    void silenceIsZero() {
        double[] x = TestScenarios.render(TestScenarios.of(SR, 1000, 5, new SourceSpec.Silence()), 7);
        assertArrayEquals(new double[1000], x);
    }

    /** A float32 stereo WAV written byte by byte (the writer only writes copies in channel 2). */
    private Path stereoFloatWav(String name, int rate, float[] left, float[] right) throws IOException {
        int n = left.length;
        ByteBuffer b = ByteBuffer.allocate(44 + 8 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 8 * n).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 3).putShort((short) 2)
                .putInt(rate).putInt(rate * 8).putShort((short) 8).putShort((short) 32);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(8 * n);
        for (int i = 0; i < n; i++) {
            b.putFloat(left[i]).putFloat(right[i]);
        }
        Path p = dir.resolve(name);
        Files.write(p, b.array());
        return p;
    }

    @Test
    void aStereoFileIsAveragedAndFollowedBySilence() throws IOException {
        float[] l = {0.5f, 0.25f, -1f, 0.125f};
        float[] r = {0.5f, -0.25f, 0f, 0.375f};
        Path p = stereoFloatWav("in.wav", SR, l, r);
        double[] x = TestScenarios.render(TestScenarios.of(SR, 10, 0,
                new SourceSpec.File(p, new SourcePosition(3, 9, "input[0].path"))), 3);
        assertArrayEquals(new double[] {0.5, 0, -0.5, 0.25, 0, 0, 0, 0, 0, 0}, x);
    }

    @Test
    void aFileAtAnotherRateIsAnErrorNamingBothRatesAtItsPosition() throws IOException {
        Path p = stereoFloatWav("in.wav", 44100, new float[2], new float[2]);
        Scenario sc = TestScenarios.of(SR, 10, 0, new SourceSpec.File(p, new SourcePosition(3, 9, "input[0].path")));
        ScenarioException e = assertThrows(ScenarioException.class, () -> InputSignal.of(sc));
        assertTrue(e.getMessage().startsWith("test.json:3:9: input[0].path: " + p + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("44100") && e.getMessage().contains("48000"), e.getMessage());
    }

    @Test
    void anUnreadableFileIsAnErrorAtItsPosition() throws IOException {
        Path p = dir.resolve("missing.wav");
        Scenario sc = TestScenarios.of(SR, 10, 0, new SourceSpec.File(p, new SourcePosition(4, 2, "input.path")));
        ScenarioException e = assertThrows(ScenarioException.class, () -> InputSignal.of(sc));
        assertEquals("test.json:4:2: input.path: " + p + ": no such file", e.getMessage());
    }

    private Scenario everySource(long seed) throws IOException {
        Path file = dir.resolve("mono.wav");
        double[] fileData = new double[5000];
        for (int i = 0; i < fileData.length; i++) {
            fileData[i] = 0.3 * Math.sin(i * 0.02);
        }
        try (WavWriter w = WavWriter.open(file, SR, 1, Encoding.PCM24)) {
            w.write(fileData, 0, fileData.length);
            w.commit();
        }
        return TestScenarios.of(SR, 20000, seed,
                new SourceSpec.Sine(440, 0.2, 1),
                new SourceSpec.Sweep(50, 5000, 0.2, Curve.LOG),
                new SourceSpec.Sweep(50, 5000, 0.2, Curve.LINEAR),
                new SourceSpec.Noise(NoiseColor.WHITE, 0.1),
                new SourceSpec.Noise(NoiseColor.PINK, 0.1),
                new SourceSpec.Impulse(4097, 1),
                new SourceSpec.Pluck(0.8, List.of(new SourceSpec.PluckNote(0, 82.4, 48000),
                        new SourceSpec.PluckNote(4095, 330, 20000), new SourceSpec.PluckNote(12345, 1000, 100))),
                new SourceSpec.Silence(),
                new SourceSpec.File(file, new SourcePosition(1, 1, "input[8].path")));
    }

    @Test
    void theSignalDoesNotDependOnTheBlockSize() throws IOException {
        Scenario sc = everySource(42);
        double[] reference = TestScenarios.render(sc, 4096);
        for (int block : new int[] {1, 7, 128, 1000}) {
            assertArrayEquals(reference, TestScenarios.render(sc, block), "block " + block);
        }
        assertFalse(java.util.Arrays.stream(reference).allMatch(v -> v == 0));
    }

    @Test
    void sameSeedSameSignalDifferentSeedDifferentNoise() throws IOException {
        double[] a = TestScenarios.render(everySource(42), 128);
        double[] b = TestScenarios.render(everySource(42), 128);
        double[] c = TestScenarios.render(everySource(43), 128);
        assertArrayEquals(a, b);
        int differing = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != c[i]) {
                differing++;
            }
        }
        assertEquals(a.length, differing, "noise runs through every frame");
    }

    @Test
    void addingASourceNeverChangesAnotherSourcesNoise() {
        SourceSpec white = new SourceSpec.Noise(NoiseColor.WHITE, 0.5);
        SourceSpec pink = new SourceSpec.Noise(NoiseColor.PINK, 0.5);
        double[] alone = TestScenarios.render(TestScenarios.of(SR, 5000, 7, white, pink), 64);
        double[] more = TestScenarios.render(TestScenarios.of(SR, 5000, 7, white, pink,
                new SourceSpec.Impulse(10, 0.25), new SourceSpec.Noise(NoiseColor.WHITE, 0)), 64);
        for (int i = 0; i < alone.length; i++) {
            assertEquals(alone[i] + (i == 10 ? 0.25 : 0), more[i], 0.0, "frame " + i);
        }
    }

    @Test
    void aNoiseSourceDrawsTheStreamOfItsIndexInTheInputList() {
        double[] x = TestScenarios.render(TestScenarios.of(SR, 100, 9, new SourceSpec.Silence(),
                new SourceSpec.Noise(NoiseColor.WHITE, 1)), 10);
        SplittableRandom expected = new SplittableRandom(Seeds.derive(9, 1));
        for (double v : x) {
            assertEquals(2 * expected.nextDouble() - 1, v, 0.0);
        }
    }

    @Test
    void fillRefusesARangeThatDoesNotFollowThePreviousOne() {
        InputSignal in = InputSignal.of(TestScenarios.of(SR, 1000, 0, new SourceSpec.Sine(1, 1, 0)));
        double[] buf = new double[100];
        assertThrows(IllegalStateException.class, () -> in.fill(buf, 0, 10, 10));
        in.fill(buf, 0, 0, 10);
        assertThrows(IllegalStateException.class, () -> in.fill(buf, 0, 0, 10));
        in.fill(buf, 10, 10, 10);
    }

    @Test
    void aLogSweepThroughZeroHertzIsRefused() {
        Scenario sc = TestScenarios.of(SR, 1000, 0, new SourceSpec.Sweep(0, 1000, 0.5, Curve.LOG));
        assertThrows(ScenarioException.class, () -> InputSignal.of(sc));
    }
}
