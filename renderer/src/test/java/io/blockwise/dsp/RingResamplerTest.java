package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link RingResampler#copyAhead}: a ring copied ahead of the hand-over in parts, while both rings
 * go on running, ends exactly (bit for bit) as the one-shot {@link RingResampler#copy} at the
 * hand-over leaves it. The reference is a twin of the target ring that receives the same samples
 * from its own stage and only the one-shot copy at T.
 */
class RingResamplerTest {
    static final int BASE = 1000;
    static final int[] FACTORS = {1, 2, 4, 8, 16};

    /** A ring inside a larger array, with its next write and the rate it runs at. */
    static final class Ring {
        final double[] a;
        final int start;
        final int length;
        final int factor;
        int write;

        Ring(SplittableRandom r, int length, int factor) {
            this.start = r.nextInt(4);
            this.length = length;
            this.factor = factor;
            this.a = new double[start + length + r.nextInt(4)];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextDouble(-1, 1);
            }
            write = r.nextInt(length);
        }

        Ring(Ring other) {
            a = other.a.clone();
            start = other.start;
            length = other.length;
            factor = other.factor;
            write = other.write;
        }

        /** The stage runs one engine frame: {@code factor} new samples. */
        void run(SplittableRandom r) {
            for (int i = 0; i < factor; i++) {
                a[start + write] = r.nextDouble(-1, 1);
                write = write + 1 == length ? 0 : write + 1;
            }
        }
    }

    @Test
    void aRingCopiedAheadInRandomPartsWhileBothRingsRunEndsBitForBitAsTheOneShotCopyAtTheHandOver() {
        SplittableRandom r = new SplittableRandom(20261205);
        long work = 0;
        long ahead = 0;
        int cases = 0;
        for (int ff : FACTORS) {
            for (int tf : FACTORS) {
                for (int trial = 0; trial < 12; trial++) {
                    // Lags of up to 3 engine frames either way, and none.
                    double lagSeconds = trial % 3 == 0 ? 0 : r.nextDouble(-3, 3) / BASE;
                    long[] done = handOver(r, ff, tf, lagSeconds);
                    work += done[0];
                    ahead += done[1];
                    cases++;
                }
            }
        }
        // The work ahead is most of it (the rest is the ages the rings still write in the last
        // part), so the comparison is not of two one-shot copies.
        System.out.printf("%d hand-overs: %d of %d samples copied ahead%n", cases, ahead, work);
        assertTrue(ahead > 0.5 * work, ahead + " of " + work + " copied ahead");
    }

    /** One hand-over from a ring at {@code ff} x BASE to one at {@code tf} x BASE; returns {work, done ahead}. */
    private static long[] handOver(SplittableRandom r, int ff, int tf, double lagSeconds) {
        Ring from = new Ring(r, ff * (20 + r.nextInt(200)), ff);
        Ring to = new Ring(r, tf * (20 + r.nextInt(200)), tf);
        Ring reference = new Ring(to);
        int maxAge = switch (r.nextInt(3)) {
            case 0 -> to.length;
            case 1 -> 1 + r.nextInt(to.length);
            default -> to.length + 1 + r.nextInt(10);
        };
        int next = Math.min(to.length, maxAge);
        int work = next;
        long ahead = 0;
        int warmUp = 1 + r.nextInt(300);
        int left = warmUp;
        while (left > 0) {
            // A part at the start of each block, of a random budget, then the block's frames.
            int block = 1 + r.nextInt(Math.min(left, 24));
            int budget = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(4 * tf * block + 50);
            int low = Math.max(1, next - budget + 1);
            int stop = RingResampler.copyAhead(from.a, from.start, from.length, from.write, ff * BASE,
                    to.a, to.start, to.length, to.write, tf * BASE, lagSeconds, low, next,
                    (long) left * tf, (long) left * ff);
            assertTrue(stop >= low - 1 && stop <= next, "stopped at " + stop + " in [" + low + ", " + next + "]");
            ahead += next - stop;
            next = stop;
            for (int f = 0; f < block; f++) {
                from.run(r);
                long seed = r.nextLong();
                to.run(new SplittableRandom(seed));
                reference.run(new SplittableRandom(seed)); // the same samples from the same stage
            }
            left -= block;
        }
        RingResampler.copy(from.a, from.start, from.length, from.write, ff * BASE,
                to.a, to.start, to.length, to.write, tf * BASE, lagSeconds, next);
        RingResampler.copy(from.a, from.start, from.length, from.write, ff * BASE,
                reference.a, reference.start, reference.length, reference.write, tf * BASE, lagSeconds, maxAge);
        assertArrayEquals(reference.a, to.a, () -> ff + "x to " + tf + "x, lag " + lagSeconds * BASE + " frames");
        return new long[] {work, ahead};
    }

    @Test
    void aCopyAtTheHandOverWithNoRingRunningCopiesEveryAgeInOnePart() {
        // Shifts 0 and 0: copyAhead is the one-shot copy, in parts of any size.
        SplittableRandom r = new SplittableRandom(7);
        Ring from = new Ring(r, 300, 2);
        Ring to = new Ring(r, 1200, 8);
        Ring reference = new Ring(to);
        int next = to.length;
        while (next > 0) {
            int low = Math.max(1, next - 1 - r.nextInt(100));
            int stop = RingResampler.copyAhead(from.a, from.start, from.length, from.write, 2 * BASE,
                    to.a, to.start, to.length, to.write, 8 * BASE, 0.5 / BASE, low, next, 0, 0);
            assertEquals(low - 1, stop, "nothing is unsafe when neither ring runs before the hand-over");
            next = stop;
        }
        RingResampler.copy(from.a, from.start, from.length, from.write, 2 * BASE,
                reference.a, reference.start, reference.length, reference.write, 8 * BASE, 0.5 / BASE, to.length);
        assertArrayEquals(reference.a, to.a);
    }

    @Test
    void aCopyAheadStopsAtTheFirstAgeTheTargetStillWritesItself() {
        // Same rate, no lag: target age k reads source age k. With 10 frames to run before the
        // hand-over at 4x, the target still writes ages 40 down to 1 and the source has not yet
        // written its ages 40 down to 1 either; so the copy stops at 40 and writes nothing there.
        SplittableRandom r = new SplittableRandom(3);
        Ring from = new Ring(r, 400, 4);
        Ring to = new Ring(r, 400, 4);
        double[] before = to.a.clone();
        int stop = RingResampler.copyAhead(from.a, from.start, from.length, from.write, 4 * BASE,
                to.a, to.start, to.length, to.write, 4 * BASE, 0, 1, 400, 40, 40);
        assertEquals(40, stop);
        for (int k = 1; k <= 400; k++) {
            int toSlot = to.start + Math.floorMod(to.write + 40 - k, to.length);
            int fromSlot = from.start + Math.floorMod(from.write + 40 - k, from.length);
            double expected = k <= 40 ? before[toSlot] : from.a[fromSlot];
            assertEquals(expected, to.a[toSlot], 0.0, "age " + k + " at the hand-over");
        }
    }
}
