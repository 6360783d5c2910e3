package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The delay against its definition: echo position to the frame and geometric repeats. */
class DelayTest {

    @Test
    void anImpulsesEchoesArriveExactlyAtRoundedTimeAndEachIsFeedbackTimesTheLast() {
        int[] rates = {48000, 44100};
        double[] timesMs = {1, 10.3, 20.01, 250, 333.3333, 1234.567, 2000};
        double feedback = 0.63;
        for (int sr : rates) {
            for (double t : timesMs) {
                long d = Math.round(t * sr / 1000);
                int repeats = (int) Math.min(6, (4L * sr) / d);
                int frames = (int) (d * repeats + 10);
                Stage delay = DspTestSupport.build(StageType.DELAY, sr, 97, "time", t, "feedback", feedback, "mix", 1.0);
                double[] y = DspTestSupport.run(delay, DspTestSupport.impulse(frames), 97);
                for (int n = 0; n < frames; n++) {
                    if (n > 0 && n % d == 0) {
                        int k = (int) (n / d);
                        double expected = Math.pow(feedback, k - 1);
                        assertEquals(expected, y[n], expected * 1e-9, "echo " + k + " of " + t + " ms at " + sr);
                        if (k > 1) {
                            assertEquals(feedback, y[n] / y[(int) (n - d)], 1e-9, "repeat ratio");
                        }
                    } else {
                        assertEquals(0, y[n], 0.0, "frame " + n + " of " + t + " ms at " + sr + " (echo at " + d + ")");
                    }
                }
            }
        }
    }

    @Test
    void mixBlendsDryAndWetLinearly() {
        Stage delay = DspTestSupport.build(StageType.DELAY, 48000, 64, "time", 1.0, "feedback", 0.0, "mix", 0.3);
        double[] y = DspTestSupport.run(delay, DspTestSupport.impulse(100), 64);
        assertEquals(0.7, y[0], 1e-15);
        assertEquals(0.3, y[48], 1e-15);
    }

    @Test
    void aTimeChangeMovesTheEchoContinuouslyToItsNewPlace() {
        int sr = 48000;
        Stage delay = DspTestSupport.build(StageType.DELAY, sr, 128, "time", 100.0, "feedback", 0.0, "mix", 1.0);
        double[] x = DspTestSupport.sine(200, 0.5, sr, sr);
        double[] y = x.clone();
        int change = sr / 4;
        for (int off = 0; off < y.length; off += 128) {
            if (off == change - change % 128) {
                delay.setParameter(StageType.globalParamId("time"), 110.0);
            }
            delay.process(y, off, Math.min(128, y.length - off));
        }
        // Well after the glide the output is the input exactly 110 ms (5280 frames) late.
        for (int n = sr / 2; n < sr; n++) {
            assertEquals(x[n - 5280], y[n], 1e-12);
        }
    }
}
