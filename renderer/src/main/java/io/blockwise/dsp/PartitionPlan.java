package io.blockwise.dsp;

import java.util.ArrayList;
import java.util.List;

/**
 * How an impulse response is cut into partitions (non-uniform partitioning after Gardner, 1995,
 * and Garcia, 2002). Taps {@code [0, head)} are a direct FIR; every later tap belongs to one
 * {@link Segment}: {@code count} partitions of {@code hop} taps sharing one frequency-domain delay
 * line, the first starting at tap {@code firstTap}.
 *
 * <p>Why the sizes are what they are. A segment of hop N runs an overlap-save FFT of size 2N over
 * the input window that ends at each multiple of N; the result is due {@code firstTap - N} frames
 * after that window ends. The first segment has hop {@code head} and {@code firstTap = head}: its
 * result is due at once, so it is computed in the block where its window completes ("instant").
 * Every later segment starts at {@code firstTap >= 2N}, which leaves a whole hop of N frames
 * between the window's end and the deadline, across which its work is spread. Sizes double from
 * segment to segment, each used {@code perSize} times (at least 2, which keeps
 * {@code firstTap >= 2N} true for the next size), until the rest of the IR fits in
 * {@code perSize} partitions of the current size or the size reaches {@code maxHop}; the last
 * segment then takes whatever is left.
 *
 * @param head the direct FIR's length (shorter when the IR is), the hop of the instant segment
 *     and the convolver's internal block (a power of two)
 */
record PartitionPlan(int irLength, int head, List<Segment> segments) {

    /** One size class: {@code count} partitions of {@code hop} taps from tap {@code firstTap}. */
    record Segment(int hop, long firstTap, int count, boolean instant) {
        /** Any thread. One past the last tap this segment covers. */
        long endTap() {
            return firstTap + (long) count * hop;
        }
    }

    /** Control thread. Plans an IR of {@code irLength} taps. Sizes must be powers of two. */
    static PartitionPlan of(int irLength, int head, int maxHop, int perSize) {
        if (irLength < 1) {
            throw new IllegalArgumentException("IR length " + irLength + " must be at least 1");
        }
        if (Integer.bitCount(head) != 1 || Integer.bitCount(maxHop) != 1 || maxHop < head || perSize < 2) {
            throw new IllegalArgumentException("head " + head + " and maxHop " + maxHop
                    + " must be powers of two with head <= maxHop, perSize " + perSize + " at least 2");
        }
        List<Segment> segments = new ArrayList<>();
        if (irLength <= head) {
            return new PartitionPlan(irLength, head, List.of());
        }
        // The instant segment must reach 4 * head, where the first spread segment (hop 2 * head)
        // may start.
        long tap = head;
        int count = (int) Math.min(Math.max(3, perSize), ceilDiv(irLength - tap, head));
        segments.add(new Segment(head, tap, count, true));
        tap += (long) count * head;
        int hop = 2 * head;
        while (tap < irLength) {
            long rest = irLength - tap;
            count = hop >= maxHop || rest <= (long) perSize * hop ? (int) ceilDiv(rest, hop) : perSize;
            segments.add(new Segment(hop, tap, count, false));
            tap += (long) count * hop;
            if (hop < maxHop) {
                hop *= 2;
            }
        }
        return new PartitionPlan(irLength, head, List.copyOf(segments));
    }

    /** Any thread. Taps of the direct FIR: {@code min(irLength, head)}. */
    int firLength() {
        return Math.min(irLength, head);
    }

    /** Any thread. The hop of the largest segment ({@code head} when there is none). */
    int largestHop() {
        int max = head;
        for (int i = 0; i < segments.size(); i++) {
            max = Math.max(max, segments.get(i).hop());
        }
        return max;
    }

    /** Any thread. The largest {@code firstTap} (0 when there is no segment). */
    long latestStart() {
        long max = 0;
        for (int i = 0; i < segments.size(); i++) {
            max = Math.max(max, segments.get(i).firstTap());
        }
        return max;
    }

    /** Control thread. E.g. {@code "fir 64 | 3x64* | 2x128 | 2x256 | 1x512"} (* = instant). */
    String describe() {
        StringBuilder sb = new StringBuilder("fir ").append(head);
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            sb.append(" | ").append(s.count()).append('x').append(s.hop()).append(s.instant() ? "*" : "");
        }
        return sb.toString();
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
