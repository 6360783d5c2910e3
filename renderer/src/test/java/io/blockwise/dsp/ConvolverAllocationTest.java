package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The audio-thread rule for the convolver: a fresh instance, measured from its very first block,
 * allocates nothing. The JVM is primed on a different, throwaway instance of the same shape
 * (class loading, JTransforms' code, C2 compiles of the same methods), never on the one measured.
 */
class ConvolverAllocationTest {

    @ParameterizedTest(name = "block {0}")
    @ValueSource(ints = {128, 441, 4096})
    void aFreshConvolverProcessing500BlocksAllocatesNothing(int block) {
        // 5 s at 48 kHz: partitions up to 16384 taps, whose FFTs are split into leaves.
        double[] ir = DirectConvolution.noise(1, 240000);
        double[] in = DirectConvolution.noise(2, block);
        double[] out = new double[block];

        Convolver throwaway = new Convolver(ir, block);
        for (int i = 0; i < 3000; i++) {
            throwaway.process(in, out, 0, block);
        }
        throwaway.reset();

        Convolver fresh = new Convolver(ir, block);
        AllocationMeter.allocated();
        long before = AllocationMeter.allocated();
        for (int i = 0; i < 500; i++) {
            fresh.process(in, out, 0, block);
        }
        fresh.reset();
        for (int i = 0; i < 10; i++) {
            fresh.process(in, out, 0, block);
        }
        long after = AllocationMeter.allocated();
        assertEquals(0, after - before, "bytes allocated by process and reset");
    }
}
