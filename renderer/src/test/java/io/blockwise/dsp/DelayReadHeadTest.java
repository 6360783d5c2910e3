package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The delay's moving read head, glides, defaults and {@code reset()} against the documented
 * behaviour: 4-point Catmull-Rom interpolation of the input at the delay's fractional position
 * (computed here from the input), a linear glide of the delay over {@link Delay#TIME_GLIDE_SECONDS}
 * and of feedback and mix over 20 ms, and a second stage prepared with the glides' targets.
 */
class DelayReadHeadTest {

    /** Catmull-Rom through p0..p3, at {@code u} in [0, 1] between p1 and p2 (the textbook form). */
    private static double catmullRom(double p0, double p1, double p2, double p3, double u) {
        return 0.5 * (2 * p1 + (-p0 + p2) * u + (2 * p0 - 5 * p1 + 4 * p2 - p3) * u * u
                + (-p0 + 3 * p1 - 3 * p2 + p3) * u * u * u);
    }

    /**
     * The input at position {@code n - d} (x before 0 is silence), read with Catmull-Rom; a
     * neighbour newer than {@code n - 1} (not yet heard at frame n) replaced by {@code x[n - 1]}.
     */
    private static double delayed(double[] x, int n, double d) {
        double pos = n - d;
        int k = (int) Math.floor(pos);
        double u = pos - k;
        if (u == 0) {
            return at(x, k, n);
        }
        return catmullRom(at(x, k - 1, n), at(x, k, n), at(x, k + 1, n), at(x, k + 2, n), u);
    }

    private static double at(double[] x, int j, int n) {
        int i = Math.min(j, n - 1);
        return i < 0 ? 0 : x[i];
    }

    @Test
    void aGlidingReadHeadInterpolatesCatmullRomAcrossTheRingsWrapPoint() {
        // At 1 kHz the line holds 2 s + 4 = 2004 frames; a time glide from 1 to 3 ms (1 to 3
        // frames, over 100 frames) is started at every offset up to 110 frames before the write
        // index wraps, so each fractional delay in (1, 3) is read with the newest frame, the
        // interpolator's neighbours and the read position on both sides of the wrap point; the
        // same for the glide back down from 3 to 1 frames.
        int sr = 1000;
        int size = 2004;
        int glide = (int) Math.round(Delay.TIME_GLIDE_SECONDS * sr);
        Random random = new Random(7);
        double[] x = new double[size + 240];
        for (int n = 0; n < x.length; n++) {
            x[n] = random.nextDouble() * 2 - 1;
        }
        double[][] glides = {{1, 3}, {3, 1}};
        for (double[] g : glides) {
            for (int lead = 0; lead <= 110; lead++) {
                int start = size - lead;
                Stage delay = DspTestSupport.build(StageType.DELAY, sr, 64, "time", g[0], "feedback", 0.0,
                        "mix", 1.0);
                double[] y = x.clone();
                delay.process(y, 0, start);
                delay.setParameter(StageType.globalParamId("time"), g[1]);
                delay.process(y, start, y.length - start);
                for (int n = start - 5; n < y.length; n++) {
                    int k = Math.min(glide, n - start + 1);
                    double d = n < start ? g[0] : g[0] + (g[1] - g[0]) * k / glide;
                    assertEquals(delayed(x, n, d), y[n], 1e-9,
                            "glide " + g[0] + "->" + g[1] + " started " + lead + " before the wrap, frame " + n
                                    + ", delay " + d);
                }
            }
        }
    }

    @Test
    void aPreparedDelayStartsWithTheDocumentedDefaults() {
        // Defaults: time 300 ms (14400 frames at 48 kHz), feedback 0.3, mix 0.3.
        Delay bare = new Delay();
        bare.prepare(new ProcessSpec(48000, 128));
        double[] y = DspTestSupport.run(bare, DspTestSupport.impulse(3 * 14400 + 10), 128);
        DspTestSupport.assertEchoTrain(y, 0.7, 0.3, 0.3, 14400);
    }

    @Test
    void mixAndFeedbackGlideLinearlyOverTwentyMilliseconds() {
        int sr = 48000;
        int ramp = sr / 50;
        // Mix 0.3 -> 1 on a constant input before the first echo (300 ms): out = 1 - mix.
        Delay mixed = new Delay();
        mixed.prepare(new ProcessSpec(sr, 128));
        mixed.setParameter(StageType.globalParamId("mix"), 1.0);
        double[] dc = new double[2 * ramp];
        java.util.Arrays.fill(dc, 1.0);
        double[] y = DspTestSupport.run(mixed, dc, 128);
        for (int n = 0; n < y.length; n++) {
            double mix = 0.3 + 0.7 * Math.min(1.0, (n + 1.0) / ramp);
            assertEquals(1 - mix, y[n], 1e-12, "frame " + n);
        }
        // Feedback 0.3 -> 0.9 with a 1 ms (48 frame) delay: each repeat of an impulse is the one
        // before times the feedback at the frame it was written back.
        Delay fed = new Delay();
        fed.prepare(new ProcessSpec(sr, 128));
        fed.initParameter(Delay.TIME, 1.0);
        fed.initParameter(Delay.MIX, 1.0);
        fed.setParameter(StageType.globalParamId("feedback"), 0.9);
        double[] e = DspTestSupport.run(fed, DspTestSupport.impulse(2 * ramp), 128);
        assertEquals(1.0, e[48], 1e-15, "first echo");
        for (int k = 2; 48 * k < e.length; k++) {
            int written = 48 * (k - 1);
            double fb = 0.3 + 0.6 * Math.min(1.0, (written + 1.0) / ramp);
            assertEquals(fb, e[48 * k] / e[48 * (k - 1)], 1e-9, "repeat " + k);
        }
    }

    @Test
    void eachParameterGlidedToANewValueBehavesExactlyAsAStagePreparedWithThatValueAfterTheGlide() {
        int sr = 48000;
        String[] names = {"time", "feedback", "mix"};
        double[] from = {100, 0.3, 0.3};
        double[] to = {110, 0.8, 0.9};
        Random random = new Random(11);
        double[] x = new double[sr];
        // Silence through the glides (the line holds nothing of them), then a signal.
        int quiet = sr / 5;
        for (int n = quiet; n < x.length; n++) {
            x[n] = random.nextDouble() * 2 - 1;
        }
        for (int k = 0; k < names.length; k++) {
            double[] a = from.clone();
            double[] b = from.clone();
            b[k] = to[k];
            Stage glided = DspTestSupport.build(StageType.DELAY, sr, 128, "time", a[0], "feedback", a[1], "mix", a[2]);
            glided.setParameter(StageType.globalParamId(names[k]), to[k]);
            Stage snapped = DspTestSupport.build(StageType.DELAY, sr, 128, "time", b[0], "feedback", b[1], "mix", b[2]);
            Stage old = DspTestSupport.build(StageType.DELAY, sr, 128, "time", a[0], "feedback", a[1], "mix", a[2]);
            double[] y = DspTestSupport.run(glided, x, 128);
            double[] expected = DspTestSupport.run(snapped, x, 128);
            double[] unchanged = DspTestSupport.run(old, x, 128);
            double oldDiff = 0;
            for (int n = 0; n < x.length; n++) {
                assertEquals(expected[n], y[n], 0.0, names[k] + " frame " + n);
                oldDiff = Math.max(oldDiff, Math.abs(unchanged[n] - expected[n]));
            }
            assertEquals(true, oldDiff > 0.01, names[k] + ": the change is audible (" + oldDiff + ")");
        }
    }

    @Test
    void resetSilencesTheLineAndLandsEveryGlideOnItsTarget() {
        int sr = 48000;
        Random random = new Random(5);
        // Longer than the line (2 s), so every frame of it holds something a reset must clear.
        double[] noise = new double[2 * sr + sr / 10];
        for (int n = 0; n < noise.length; n++) {
            noise[n] = random.nextDouble() * 2 - 1;
        }
        Stage delay = DspTestSupport.build(StageType.DELAY, sr, 128, "time", 50.0, "feedback", 0.7, "mix", 0.5);
        DspTestSupport.run(delay, noise, 128);
        delay.setParameter(StageType.globalParamId("time"), 5.0);
        delay.setParameter(StageType.globalParamId("feedback"), 0.4);
        delay.setParameter(StageType.globalParamId("mix"), 0.8);
        delay.reset();
        // An impulse after the reset: dry 0.2, echoes of 0.8 * 0.4^(k-1) every 5 ms (240 frames,
        // the first ones inside what would have been the 20 ms feedback and mix glides) and exact
        // silence everywhere else (nothing of the noise is left).
        double[] y = DspTestSupport.run(delay, DspTestSupport.impulse(8 * 240 + 10), 128);
        DspTestSupport.assertEchoTrain(y, 0.2, 0.8, 0.4, 240);
    }

    @Test
    void aDecayedFeedbackTailBecomesExactSilenceInsteadOfDenormals() {
        // Feedback 0.5, a 1 ms (48 frame) delay: repeat k of an impulse is 0.5^(k - 1), exact in
        // binary, until it falls under 1e-30 (0.5^100 = 7.9e-31); from then on the line is 0.
        Stage delay = DspTestSupport.build(StageType.DELAY, 48000, 128, "time", 1.0, "feedback", 0.5, "mix", 1.0);
        double[] y = DspTestSupport.run(delay, DspTestSupport.impulse(48 * 200), 128);
        for (int n = 1; n < y.length; n++) {
            double repeat = n % 48 == 0 ? Math.pow(0.5, n / 48 - 1) : 0;
            double expected = repeat >= 1e-30 ? repeat : 0;
            assertEquals(expected, y[n], 0.0, "frame " + n);
        }
        assertEquals(0.0, y[48 * 101], 0.0, "repeat 101 (0.5^100 < 1e-30)");
    }
    @Test
    void timeAndFeedbackGlidesInProgressCarryOnAcrossAHandOverToTwiceTheRate() {
        int sr = 48000;
        int sr2 = 2 * sr;
        // Time 10 -> 20 ms (a 100 ms glide) and feedback 0.2 -> 0.8 (20 ms), both edited 1 s in
        // on the old path and on the new one (built from the same description); the hand-over is
        // 10 ms into them: delay 11 ms, feedback 0.5, so 90 ms and 10 ms of the glides are left.
        int edit = sr;
        int handOver = edit + sr / 100;
        Stage from = DspTestSupport.build(StageType.DELAY, sr, 96, "time", 10.0, "feedback", 0.2, "mix", 1.0);
        Stage to = DspTestSupport.build(StageType.DELAY, sr2, 96, "time", 10.0, "feedback", 0.2, "mix", 1.0);
        double[] silence = new double[handOver];
        for (int off = 0; off < handOver; off += 96) {
            if (off == edit) {
                from.setParameter(StageType.globalParamId("time"), 20.0);
                from.setParameter(StageType.globalParamId("feedback"), 0.8);
            }
            from.process(silence, off, Math.min(96, handOver - off));
        }
        to.setParameter(StageType.globalParamId("time"), 20.0);
        to.setParameter(StageType.globalParamId("feedback"), 0.8);
        assertEquals(true, to.takeStateFrom(from, 0.0));
        // An impulse right after the hand-over. At 96 kHz the delay, in frames, goes on from
        // 1056 to 1920 over the 8640 frames left: d(k) = 1056 + 0.1 k. The echo comes where the
        // read head meets the impulse, k = d(k): frame 1173.3.
        double[] y = DspTestSupport.run(to, DspTestSupport.impulse(3000), 96);
        int peak = 1;
        for (int n = 1; n < 2000; n++) {
            if (Math.abs(y[n]) > Math.abs(y[peak])) {
                peak = n;
            }
        }
        assertEquals(1056 / 0.9, peak, 1.0, "first echo's frame");
        // The feedback goes on from 0.5 to 0.8 over the 960 frames left: the echo's energy
        // written back at frame ~1173 is scaled by 0.8 (the glide is over), recirculating after
        // another d: its second echo's energy over the first's is 0.8^2 (within the pitch
        // bend's change of the impulse's shape, a few percent).
        double e1 = 0, e2 = 0;
        for (int n = peak - 8; n <= peak + 8; n++) {
            e1 += y[n] * y[n];
        }
        int second = 1;
        for (int n = peak + 100; n < y.length; n++) {
            if (Math.abs(y[n]) > Math.abs(y[second])) {
                second = n;
            }
        }
        for (int n = second - 8; n <= second + 8; n++) {
            e2 += y[n] * y[n];
        }
        // The second echo is where the read head meets the first: k - d(k) = 1173.3.
        assertEquals((1056 + 1056 / 0.9) / 0.9, second, 1.0, "second echo's frame");
        assertEquals(0.8, Math.sqrt(e2 / e1), 0.05, "second echo over the first");
    }
}
