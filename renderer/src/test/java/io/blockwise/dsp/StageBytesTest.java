package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code bytes()} is the payload of the arrays each stage allocates, from their definitions. */
class StageBytesTest {

    private static long bytes(StageType type, int sr, int block) {
        return DspTestSupport.build(type, sr, block).bytes();
    }

    @Test
    void delayHoldsTwoSecondsPlusFourInterpolationFrames() {
        assertEquals(8L * (96000 + 4), bytes(StageType.DELAY, 48000, 128));
        assertEquals(8L * (88200 + 4), bytes(StageType.DELAY, 44100, 64));
    }

    @Test
    void reverbHoldsItsScaledLinesTheCombMemoriesAndThreeIntTables() {
        int[] tunings = {1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617, 556, 441, 341, 225};
        for (int sr : new int[] {44100, 48000, 96000}) {
            long lines = 0;
            for (int t : tunings) {
                lines += Math.round(t * sr / 44100.0);
            }
            assertEquals(8 * lines + 8 * 8 + 4 * 3 * 12, bytes(StageType.REVERB, sr, 128), "at " + sr);
        }
    }

    @Test
    void filterStagesHoldEighteenDoublesPerSectionPlusTheirBuffers() {
        assertEquals(8L * 18 * 5, bytes(StageType.TONE_STACK, 48000, 128));
        assertEquals(8L * 18 * 16 + 8 * 16, bytes(StageType.EQ, 48000, 128));
        // Nine sections plus the low- and high-band scratch buffers of one block each.
        assertEquals(8L * 18 * 9 + 2 * 8 * 300, bytes(StageType.MULTIBAND_SATURATOR, 48000, 300));
    }

    @Test
    void stagesWithoutArraysReportZero() {
        for (StageType t : new StageType[] {StageType.COMPRESSOR, StageType.NOISE_GATE, StageType.POWER_AMP,
            StageType.TREMOLO, StageType.LEVEL, StageType.PREAMP}) {
            assertEquals(0, bytes(t, 48000, 128), t.formatName());
        }
    }

    @Test
    void theOversamplerCountsTapsHistoriesWorkBuffersAndPad() {
        for (int factor : new int[] {2, 4, 8, 16}) {
            int block = 100;
            Oversampler os = new Oversampler(factor, block);
            long expected = 0;
            long topSamples = 0;
            int stages = Integer.numberOfTrailingZeros(factor);
            double[][] phases = os.evenPhases();
            for (int s = 0; s < stages; s++) {
                int m = phases[s].length - 1;
                int in = block << s;
                // g (M+1), 2g half (M+1)/2, up history M + in, down even M + in, down odd (M+1)/2 + in.
                expected += 8L * ((m + 1) + (m + 1) / 2 + (m + in) + (m + in) + ((m + 1) / 2 + in));
                topSamples += (long) m << (stages - s);
            }
            long pad = (factor - topSamples % factor) % factor;
            expected += 8 * pad + (stages > 1 ? 2 * 8L * block * factor / 2 : 0);
            assertEquals(expected, os.bytes(), factor + "x");
            assertEquals((topSamples + pad) / factor, os.latencyFrames(), factor + "x latency");
        }
    }
}
