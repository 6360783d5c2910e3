package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The convolver as an engine resource: kind, size accounting, limits. */
class ConvolverResourceTest {

    @Test
    void itIsAConvolverResourceOfItsIrLength() {
        Convolver c = new Convolver(DirectConvolution.noise(1, 1234), 128);
        assertEquals("convolver", c.kind());
        assertEquals(1234, c.irLength());
        assertEquals(128, c.maxBlockFrames());
    }

    /**
     * Every tap past the head lives in two spectra of twice a partition's length (the IR's and
     * the input's), so the payload is at least 4 doubles (32 bytes) per tap; the rings, scratch
     * and partial last partitions add a bounded amount on top.
     */
    @Test
    void bytesAreDeterministicAndAboutFourDoublesPerTap() {
        for (int length : new int[] {48000, 240000, 480000}) {
            double[] ir = DirectConvolution.noise(length, length);
            long a = new Convolver(ir, 128).bytes();
            long b = new Convolver(ir, 128).bytes();
            assertEquals(a, b);
            assertTrue(a >= 32L * (length - 64), length + ": " + a);
            assertTrue(a <= 64L * length + 4_000_000, length + ": " + a);
        }
    }

    @Test
    void irsBeyondTenSecondsAt192kHzAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Convolver(new double[Convolver.MAX_IR_LENGTH + 1], 128));
        assertThrows(IllegalArgumentException.class, () -> new Convolver(new double[0], 128));
        assertThrows(IllegalArgumentException.class, () -> new Convolver(new double[10], 0));
    }
}
