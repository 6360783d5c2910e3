package io.blockwise.dsp;

import java.util.Arrays;

/**
 * The first taps of the impulse response as a direct-form FIR, which is what makes the convolver
 * latency-free for chunks that end mid-way: output frame t gets
 * {@code h[0..taps) * x[t - taps + 1 .. t]} before any FFT partition has a complete window.
 * (Whole aligned chunks get the same taps by FFT, see {@link PartitionLevel#addHead}; then the
 * delay line only {@linkplain #skip takes the input}.) It works on chunks of at most {@code maxChunk} frames: the
 * loop over taps is outside and the loop over frames inside, so the inner loop has no
 * floating-point dependency chain and C2 can vectorise it.
 *
 * <p>Owned by one {@link Convolver}: built on the control thread, then audio thread only.
 */
final class HeadFir {
    private final double[] taps;
    // The last taps - 1 input frames, then the current chunk.
    private final double[] line;

    /** Control thread. */
    HeadFir(double[] ir, int length, int maxChunk) {
        taps = Arrays.copyOf(ir, length);
        line = new double[length - 1 + maxChunk];
    }

    /** Any thread. */
    long bytes() {
        return 8L * (taps.length + line.length);
    }

    /**
     * Audio thread only. {@code out[outOff..+n) = (h_head * x)} for the {@code n} new frames in
     * {@code in[inOff..+n)}. The input is copied before the output is written, so {@code in} and
     * {@code out} may be the same array.
     */
    void process(double[] in, int inOff, double[] out, int outOff, int n) {
        int past = taps.length - 1;
        System.arraycopy(in, inOff, line, past, n);
        double h0 = taps[0];
        for (int i = 0; i < n; i++) {
            out[outOff + i] = h0 * line[past + i];
        }
        for (int m = 1; m <= past; m++) {
            double hm = taps[m];
            int base = past - m;
            for (int i = 0; i < n; i++) {
                out[outOff + i] += hm * line[base + i];
            }
        }
        System.arraycopy(line, n, line, 0, past);
    }

    /**
     * Audio thread only. Takes {@code n} new input frames into the delay line without computing
     * output (the convolver computed this chunk's head another way).
     */
    void skip(double[] in, int inOff, int n) {
        int past = taps.length - 1;
        System.arraycopy(in, inOff, line, past, n);
        System.arraycopy(line, n, line, 0, past);
    }

    /** Audio thread only. */
    void reset() {
        Arrays.fill(line, 0.0);
    }
}
