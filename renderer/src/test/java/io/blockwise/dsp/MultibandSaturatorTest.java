package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The Linkwitz-Riley split: flat sum, and each band the analytic crossover response. */
class MultibandSaturatorTest {
    private static final int SR = 48000;
    private static final int N = 1 << 16;

    @Test
    void withDrivesZeroAndLevelsOneTheMagnitudeIsFlatWithinATenthOfADecibel() {
        double[][] crossovers = {{200, 3000}, {50, 1000}, {500, 6000}, {123.4, 4321}};
        double worst = 0;
        for (double[] c : crossovers) {
            Stage stage = DspTestSupport.build(StageType.MULTIBAND_SATURATOR, SR, 100, "lowDrive", 0.0,
                    "midDrive", 0.0, "highDrive", 0.0, "lowFreq", c[0], "highFreq", c[1]);
            double[] h = DspTestSupport.run(stage, DspTestSupport.impulse(N), 100);
            for (double f : DspTestSupport.logFrequencies(20, 20000, 30)) {
                double db = DspTestSupport.db(DspTestSupport.dftMagnitude(h, 0, N, f, SR));
                assertEquals(0, db, 0.1, "at " + f + " Hz with crossovers " + c[0] + ", " + c[1]);
                worst = Math.max(worst, Math.abs(db));
            }
        }
        System.out.println("multiband: worst deviation from flat " + worst + " dB");
    }

    @Test
    void eachBandAloneIsItsSquaredButterworthCrossoverResponse() {
        double fl = 200, fh = 3000, q = Math.sqrt(0.5);
        String[] levels = {"lowLevel", "midLevel", "highLevel"};
        for (int band = 0; band < 3; band++) {
            Object[] args = {"lowDrive", 0.0, "midDrive", 0.0, "highDrive", 0.0,
                "lowLevel", band == 0 ? 1.0 : 0.0, "midLevel", band == 1 ? 1.0 : 0.0,
                "highLevel", band == 2 ? 1.0 : 0.0, "lowFreq", fl, "highFreq", fh};
            Stage stage = DspTestSupport.build(StageType.MULTIBAND_SATURATOR, SR, 100, args);
            double[] h = DspTestSupport.run(stage, DspTestSupport.impulse(N), 100);
            for (double f : DspTestSupport.logFrequencies(20, 20000, 30)) {
                double lp = AnalogPrototypes.lowpass(f, fl, q, SR), hp = AnalogPrototypes.highpass(f, fl, q, SR);
                double lph = AnalogPrototypes.lowpass(f, fh, q, SR), hph = AnalogPrototypes.highpass(f, fh, q, SR);
                double expected = band == 0 ? lp * lp : (band == 1 ? hp * hp * lph * lph : hp * hp * hph * hph);
                double measured = DspTestSupport.dftMagnitude(h, 0, N, f, SR);
                if (DspTestSupport.db(expected) > -80) {
                    assertEquals(DspTestSupport.db(expected), DspTestSupport.db(measured), 0.05,
                            levels[band] + " alone at " + f + " Hz");
                }
            }
        }
    }

    @Test
    void driveSaturatesLoudSignalsButKeepsSmallOnesAtUnityGain() {
        Stage stage = DspTestSupport.build(StageType.MULTIBAND_SATURATOR, SR, 128, "lowDrive", 1.0,
                "midDrive", 1.0, "highDrive", 1.0);
        double[] small = DspTestSupport.run(stage, DspTestSupport.sine(1000, 0.001, SR, SR), 128);
        assertEquals(0.001, DspTestSupport.amplitudeAt(small, SR / 2, SR, 1000, SR), 0.001 * 0.01);
        stage.reset();
        double[] loud = DspTestSupport.run(stage, DspTestSupport.sine(1000, 1.0, SR, SR), 128);
        // s(x) = tanh(4x)/4 never exceeds 1/4 per band.
        double peak = 0;
        for (int n = SR / 2; n < SR; n++) {
            peak = Math.max(peak, Math.abs(loud[n]));
        }
        assertEquals(0.25, peak, 0.1);
    }
}
