package io.blockwise.dsp;

import java.util.Arrays;

/**
 * The work one {@link PartitionLevel} does per period, as a fixed list of small units with their
 * estimated costs, built once on the control thread: the forward transform of the input window
 * (leaves, then join passes from the deepest level up), one multiply-accumulate per partition,
 * the inverse (split passes, then leaves that add their second half to the output). Passes and
 * products are cut into slices as long as a leaf, so every unit costs about the same, a few
 * microseconds. Immutable after construction; the audio thread only reads it.
 */
final class UnitProgram {
    static final byte FORWARD_LEAF = 0, COMBINE = 1, MAC = 2, SPLIT = 3, INVERSE_LEAF = 4;

    /** Unit kinds. */
    final byte[] op;
    /** Leaf index (leaves), decomposition level (passes) or partition (products). */
    final int[] arg0;
    /** Block of the level (passes). */
    final int[] arg1;
    /** First k (passes) or bin (products) of the slice. */
    final int[] arg2;
    /** One past the last k or bin of the slice. */
    final int[] arg3;
    /** Estimated cost of units 0..u inclusive, in {@link ConvolverCost} units. */
    final long[] cumulativeCost;

    private int size;

    /** Control thread. The program of a level of {@code count} partitions using {@code fft}. */
    UnitProgram(SplitRealFft fft, int count) {
        int hop = fft.size / 2;
        int slice = fft.leafSize;
        int leaves = 1 << fft.depth;
        int passUnits = 0;
        for (int j = 0; j < fft.depth; j++) {
            passUnits += (1 << j) * ceilDiv(fft.passLength(j), slice);
        }
        int n = 2 * leaves + 2 * passUnits + count * ceilDiv(hop, slice);
        op = new byte[n];
        arg0 = new int[n];
        arg1 = new int[n];
        arg2 = new int[n];
        arg3 = new int[n];
        cumulativeCost = new long[n];
        long leafCost = ConvolverCost.leaf(fft.leafSize);
        for (int leaf = 0; leaf < leaves; leaf++) {
            add(FORWARD_LEAF, leaf, 0, 0, 0, leafCost);
        }
        for (int j = fft.depth - 1; j >= 0; j--) {
            addPass(COMBINE, j, fft.passLength(j), slice);
        }
        for (int p = 0; p < count; p++) {
            for (int q = 0; q < hop; q += slice) {
                int q1 = Math.min(hop, q + slice);
                add(MAC, p, 0, q, q1, ConvolverCost.mac(q1 - q));
            }
        }
        for (int j = 0; j < fft.depth; j++) {
            addPass(SPLIT, j, fft.passLength(j), slice);
        }
        for (int leaf = 0; leaf < leaves; leaf++) {
            add(INVERSE_LEAF, leaf, 0, 0, 0, leafCost);
        }
        assert size == n;
    }

    /** Any thread. Number of units. */
    int length() {
        return op.length;
    }

    /** Any thread. Estimated cost of the whole program. */
    long totalCost() {
        return cumulativeCost[op.length - 1];
    }

    /** Any thread. Payload bytes of the arrays. */
    long bytes() {
        return op.length * (1L + 4 * 4 + 8);
    }

    private void addPass(byte code, int j, int length, int slice) {
        for (int blk = 0; blk < (1 << j); blk++) {
            for (int k = 0; k < length; k += slice) {
                int k1 = Math.min(length, k + slice);
                add(code, j, blk, k, k1, ConvolverCost.pass(k1 - k));
            }
        }
    }

    private void add(byte code, int x0, int x1, int x2, int x3, long cost) {
        op[size] = code;
        arg0[size] = x0;
        arg1[size] = x1;
        arg2[size] = x2;
        arg3[size] = x3;
        cumulativeCost[size] = (size == 0 ? 0 : cumulativeCost[size - 1]) + Math.max(1, cost);
        size++;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
