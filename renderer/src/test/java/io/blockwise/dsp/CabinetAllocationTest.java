package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The audio-thread rule for the cabinet: swaps, fades, clears, gain and bypass changes and
 * {@code retireAll}, all inside the measured scope, allocate nothing. The convolvers are built
 * before the scope (control thread); the JVM is primed on a throwaway cabinet running the same
 * script with other convolvers.
 */
class CabinetAllocationTest {
    private static final int BLOCK = 128;

    private static void script(Cabinet cab, CabinetTest.RecordingRetirer r, Convolver a, Convolver b,
                               Convolver c, double[] buf) {
        for (int block = 0; block < 400; block++) {
            r.block = block;
            switch (block) {
                case 0: cab.install(a, 0); break;
                case 20: cab.install(b, 1000); break;
                case 23: cab.install(c, 300); break;       // during a fade: c waits for its end
                case 40: cab.setGain(0.4); break;
                case 60: cab.setBypassed(true); break;
                case 80: cab.setBypassed(false); break;
                case 100: cab.clear(500); break;
                case 120: cab.setGain(1.7); break;
                default: break;
            }
            cab.process(buf, 0, BLOCK);
        }
        cab.retireAll();
    }

    private static Convolver convolver(long seed) {
        return new Convolver(DirectConvolution.noise(seed, 48000), BLOCK);
    }

    @Test
    void installClearGainAndBypassAllocateNothingOnTheAudioThread() {
        double[] buf = DirectConvolution.noise(1, BLOCK);
        for (int i = 0; i < 3; i++) {
            CabinetTest.RecordingRetirer primeRetirer = new CabinetTest.RecordingRetirer();
            script(new Cabinet(48000, BLOCK, primeRetirer), primeRetirer, convolver(2), convolver(3), convolver(4), buf);
        }

        CabinetTest.RecordingRetirer r = new CabinetTest.RecordingRetirer();
        Cabinet cab = new Cabinet(48000, BLOCK, r);
        Convolver a = convolver(5);
        Convolver b = convolver(6);
        Convolver c = convolver(7);
        AllocationMeter.allocated();
        long before = AllocationMeter.allocated();
        script(cab, r, a, b, c, buf);
        long after = AllocationMeter.allocated();
        assertEquals(0, after - before, "bytes allocated by the cabinet");
        assertEquals(3, r.count, "a, b and c retired");
    }
}
