package io.blockwise.dsp;

import static io.blockwise.dsp.DynamicsTestSupport.SR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Parameter glides of the compressor and the tremolo, against a stage prepared with the value the
 * glide reaches (once the 20 ms glide is over, the two must behave alike frame for frame) and, for
 * the tremolo's rate, against the LFO's period {@code sampleRate / rate}.
 */
class CompressorAndTremoloGlidesTest {
    private static final int BLOCK = 128;
    private static final String[] COMPRESSOR_PARAMS = {"threshold", "ratio", "attack", "release", "makeup"};

    private static Stage compressor(double[] v) {
        Object[] pairs = new Object[2 * v.length];
        for (int i = 0; i < v.length; i++) {
            pairs[2 * i] = COMPRESSOR_PARAMS[i];
            pairs[2 * i + 1] = v[i];
        }
        return DspTestSupport.build(StageType.COMPRESSOR, SR, BLOCK, pairs);
    }

    @Test
    void eachCompressorParameterGlidedToAValueBehavesExactlyAsACompressorPreparedWithItOnceTheGlideIsOver() {
        double[] base = {-20, 4, 10, 100, 0};
        double[] changed = {-30, 8, 30, 300, 6};
        // Quiet (-50 dBFS, under both thresholds: no gain reduction, so the gain follower of both
        // stays exactly at rest) while the glide runs, then loud (attack), then medium (release).
        int[] starts = {0, (int) (0.3 * SR), (int) (0.8 * SR)};
        double[] x = DynamicsTestSupport.steppedSine((int) (1.3 * SR), starts, new double[] {-50, -5, -25});
        int from = (int) (0.05 * SR); // after the 20 ms glide
        for (int k = 0; k < base.length; k++) {
            Stage glided = compressor(base);
            assertEquals(Stage.PARAM_APPLIED, glided.setParameter(StageType.globalParamId(COMPRESSOR_PARAMS[k]), changed[k]));
            double[] y = DspTestSupport.run(glided, x, BLOCK);
            double[] v = base.clone();
            v[k] = changed[k];
            double[] expected = DspTestSupport.run(compressor(v), x, BLOCK);
            double[] old = DspTestSupport.run(compressor(base), x, BLOCK);
            DspTestSupport.assertEndsAsPrepared(COMPRESSOR_PARAMS[k], expected, y, old, from, 1e-12, 1e-4);
        }
    }

    private static Stage tremolo(double rate, double depth, double shape) {
        return DspTestSupport.build(StageType.TREMOLO, SR, BLOCK, "rate", rate, "depth", depth, "shape", shape);
    }

    @Test
    void aTremoloDepthOrShapeGlidedToAValueModulatesExactlyAsOnePreparedWithItOnceTheGlideIsOver() {
        double[] ones = new double[SR]; // a constant input: the output is the tremolo's gain
        Arrays.fill(ones, 1.0);
        int from = (int) (0.03 * SR);
        String[] names = {"depth", "shape"};
        double[][] prepared = {{5, 0.9, 0}, {5, 0.5, 0.7}};
        for (int k = 0; k < names.length; k++) {
            Stage glided = tremolo(5, 0.5, 0);
            assertEquals(Stage.PARAM_APPLIED, glided.setParameter(StageType.globalParamId(names[k]), prepared[k][k + 1]));
            double[] y = DspTestSupport.run(glided, ones, BLOCK);
            double[] expected = DspTestSupport.run(tremolo(prepared[k][0], prepared[k][1], prepared[k][2]), ones, BLOCK);
            double[] old = DspTestSupport.run(tremolo(5, 0.5, 0), ones, BLOCK);
            DspTestSupport.assertEndsAsPrepared(names[k], expected, y, old, from, 1e-12, 1e-3);
        }
    }

    @Test
    void aTremoloRateGlidedToEightHertzRepeatsEverySixThousandFramesOnceTheGlideIsOver() {
        double[] ones = new double[SR];
        Arrays.fill(ones, 1.0);
        Stage t = tremolo(2, 1, 0);
        assertEquals(Stage.PARAM_APPLIED, t.setParameter(StageType.globalParamId("rate"), 8.0));
        double[] gain = DspTestSupport.run(t, ones, BLOCK);
        // At depth 1 the gain is 1 - (1 - sin)/2: its minima (the LFO's bottom) come once a period.
        int last = -1;
        int minima = 0;
        for (int n = SR / 10 + 1; n < SR - 1; n++) {
            if (gain[n] < gain[n - 1] && gain[n] <= gain[n + 1] && gain[n] < 0.01) {
                if (last >= 0) {
                    assertEquals(SR / 8.0, n - last, 1.0, "period between minima at frames " + last + " and " + n);
                }
                last = n;
                minima++;
            }
        }
        assertTrue(minima >= 6, "minima seen: " + minima);
    }
}
