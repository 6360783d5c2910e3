package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The up path's latency, which the oversampling hand-over shifts stage state by, measured: an
 * impulse upsampled comes out as a pulse symmetric about its delay (the half-band filters are
 * linear-phase), so the pulse's energy centroid is the latency; and twice it is the round trip
 * less the pad that the up path alone carries.
 */
class OversamplerUpLatencyTest {

    @ParameterizedTest(name = "{0}x")
    @ValueSource(ints = {2, 4, 8, 16})
    void anImpulseLeavesTheUpPathCentredOnItsLatency(int factor) {
        int block = 256;
        Oversampler os = new Oversampler(factor, block);
        double[] in = new double[block];
        in[0] = 1;
        double[] up = new double[block * factor];
        os.upsample(in, 0, block, up);
        double e = 0;
        double moment = 0;
        for (int i = 0; i < up.length; i++) {
            e += up[i] * up[i];
            moment += i * up[i] * up[i];
        }
        assertEquals(moment / e / factor, os.upLatencyFrames(), 1e-6);
        // The round trip is the up path plus a down path no longer than it (the down path has no pad).
        double down = os.latencyFrames() - os.upLatencyFrames();
        assertEquals(true, down > 0 && down <= os.upLatencyFrames(), "down " + down + ", up " + os.upLatencyFrames());
    }
}
