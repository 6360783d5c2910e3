package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Transition}'s rule, checked on its own with parts whose output is known exactly: a part
 * writes a constant (it ignores its input), so what is heard at each frame reads the weights
 * directly. With the old part at 0 and the new at 1, the output is the new part's weight
 * {@code (1 - w) 0 + w 1 = w}, compared bit for bit with the linear ramp
 * {@code w = (i + 1) / n} of the class comment.
 */
class TransitionTest {
    static final int FADE = 100;
    static final int MAX_BLOCK = 64;
    /** A frame on a block edge at every block size tried (1, 7, 64), where the tests send changes. */
    static final int EDGE = 7 * 64;

    /** A part that writes {@code value}, warms up for {@code warmUp} frames and counts the frames it is fed. */
    static final class Part {
        final String name;
        final double value;
        final long warmUp;
        long fed;

        Part(String name, double value, long warmUp) {
            this.name = name;
            this.value = value;
            this.warmUp = warmUp;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A part handed back, and the frames of the block in which it was: [from, to). */
    record Retired(Part part, long from, long to) {
    }

    /** A transition run block by block over a silent input, its output kept whole. */
    static final class Rig {
        final List<Retired> retired = new ArrayList<>();
        final double[] out;
        final int block;
        long frame;
        long blockEnd;
        final Transition<Part> transition;

        Rig(int block, int frames) {
            this.block = block;
            this.out = new double[frames];
            this.transition = new Transition<>(new Transition.Parts<>() {
                @Override
                public void process(Part p, double[] buf, int off, int len) {
                    p.fed += len;
                    for (int i = off; i < off + len; i++) {
                        buf[i] = p.value;
                    }
                }

                @Override
                public long warmUpFrames(Part p) {
                    return p.warmUp;
                }

                @Override
                public void retire(Part p) {
                    retired.add(new Retired(p, frame, blockEnd));
                }
            }, MAX_BLOCK, FADE);
        }

        /** Runs blocks of {@link #block} frames (the last may be shorter) up to frame {@code to}. */
        Rig runTo(long to) {
            double[] buf = new double[MAX_BLOCK];
            while (frame < to) {
                int len = (int) Math.min(block, to - frame);
                blockEnd = frame + len;
                Arrays.fill(buf, 0.0);
                transition.process(buf, len);
                System.arraycopy(buf, 0, out, (int) frame, len);
                frame += len;
            }
            return this;
        }

        List<Part> retiredParts() {
            List<Part> parts = new ArrayList<>();
            for (Retired r : retired) {
                parts.add(r.part());
            }
            return parts;
        }
    }

    /** The linear ramp of the class comment: the new part's weight at frame {@code i} of the fade. */
    static double weight(long i) {
        return i + 1 >= FADE ? 1.0 : (i + 1) / (double) FADE;
    }

    /** A part at 1 fades in over one at 0 from frame {@code start}: the output is the ramp itself. */
    static void assertFadesInFrom0To1(Rig rig, long start) {
        for (int i = 0; i < FADE; i++) {
            assertEquals(weight(i), rig.out[(int) start + i], "frame " + i + " of the fade from frame " + start);
        }
    }

    @Test
    void aNewPartIsFedButNotHeardWhileItWarmsUp() {
        Part a = new Part("a", 0.25, 0);
        Part b = new Part("b", 1.0, 300);
        Rig rig = new Rig(64, 300);
        rig.transition.install(a);
        rig.transition.change(b);
        rig.runTo(300);
        for (int i = 0; i < 300; i++) {
            assertEquals(0.25, rig.out[i], "frame " + i + " of b's warm-up is a's alone");
        }
        assertEquals(300, b.fed, "b is fed every frame of its warm-up");
        assertEquals(List.of(), rig.retired);
    }

    @Test
    void theCrossfadeIsTheEqualGainLinearRampFrameByFrameAndTheOldPartIsRetiredInTheBlockItEnds() {
        long warm = 130;
        Part a = new Part("a", 0.0, 0);
        Part b = new Part("b", 1.0, warm);
        Rig rig = new Rig(64, 400);
        rig.transition.install(a);
        rig.transition.change(b);
        rig.runTo(400);
        for (int i = 0; i < warm; i++) {
            assertEquals(0.0, rig.out[i], "warming up at frame " + i);
        }
        assertFadesInFrom0To1(rig, warm);
        for (int i = (int) warm + FADE; i < 400; i++) {
            assertEquals(1.0, rig.out[i], "b alone at frame " + i);
        }
        long last = warm + FADE - 1;
        assertEquals(1, rig.retired.size());
        Retired r = rig.retired.get(0);
        assertEquals(a, r.part());
        assertTrue(r.from() <= last && last < r.to(), "a is retired in the block holding the fade's last frame "
                + last + ", not [" + r.from() + ", " + r.to() + ")");
    }

    @Test
    void theTwoWeightsOfTheFadeSumToOne() {
        Rig in = new Rig(64, 200);
        in.transition.install(new Part("a", 0.0, 0));
        in.transition.change(new Part("b", 1.0, 0));
        in.runTo(200);
        Rig outgoing = new Rig(64, 200);
        outgoing.transition.install(new Part("a", 1.0, 0));
        outgoing.transition.change(new Part("b", 0.0, 0));
        outgoing.runTo(200);
        for (int i = 0; i < 200; i++) {
            assertEquals(1.0, in.out[i] + outgoing.out[i], 1e-15, "frame " + i);
        }
    }

    @Test
    void aChangeWhileThePartWarmsUpReplacesItAndTheReplacedPartIsRetiredAtOnceAndNeverHeard() {
        Part a = new Part("a", 0.0, 0);
        Part b = new Part("b", 5.0, 200);
        Part c = new Part("c", 1.0, 30);
        Rig rig = new Rig(64, 400);
        rig.transition.install(a);
        rig.transition.change(b);
        rig.runTo(128);
        rig.transition.change(c);
        assertEquals(List.of(b), rig.retiredParts(), "b, warming up, is retired at once");
        assertFalse(rig.transition.holds(b));
        rig.runTo(400);
        for (double v : rig.out) {
            assertTrue(v != 5.0 && v <= 1.0, "b is never heard: " + v);
        }
        long fadeStart = 128 + 30; // c warms up from its own first frame
        for (int i = 0; i < fadeStart; i++) {
            assertEquals(0.0, rig.out[i], "frame " + i);
        }
        assertFadesInFrom0To1(rig, fadeStart);
        assertEquals(List.of(b, a), rig.retiredParts());
    }

    /**
     * a heard (0); b (1) sent at 0 warms up for EDGE - 8 frames and fades in over
     * [EDGE - 8, EDGE + 92); c (2) sent at EDGE, during the fade, waits; d (3) sent at EDGE too
     * replaces it. d starts at EDGE + 92 (no block size tried has an edge there): 40 frames of
     * warm-up with b alone heard, then its fade from b.
     */
    static Rig waitingChange(int block) {
        Part a = new Part("a", 0.0, 0);
        Part b = new Part("b", 1.0, EDGE - 8);
        Part c = new Part("c", 7.0, 0);
        Part d = new Part("d", 3.0, 40);
        Rig rig = new Rig(block, EDGE + 400);
        rig.transition.install(a);
        rig.transition.change(b);
        rig.runTo(EDGE);
        rig.transition.change(c);
        assertEquals(List.of(), rig.retiredParts(), "c waits: b, fading in, is not replaced");
        rig.transition.change(d);
        assertEquals(List.of(c), rig.retiredParts(), "c, waiting, never heard, gives way to d");
        rig.runTo(EDGE + 400);
        rig.transition.retireAll();
        return rig;
    }

    @Test
    void aChangeDuringTheCrossfadeWaitsAndStartsAtTheFrameAfterTheFadeEndsAtEveryBlockSize() {
        long bFadeEnd = EDGE - 8 + FADE; // the frame after b's fade
        long dFade = bFadeEnd + 40;
        double[] expected = new double[EDGE + 400];
        for (int i = 0; i < expected.length; i++) {
            if (i < EDGE - 8) {
                expected[i] = 0.0;
            } else if (i < bFadeEnd) {
                expected[i] = weight(i - (EDGE - 8)); // (1 - w) 0 + w 1
            } else if (i < dFade) {
                expected[i] = 1.0; // d warms up: b alone
            } else {
                double w = weight(i - dFade);
                expected[i] = (1 - w) * 1.0 + w * 3.0;
            }
        }
        for (int block : new int[] {1, 7, 64}) {
            Rig rig = waitingChange(block);
            assertArrayEquals(expected, rig.out, "block size " + block);
            assertEquals("[c, a, b, d]", rig.retiredParts().toString(), "block size " + block);
            Retired a = rig.retired.get(1);
            assertTrue(a.from() <= bFadeEnd - 1 && bFadeEnd - 1 < a.to(), "a retired in the block b's fade ends");
            Retired b = rig.retired.get(2);
            assertTrue(b.from() <= dFade + FADE - 1 && dFade + FADE - 1 < b.to(), "b retired in the block d's fade ends");
        }
    }

    @Test
    void everyPartIsRetiredExactlyOnceWhateverStateTheRenderEndsIn() {
        for (long end : new long[] {10, 100, 250, 300, 600}) {
            Part a = new Part("a", 0.0, 0);
            Part b = new Part("b", 1.0, 200); // warms up over [0, 200), fades over [200, 300)
            Part c = new Part("c", 2.0, 50);
            Rig rig = new Rig(7, 600);
            rig.transition.install(a);
            rig.transition.change(b);
            rig.runTo(Math.min(end, 210));
            rig.transition.change(c); // replaces b before 200, waits for 300 after
            rig.runTo(end);
            rig.transition.retireAll();
            List<Part> retired = rig.retiredParts();
            assertEquals(3, retired.size(), "ending at " + end + ": " + retired);
            assertTrue(retired.containsAll(List.of(a, b, c)), "ending at " + end + ": " + retired);
            assertFalse(rig.transition.holds(a) || rig.transition.holds(b) || rig.transition.holds(c));
        }
    }

    @Test
    void installReplacesTheHeardPartAtOnceAndRetiresTheOldOne() {
        Part a = new Part("a", 0.5, 0);
        Part b = new Part("b", 0.75, 0);
        Rig rig = new Rig(64, 64);
        rig.transition.install(a);
        rig.transition.install(b);
        assertEquals(List.of(a), rig.retiredParts());
        rig.runTo(64);
        for (double v : rig.out) {
            assertEquals(0.75, v);
        }
    }

    @Test
    void nothingLetsTheSignalPassGoesStraightToTheFadeAndIsNeverRetired() {
        Part a = new Part("a", 1.0, 0);
        Rig rig = new Rig(64, 200);
        rig.transition.install(a);
        rig.transition.change(null);
        rig.runTo(200);
        for (int i = 0; i < FADE; i++) {
            double w = weight(i);
            assertEquals((1 - w) * 1.0 + w * 0.0, rig.out[i], "frame " + i + ": a fades out to the silent input");
        }
        for (int i = FADE; i < 200; i++) {
            assertEquals(0.0, rig.out[i]);
        }
        rig.transition.retireAll();
        assertEquals(List.of(a), rig.retiredParts());
    }

    @Test
    void aStartFromNothingToNothingDoesNothingAlsoWhenItReplacesAPartWarmingUpOrHadWaited() {
        // Nothing heard; a warms up; nothing replaces it: idle at once, so b starts at once.
        Part a = new Part("a", 5.0, 200);
        Part b = new Part("b", 1.0, 0);
        Rig rig = new Rig(64, 200);
        rig.transition.change(a);
        rig.runTo(64);
        rig.transition.change(null);
        rig.transition.change(b);
        rig.runTo(200);
        for (int i = 0; i < 64; i++) {
            assertEquals(0.0, rig.out[i], "frame " + i + ": nothing heard while a warms up");
        }
        assertFadesInFrom0To1(rig, 64);
        assertEquals(List.of(a), rig.retiredParts());

        // c heard fades out to nothing; nothing waits behind that fade; when it ends, nothing
        // starts, so d, sent at the fade's end, fades in at once.
        Part c = new Part("c", 1.0, 0);
        Part d = new Part("d", 1.0, 0);
        Rig second = new Rig(64, 64 + FADE + 128);
        second.transition.install(c);
        second.transition.change(null); // fades over [0, FADE)
        second.runTo(64);
        second.transition.change(null); // waits
        second.runTo(128);
        second.transition.change(d); // FADE < 128: the fade ended and nothing started
        second.runTo(128 + FADE);
        assertFadesInFrom0To1(second, 128);
        assertEquals(List.of(c), second.retiredParts());
    }

    @Test
    void aChangeAtTheFrameTheWarmUpEndsWaitsForTheCrossfadeThatBeginsThere() {
        Part a = new Part("a", 0.0, 0);
        Part b = new Part("b", 1.0, 64);
        Part c = new Part("c", 2.0, 0);
        Rig rig = new Rig(64, 64 + FADE + 64);
        rig.transition.install(a);
        rig.transition.change(b);
        rig.runTo(64); // b's warm-up is over; its fade's first frame is the next
        rig.transition.change(c);
        assertEquals(List.of(), rig.retiredParts(), "b, about to be heard, is not replaced: c waits");
        rig.runTo(64 + FADE);
        assertFadesInFrom0To1(rig, 64);
        assertEquals(List.of(a), rig.retiredParts());
        assertTrue(rig.transition.holds(c), "c started when b's fade ended");
    }
}
