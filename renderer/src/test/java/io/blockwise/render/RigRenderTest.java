package io.blockwise.render;

import static io.blockwise.render.ScenarioRuns.events;
import static io.blockwise.render.ScenarioRuns.mono;
import static io.blockwise.render.ScenarioRuns.num;
import static io.blockwise.render.ScenarioRuns.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.dsp.Oversampler;
import io.blockwise.dsp.PitchShifter;
import io.blockwise.record.Encoding;
import io.blockwise.record.FramePool;
import io.blockwise.rt.LogEvent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 5 through whole offline renders (scenario text in, WAVs and event log out), each against
 * a reference computed here: the IR written by the test, beat frames from exact integer
 * arithmetic, takes against {@code output.wav}, overruns from a model of the frame pool, a
 * frequency from a measurement checked on pure sines, retire blocks from the cabinet's documented
 * fade rule, and the dry input delayed by the oversampler's latency.
 */
class RigRenderTest {
    @TempDir
    Path tmp;

    // ---- cabinet: file IR, no latency ----

    @ParameterizedTest(name = "impulse at frame {1}, block size {0}: the output is the file IR from that frame")
    @CsvSource({"128, 1280", "128, 1343", "100, 1200", "77, 1000"})
    void anImpulseThroughAFileIrReturnsTheIrWithNoLatency(int blockSize, int t) {
        int rate = 48000;
        double[] ir = decayingNoiseIr(2000, 2024);
        try (WavWriter w = WavWriter.open(tmp.resolve("ir.wav"), rate, 1, Encoding.FLOAT32)) {
            w.write(ir, 0, ir.length);
            w.commit();
        }
        int duration = t + ir.length + 1500;
        RenderResult r = render("""
                {"format": "blockwise/1", "name": "file-ir", "sampleRate": %d, "blockSize": %d, "duration": %d,
                 "input": {"type": "impulse", "at": %d, "amp": 1},
                 "output": {"encoding": "float32"},
                 "setup": {"ir": {"type": "file", "path": "ir.wav"}}}
                """.formatted(rate, blockSize, duration, t), tmp);
        double[] out = mono(r.outputWav());
        assertEquals(duration, out.length);
        // Before the convolver's 64-frame chunk that holds the impulse: exact zeros. Inside that
        // chunk, before t, the head taps come from an FFT (Convolver: "whole, aligned chunk of 64
        // frames"), whose rounding may leave a few 1e-17 there: allowed up to 1e-15 (300 dB down).
        int chunkStart = t / 64 * 64;
        for (int i = 0; i < chunkStart; i++) {
            assertEquals(0.0, out[i], "frame " + i + " before the impulse's chunk");
        }
        double maxBefore = 0;
        for (int i = chunkStart; i < t; i++) {
            maxBefore = Math.max(maxBefore, Math.abs(out[i]));
        }
        assertTrue(maxBefore <= 1e-15, "max |out| in the impulse's chunk before it: " + maxBefore);
        double maxError = 0;
        for (int i = 0; i < ir.length; i++) {
            maxError = Math.max(maxError, Math.abs(out[t + i] - ir[i]));
        }
        double maxTail = 0;
        for (int i = t + ir.length; i < duration; i++) {
            maxTail = Math.max(maxTail, Math.abs(out[i]));
        }
        System.out.printf("file IR, block %d, impulse at %d: max |out - ir| = %.3g, max |tail| = %.3g,"
                + " max |out| before t = %.3g%n", blockSize, t, maxError, maxTail, maxBefore);
        assertTrue(maxError <= 1e-7, "max |out - ir| = " + maxError);
        assertTrue(maxTail <= 1e-7, "max |out| after the IR = " + maxTail);
    }

