package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FrequencyMeterTest {

    @Test
    void measuresPureSinesOfKnownFrequencyWithinAThousandthOfACent() {
        SplittableRandom random = new SplittableRandom(7);
        double[] freqs = {27.5, 41.2, 55.123, 123.45, 440, 987.654, 2000.7, 3951.07};
        for (double f : freqs) {
            double phase = random.nextDouble() * 2 * Math.PI;
            double[] x = new double[40000];
            for (int n = 0; n < x.length; n++) {
                x[n] = 0.3 * Math.sin(2 * Math.PI * f * n / 48000 + phase);
            }
            double measured = FrequencyMeter.measure(x, 5000, 32768, 48000, f * 0.96, f * 1.04);
            assertEquals(0, FrequencyMeter.cents(measured, f), 0.001, "sine at " + f + " Hz measured " + measured);
        }
    }

    @Test
    void tellsTwoSinesOneCentApart() {
        double f = 440 * Math.pow(2, 1 / 1200.0);
        double[] x = new double[32768];
        for (int n = 0; n < x.length; n++) {
            x[n] = Math.sin(2 * Math.PI * f * n / 48000);
        }
        double measured = FrequencyMeter.measure(x, 0, x.length, 48000, 420, 460);
        assertEquals(1.0, FrequencyMeter.cents(measured, 440), 0.001);
    }
}
