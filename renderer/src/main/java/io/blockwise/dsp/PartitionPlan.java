package io.blockwise.dsp;

import java.util.ArrayList;
import java.util.List;

/**
 * How an impulse response is cut into partitions (non-uniform partitioning after Gardner, 1995,
 * with the size choice optimised as in Garcia, 2002). Taps {@code [0, head)} are a direct FIR;
 * every later tap belongs to one {@link Segment}: {@code count} partitions of {@code hop} taps
 * sharing one frequency-domain delay line, the first starting at tap {@code firstTap}.
 *
 * <p>The rule that makes the schedule work. A segment of hop N runs an overlap-save FFT of size
 * 2N over the input window that ends at each multiple of N, and the result is due
 * {@code firstTap - N} frames after that window ends. The first segment has hop {@code head}
 * and {@code firstTap = head}: due at once, it is computed in the block where its window ends
 * ("instant"). Every later segment starts at {@code firstTap >= 2N}, which leaves a whole hop of
 * N frames between the window's end and the deadline, across which its work is spread.
 *
 * <p>The sizes. Candidate hops are the powers of two from {@code 2 head} to {@code maxHop}; for
 * each of the (at most a few hundred) increasing subsets, every segment gets the fewest
 * partitions that carry the IR to where the next size may start (twice its hop), the last one
 * whatever is left, and the plan with the least estimated cost per sample
 * ({@link ConvolverCost}) wins. A larger hop costs one more FFT pair per period but makes each
 * partition cheaper per sample, so long IRs climb to large hops in a few steps (a 1 s IR at
 * 48 kHz: {@code fir 64 | 7x64* | 6x512 | 10x4096}, about twenty partitions where uniform
 * 128-frame partitioning needs 375).
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

    /** Control thread. The cheapest plan for an IR of {@code irLength} taps. */
    static PartitionPlan of(int irLength, int head, int maxHop, int maxLeaf) {
        if (irLength < 1) {
            throw new IllegalArgumentException("IR length " + irLength + " must be at least 1");
        }
        if (Integer.bitCount(head) != 1 || Integer.bitCount(maxHop) != 1 || maxHop < head) {
            throw new IllegalArgumentException(
                    "head " + head + " and maxHop " + maxHop + " must be powers of two, head <= maxHop");
        }
        if (irLength <= head) {
            return new PartitionPlan(irLength, head, List.of());
        }
        int candidates = Math.max(0, ConvolverCost.log2(maxHop) - ConvolverCost.log2(head));
        List<Segment> best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int subset = 0; subset < (1 << candidates); subset++) {
            List<Segment> plan = build(irLength, head, subset, candidates);
            if (plan != null) {
                double cost = costPerSample(plan, maxLeaf);
                if (cost < bestCost) {
                    bestCost = cost;
                    best = plan;
                }
            }
        }
        return new PartitionPlan(irLength, head, List.copyOf(best));
    }

    /**
     * The segments for one choice of spread hops (bit i of {@code subset}: hop {@code head << (i +
     * 1)}), or null when the IR ends before the last chosen size is reached.
     */
    private static List<Segment> build(int irLength, int head, int subset, int candidates) {
        List<Segment> plan = new ArrayList<>();
        int hop = head;
        long tap = head;
        boolean first = true;
        for (int i = 0; i <= candidates; i++) {
            if (i > 0 && (subset & (1 << (i - 1))) == 0) {
                continue;
            }
            int size = head << i;
            if (tap >= irLength) {
                return null;
            }
            if (!first) {
                // Close the previous segment where this one may start: 2 x its hop.
                int count = (int) ceilDiv(2L * size - tap, hop);
                plan.add(new Segment(hop, tap, count, plan.isEmpty()));
                tap += (long) count * hop;
                if (tap >= irLength) {
                    return null;
                }
            }
            first = false;
            hop = size;
        }
        int count = (int) ceilDiv(irLength - tap, hop);
        plan.add(new Segment(hop, tap, count, plan.isEmpty()));
        return plan;
    }

    private static double costPerSample(List<Segment> plan, int maxLeaf) {
        double cost = 0;
        for (int i = 0; i < plan.size(); i++) {
            Segment s = plan.get(i);
            cost += ConvolverCost.period(s.hop(), s.count(), maxLeaf) / (double) s.hop();
        }
        return cost;
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

    /** Control thread. E.g. {@code "fir 64 | 7x64* | 6x512 | 2x4096"} (* = instant). */
    String describe() {
        StringBuilder sb = new StringBuilder("fir ").append(firLength());
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