    /**
     * Decaying white noise of exactly float32 values, peak exactly 1.0 (so normalising changes
     * nothing) and a last sample far above the -120 dB trim floor (so nothing is trimmed).
     */
    static double[] decayingNoiseIr(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] ir = new double[length];
        double peak = 0;
        int at = 0;
        for (int i = 0; i < length; i++) {
            ir[i] = (2 * random.nextDouble() - 1) * Math.exp(-i / 400.0);
            if (Math.abs(ir[i]) > peak) {
                peak = Math.abs(ir[i]);
                at = i;
            }
        }
        for (int i = 0; i < length; i++) {
            ir[i] = (float) (ir[i] / peak);
        }
        ir[at] = Math.signum(ir[at]);
        ir[length - 1] = 0.005f;
        return ir;
    }

    // ---- metronome ----

    @ParameterizedTest(name = "97 bpm at 44.1 kHz, block {0}: click k starts at enable + round(k * 60 * 44100 / 97)")
    @CsvSource({"128, 7", "77, 13"})
    void metronomeClicksStartExactlyOnTheirBeatFrames(int blockSize, int enableBlock) {
        int rate = 44100;
        int bpm = 97;
        long enable = (long) enableBlock * blockSize;
        int beats = 8;
        long duration = enable + beatOffset(beats, rate, bpm) + 2000;
        RenderResult r = render("""
                {"format": "blockwise/1", "name": "metronome", "sampleRate": %d, "blockSize": %d, "duration": %d,
                 "input": {"type": "silence"},
                 "output": {"encoding": "float32"},
                 "events": [{"at": %d, "do": "setMetronome", "enabled": true, "bpm": %d, "level": 0.5}]}
                """.formatted(rate, blockSize, duration, enable, bpm), tmp);
        double[] out = mono(r.outputWav());
        List<Long> expected = new ArrayList<>();
        for (int k = 0; k < beats + 1; k++) {
            expected.add(enable + beatOffset(k, rate, bpm));
        }
        assertEquals(expected, onsets(out, 200), "click onsets");
    }

    /** round(k * 60 * rate / bpm), exactly (the quotient is never a tie: 2 * 97 does not divide it). */
    static long beatOffset(int k, int rate, int bpm) {
        BigInteger num = BigInteger.valueOf(k).multiply(BigInteger.valueOf(60L * rate));
        BigInteger[] qr = num.divideAndRemainder(BigInteger.valueOf(bpm));
        return qr[0].longValue() + (qr[1].multiply(BigInteger.TWO).compareTo(BigInteger.valueOf(bpm)) > 0 ? 1 : 0);
    }

    /** Frames of the first nonzero sample after at least {@code quiet} exact zeros (or the start). */
    static List<Long> onsets(double[] x, int quiet) {
        List<Long> r = new ArrayList<>();
        int zeros = quiet;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == 0) {
                zeros++;
            } else {
                if (zeros >= quiet) {
                    r.add((long) i);
                }
                zeros = 0;
            }
        }
        return r;
    }

    // ---- recorder ----

    @Test
    void aTakeIsTheOutputFromItsStartBlockToItsStopBlockExactly() {
        int rate = 44100;
        int bs = 100;
        int a = 30;
        int b = 250;
        RenderResult r = render("""
                {"format": "blockwise/1", "name": "take", "sampleRate": %d, "blockSize": %d, "duration": 30000, "seed": 3,
                 "input": [{"type": "sine", "freq": 330, "amp": 0.4}, {"type": "noise", "amp": 0.05}],
                 "output": {"encoding": "float32"},
                 "setup": {"chain": [{"type": "preamp", "gain": 4}]},
                 "events": [{"at": "%db", "do": "startRecording", "encoding": "float32"},
                            {"at": "%db", "do": "stopRecording"}]}
                """.formatted(rate, bs, a, b), tmp);
        double[] out = mono(r.outputWav());
        double[] take = mono(r.folder().resolve("take-1.wav"));
        assertEquals((b - a) * bs, take.length, "take length");
        for (int i = 0; i < take.length; i++) {
            assertEquals(out[a * bs + i], take[i], "take sample " + i + " (output frame " + (a * bs + i) + ")");
        }
        assertEquals(0, events(r, "overrun").size());
    }

    @Test
    void aStalledWriterLosesExactlyTheBlocksThePoolCannotHoldAndTheTakeKeepsItsLength() {
        int rate = 8000;
        int bs = 64;
        int a = 10;
        int b = 300;
        int[][] stalls = {{50, 150}, {200, 240}};
        int pool = FramePool.framesFor(rate, bs);
        assertEquals(Math.max(4, (int) Math.ceil(0.5 * rate / bs)), pool);
        RenderResult r = render("""
                {"format": "blockwise/1", "name": "slow-writer", "sampleRate": %d, "blockSize": %d, "duration": "320b",
                 "input": {"type": "sine", "freq": 220, "amp": 0.5},
                 "output": {"encoding": "float32"},
                 "writer": {"stalls": [{"from": "%db", "to": "%db"}, {"from": %d, "to": %d}]},
                 "events": [{"at": "%db", "do": "startRecording", "encoding": "float32"},
                            {"at": "%db", "do": "stopRecording"}]}
                """.formatted(rate, bs, stalls[0][0], stalls[0][1], stalls[1][0] * bs, stalls[1][1] * bs, a, b), tmp);

        // Model: a pool of `pool` frames; each recorded block takes one (or is lost when none is
        // free); the writer, when it runs after a block, returns every frame taken so far.
        List<Long> expectedLost = new ArrayList<>();
        int free = pool;
        for (int blk = a; blk < b; blk++) {
            if (free == 0) {
                expectedLost.add((long) blk);
            } else {
                free--;
            }
            boolean stalled = false;
            for (int[] s : stalls) {
                stalled |= blk >= s[0] && blk < s[1];
            }
            if (!stalled) {
                free = pool;
            }
        }
        // Stall 1 lasts 100 blocks: the pool covers `pool` of them; stall 2 (40) is shorter than the pool.
        assertEquals(100 - pool + 1, expectedLost.size());
        List<LogEvent> overruns = events(r, "overrun");
        assertEquals(expectedLost, overruns.stream().map(LogEvent::block).toList(), "blocks of the overrun events");
        for (LogEvent e : overruns) {
            assertEquals((long) bs, num(e, "frames"));
            assertEquals("recorder#1", e.get("resource"));
        }
        double[] out = mono(r.outputWav());
        double[] take = mono(r.folder().resolve("take-1.wav"));
        assertEquals((b - a) * bs, take.length, "take length, lost frames included");
        for (int blk = a; blk < b; blk++) {
            boolean lost = expectedLost.contains((long) blk);
            boolean outputSilent = true;
            for (int i = 0; i < bs; i++) {
                int frame = blk * bs + i;
                double expected = lost ? 0.0 : out[frame];
                assertEquals(expected, take[frame - a * bs], "take at output frame " + frame + (lost ? " (lost)" : ""));
                outputSilent &= out[frame] == 0;
            }
            assertFalse(outputSilent, "the output of block " + blk + " is not silent, so zeros in the take mean loss");
        }
        System.out.printf("slow writer: pool %d frames, %d overruns at blocks %d..%d%n", pool, overruns.size(),
                expectedLost.get(0), expectedLost.get(expectedLost.size() - 1));
    }

    // ---- pitch shifter ----

    @Test
    void theFrequencyMeterReadsPureSinesToAHundredthOfACent() {
        int rate = 48000;
        for (double hz : new double[] {220, 329.6275569128699, 251.3, 1234.5}) {
            double[] x = new double[rate];
            for (int n = 0; n < x.length; n++) {
                x[n] = 0.3 * Math.sin(2 * Math.PI * hz * n / rate + 0.7);
            }
            double measured = measureHz(x, 1000, 40000, rate, 50, 2000);
            assertTrue(Math.abs(cents(measured, hz)) < 0.01, hz + " Hz measured as " + measured);
        }
    }

    @Test
    void aSineShiftedUpSevenSemitonesComesOutWithinOneCentOfTheTarget() {
        int rate = 48000;
        RenderResult r = render("""
                {"format": "blockwise/1", "name": "pitch", "sampleRate": %d, "blockSize": 128, "duration": "2s",
                 "input": {"type": "sine", "freq": 220, "amp": 0.5},
                 "output": {"encoding": "float32"},
                 "setup": {"pitchShift": 7}}
                """.formatted(rate), tmp);
        double[] out = mono(r.outputWav());
        int latency = new PitchShifter(7, rate, 128).latencyFrames();
        int from = latency + 4 * PitchShifter.FFT_SIZE;
        double target = 220 * Math.pow(2, 7 / 12.0);
        double measured = measureHz(out, from, out.length - from, rate, 100, 1000);
        double c = cents(measured, target);
        System.out.printf("pitch +7: target %.4f Hz, measured %.4f Hz (%.6f cents), rms %.4f%n", target, measured, c,
                rms(out, from, out.length - from));
        assertTrue(Math.abs(c) < 1, "off by " + c + " cents");
    }

    /**
     * The frequency of the strongest sinusoid between {@code lowHz} and {@code highHz} in
     * {@code x[from, from + len)}: the peak of the Hann-windowed DTFT magnitude. A grid at a
     * quarter bin over the first 16,384 samples finds the main lobe, a grid at a quarter bin of the
     * whole stretch narrows it, and a golden-section search finds the peak. Checked on pure sines
     * by {@link #theFrequencyMeterReadsPureSinesToAHundredthOfACent}.
     */
    static double measureHz(double[] x, int from, int len, double rate, double lowHz, double highHz) {
        double coarse = gridPeak(hann(x, from, Math.min(len, 16384)), rate, lowHz, highHz);
        double coarseStep = rate / Math.min(len, 16384) / 4;
        double[] w = hann(x, from, len);
        double fine = gridPeak(w, rate, coarse - 2 * coarseStep, coarse + 2 * coarseStep);
        double step = rate / len / 4;
        double a = (fine - step) / rate;
        double b = (fine + step) / rate;
        double g = (Math.sqrt(5) - 1) / 2;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        double pc = dtftPower(w, c);
        double pd = dtftPower(w, d);
        while (b - a > 1e-13) {
            if (pc > pd) {
                b = d;
                d = c;
                pd = pc;
                c = b - g * (b - a);
                pc = dtftPower(w, c);
            } else {
                a = c;
                c = d;
                pc = pd;
                d = a + g * (b - a);
                pd = dtftPower(w, d);
            }
        }
        return (a + b) / 2 * rate;
    }

    private static double[] hann(double[] x, int from, int len) {
        double[] w = new double[len];
        for (int n = 0; n < len; n++) {
            w[n] = x[from + n] * (0.5 - 0.5 * Math.cos(2 * Math.PI * n / len));
        }
        return w;
    }

    private static double gridPeak(double[] w, double rate, double lowHz, double highHz) {
        double step = rate / w.length / 4;
        double best = lowHz;
        double bestPower = -1;
        for (double f = lowHz; f <= highHz; f += step) {
            double p = dtftPower(w, f / rate);
            if (p > bestPower) {
                bestPower = p;
                best = f;
            }
        }
        return best;
    }

    /** |sum x[n] e^(-i 2 pi f n)|^2 (f in cycles per sample), with a phasor re-anchored every 1024 samples. */
    private static double dtftPower(double[] x, double f) {
        double cs = Math.cos(2 * Math.PI * f);
        double sn = Math.sin(2 * Math.PI * f);
        double zr = 1;
        double zi = 0;
        double re = 0;
        double im = 0;
        for (int n = 0; n < x.length; n++) {
            re += x[n] * zr;
            im -= x[n] * zi;
            double t = zr * cs - zi * sn;
            zi = zr * sn + zi * cs;
            zr = t;
            if ((n & 1023) == 1023) {
                double ph = 2 * Math.PI * f * (n + 1);
                zr = Math.cos(ph);
                zi = Math.sin(ph);
            }
        }
        return re * re + im * im;
    }

    static double cents(double hz, double reference) {
        return 1200 * Math.log(hz / reference) / Math.log(2);
    }

    static double rms(double[] x, int from, int len) {
        double s = 0;
        for (int i = from; i < from + len; i++) {
            s += x[i] * x[i];
        }
        return Math.sqrt(s / len);
    }

    // ---- tuner ----

    @Test
    void theTunerReadsA110HzSineAsA2AndMutesTheOutputWhileOn() {
        int bs = 128;
        int on = 20;
        int off = 400;
        RenderResult r = render("""
                {"format": "blockwise/1", "name": "tuner", "sampleRate": 48000, "blockSize": %d, "duration": "500b",
                 "input": {"type": "sine", "freq": 110, "amp": 0.5},
                 "output": {"encoding": "float32"},
                 "events": [{"at": "%db", "do": "setTunerEnabled", "enabled": true},
                            {"at": "%db", "do": "setTunerEnabled", "enabled": false}]}
                """.formatted(bs, on, off), tmp);
        List<LogEvent> tuner = events(r, "tuner");
        System.out.println("tuner events: " + tuner);
        assertFalse(tuner.isEmpty(), "tuner events");
        for (LogEvent e : tuner) {
            assertEquals("A2", e.get("note"), e.toString());
            assertEquals(new BigDecimal("110.00"), e.get("hz"), e.toString());
            assertEquals(new BigDecimal("0.0"), e.get("cents"), e.toString());
            assertTrue(e.block() >= on && e.block() < off, "reading while on: " + e);
        }
        double[] out = mono(r.outputWav());
        // The mute fades in over 10 ms (480 frames at 48 kHz) rather than cutting the sound.
        for (int i = on * bs + 480; i < off * bs; i++) {
            assertEquals(0.0, out[i], "muted frame " + i);
        }
        assertTrue(rms(out, 0, on * bs) > 0.3, "sound before the tuner");
        assertTrue(rms(out, off * bs, out.length - off * bs) > 0.3, "sound after the tuner");
    }

    // ---- cabinet swaps: retire at the block where the fade ends ----

    @Test
    void aSwappedOutConvolverIsRetiredInTheBlockWhereItsFadeEnds() {
        int bs = 100;
        int rate = 48000;
        RenderResult r = render("""
                {"format": "blockwise/1", "name": "swaps", "sampleRate": %d, "blockSize": %d, "duration": 15000, "seed": 9,
                 "input": {"type": "noise", "amp": 0.2},
                 "setup": {"ir": {"type": "synthetic", "length": 4800, "decay": 1000}},
                 "events": [
                   {"at": "10b", "do": "swapIr", "ir": {"type": "synthetic", "length": 2400, "decay": 300}, "crossfade": "25ms"},
                   {"at": "40b", "do": "swapIr", "ir": {"type": "synthetic", "length": 4800, "decay": 1000}, "crossfade": 1201},
                   {"at": "70b", "do": "swapIr", "ir": {"type": "synthetic", "length": 2400, "decay": 300}, "crossfade": 2000},
                   {"at": "75b", "do": "swapIr", "ir": {"type": "synthetic", "length": 4800, "decay": 1000}, "crossfade": 500},
                   {"at": "100b", "do": "swapIr", "ir": {"type": "synthetic", "length": 2400, "decay": 300}, "crossfade": 0},
                   {"at": "120b", "do": "clearIr"}]}
                """.formatted(rate, bs), tmp);
        // Cabinet: fade frame i (from 0, at the apply block's first frame) has weight (i + 1) / F, so
        // the fade's last frame is F - 1 frames after the apply block's start; the old convolver is
        // retired at the end of that block. F = 0 retires at once. A swap during a fade waits for
        // the fade's end and starts at the next block's first frame (75b waits for 70b's fade,
        // which ends in block 89, so it fades over blocks 90..94). clearIr fades over 10 ms.
        int clearFade = (int) Math.round(rate * 0.010);
        long waitedStart = fadeEnd(70, 2000, bs) + 1;
        List<String> expected = List.of(
                "convolver#1@" + fadeEnd(10, 1200, bs),
                "convolver#2@" + fadeEnd(40, 1201, bs),
                "convolver#3@" + fadeEnd(70, 2000, bs),
                "convolver#4@" + fadeEnd(waitedStart, 500, bs),
                "convolver#5@100",
                "convolver#6@" + fadeEnd(120, clearFade, bs));
        assertEquals(List.of(21L, 52L, 89L, 94L, 124L), List.of(fadeEnd(10, 1200, bs), fadeEnd(40, 1201, bs),
                fadeEnd(70, 2000, bs), fadeEnd(waitedStart, 500, bs), fadeEnd(120, clearFade, bs)),
                "the rule, worked by hand");
        List<String> retired = events(r, "retire").stream().map(e -> e.get("resource") + "@" + e.block()).toList();
        assertEquals(expected, retired);
    }

    /** Block of the last frame of a fade of {@code frames} frames starting at block {@code apply}. */
    static long fadeEnd(long apply, int frames, int bs) {
        return (apply * bs + frames - 1) / bs;
    }

    // ---- oversampling ----

    @Test
    void aSineThroughAnEmptyChainAt4xIsTheInputDelayedByTheOversamplersLatency() {
        int rate = 48000;
        int bs = 128;
        int on = 20;
        int off = 300;
        RenderResult r = render("""
                {"format": "blockwise/1", "name": "oversampling", "sampleRate": %d, "blockSize": %d, "duration": "400b",
                 "input": {"type": "sine", "freq": 1000, "amp": 0.5},
                 "output": {"encoding": "float32"},
                 "events": [{"at": "%db", "do": "setOversampling", "factor": 4},
                            {"at": "%db", "do": "setOversampling", "factor": 1}]}
                """.formatted(rate, bs, on, off), tmp);
        double[] out = mono(r.outputWav());
        int latency = new Oversampler(4, bs).latencyFrames();
        int from = on * bs + 4096;
        int to = off * bs;
        double signal = 0;
        double reference = 0;
        double residual = 0;
        for (int n = from; n < to; n++) {
            double x = sine(n - latency, rate);
            signal += out[n] * out[n];
            reference += x * x;
            residual += (out[n] - x) * (out[n] - x);
        }
        double levelDb = 10 * Math.log10(signal / reference);
        double residualDb = 10 * Math.log10(residual / reference);
        System.out.printf("4x oversampling: latency %d frames, level %.5f dB, residual %.1f dB%n",
                latency, levelDb, residualDb);
        assertTrue(Math.abs(levelDb) < 0.1, "level " + levelDb + " dB");
        // One frame of misalignment would leave a residual of 20 log10(2 sin(pi 1000 / 48000)) = -17.6 dB.
        assertTrue(residualDb < -60, "residual " + residualDb + " dB");
        // Back to 1x: the dry path is fed unheard for 5 ms (240 frames), then crossfaded in over
        // 10 ms (480 frames); from then on the output is the input again, and the 4x path is
        // retired in the block its fade ends.
        int switched = off * bs + 240 + 480;
        for (int n = switched; n < out.length; n++) {
            assertEquals(sine(n, rate), out[n], 1e-7, "frame " + n + " after returning to 1x");
        }
        List<String> retired = events(r, "retire").stream().map(e -> e.get("resource") + "@" + e.block()).toList();
        assertEquals(List.of("oversampler#1@" + (switched - 1) / bs), retired);
    }

    private static double sine(long n, int rate) {
        return 0.5 * Math.sin(2 * Math.PI * 1000.0 * n / rate);
    }
}
