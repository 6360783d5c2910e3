package io.blockwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.blockwise.dsp.ProcessSpec;
import io.blockwise.dsp.Stage;
import io.blockwise.dsp.StageType;
import io.blockwise.rt.Resource;
import io.blockwise.rt.RtEventRing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Chain}'s fades and dips as its class comment documents them, checked on stages whose
 * output is known exactly (a constant gain), so that every expected sample is written from the
 * documented rule, not read from the chain: a crossfade is linear over 480 frames at 48 kHz
 * ({@link Engine#CROSSFADE_SECONDS}), a second edit of a fading slot ends its older stage at once,
 * a full chain's insert ends the removal with the least weight left, and a swap dips only its pair.
 */
class EditsDuringAFadeOrADipKeepTheOtherStagesAndRetireOnTimeTest {
    static final int RATE = 48000;
    static final int FADE = 480; // 10 ms at 48 kHz
    static final int BLOCK = 48;

    final List<Resource> retired = new ArrayList<>();
    final RtEventRing events = new RtEventRing(64);

    Chain chain(int maxLength) {
        return new Chain(maxLength, new double[BLOCK], new double[BLOCK], retired::add);
    }

    /** Runs one block of a constant 1.0 through {@code c}; returns the output. */
    double[] block(Chain c) {
        double[] buf = new double[BLOCK];
        Arrays.fill(buf, 1.0);
        c.process(buf, new double[BLOCK], 0, BLOCK, events);
        return buf;
    }

    @Test
    void aSecondReplaceDuringAFadeRetiresTheStageFadingOutAtOnceAndTheOneFadingInWhenTheNewFadeEnds() {
        Chain c = chain(4);
        Gain a = new Gain(2);
        Gain b = new Gain(3);
        Gain d = new Gain(5);
        c.insert(0, a);
        c.replaceFading(0, b);
        block(c);
        assertEquals(List.of(), retired, "a is still fading out");
        c.replaceFading(0, d);
        assertEquals(List.of(a), retired, "the older fade ends at once");
        // d fades in from b over a whole new crossfade: b is retired in the block that ends it.
        for (int frames = 0; frames < FADE; frames += BLOCK) {
            assertEquals(List.of(a), retired, "after " + frames + " frames of d's fade");
            block(c);
        }
        assertEquals(List.of(a, b), retired);
    }

    @Test
    void removingAStageWhileItFadesInRetiresTheStageItReplacedAtOnce() {
        Chain c = chain(4);
        Gain a = new Gain(2);
        Gain b = new Gain(3);
        c.insert(0, a);
        c.replaceFading(0, b);
        block(c);
        c.removeFading(0);
        assertEquals(List.of(a), retired);
        assertEquals(0, c.length());
    }

    @Test
    void insertingBeforeAFadingStageKeepsItsCrossfadeSampleForSample() {
        Chain c = chain(4);
        c.insert(0, new Gain(2));
        c.replaceFading(0, new Gain(3));
        List<Double> heard = new ArrayList<>();
        for (double v : block(c)) {
            heard.add(v);
        }
        c.insert(0, new Gain(1)); // before the fading slot: it moves one slot on, fade and all
        while (heard.size() < FADE + BLOCK) {
            for (double v : block(c)) {
                heard.add(v);
            }
        }
        for (int k = 0; k < heard.size(); k++) {
            // Frame k of the fade: the new stage's weight is (k + 1) / 480, reaching 1 and staying.
            double g = Math.min(FADE, k + 1) / (double) FADE;
            assertEquals(3 * g + 2 * (1 - g), heard.get(k), 1e-12, "frame " + k);
        }
    }

    @Test
    void aFullChainsInsertEndsTheRemovalWithTheLeastWeightLeftNotTheFirst() {
        Chain c = chain(2); // four slots: two heard, two removed and fading
        Gain a = new Gain(2);
        Gain b = new Gain(3);
        c.insert(0, a);
        c.insert(1, b);
        c.removeFading(1); // b: the older removal, 2 blocks into its fade when a's starts
        block(c);
        block(c);
        c.removeFading(0); // a: the newer removal, the whole fade left
        c.insert(0, new Gain(5));
        c.insert(1, new Gain(7));
        assertEquals(List.of(), retired);
        c.insert(2, new Gain(11)); // no free slot: b's removal, the quieter, ends now
        assertEquals(List.of(b), retired);
        assertEquals(3, c.length());
    }

    @Test
    void aSecondSwapAfterTheFirstHasEndedDipsOnlyItsOwnPair() {
        Chain c = chain(4);
        c.insert(0, new Gain(2));
        c.insert(1, new Gain(3));
        c.insert(2, new Gain(5));
        c.swapDipping(0, 1); // 2 and 3 dip through dry; 5 is heard throughout
        double[] fall = frames(c, FADE);
        assertEquals(5.0, fall[FADE - 1], 1e-12, "at the bottom of the dip only the third stage is heard");
        frames(c, FADE); // the pair rises again in the new order: the dip is over
        c.swapDipping(1, 2); // now 2 and 5 dip; 3 (heard first) is untouched
        double[] second = frames(c, FADE);
        assertEquals(3.0, second[FADE - 1], 1e-12, "at the bottom of the second dip only the stage outside it is heard");
        double[] rest = frames(c, FADE + BLOCK);
        assertEquals(30.0, rest[rest.length - 1], 1e-12, "the three gains again once the dip is over");
    }

    @Test
    void anInsertDuringASwapsFallExchangesThePairAtOnceAndItRisesFromWhereItWas() {
        Chain c = chain(4);
        c.insert(0, new Gain(2));
        c.insert(1, new Gain(3));
        c.swapDipping(0, 1);
        block(c); // the pair falls 48 of its 480 steps
        c.insert(0, new Gain(5));
        double[] out = block(c);
        for (int k = 0; k < BLOCK; k++) {
            // A dipping gain g is heard as 1 + s (g - 1) at the pair's weight s; the pair rises now.
            double s = Math.min(FADE, FADE - BLOCK + k + 1) / (double) FADE;
            assertEquals(5 * (1 + s) * (1 + 2 * s), out[k], 1e-12, "frame " + k);
        }
    }

    @Test
    void anInsertBeforeADippingPairMovesTheDipWithThePair() {
        Chain c = chain(4);
        c.insert(0, new Gain(2));
        c.insert(1, new Gain(3));
        c.insert(2, new Gain(5));
        c.swapDipping(1, 2); // 3 and 5 dip; 2 is heard throughout
        block(c);
        c.insert(0, new Gain(7)); // the pair is exchanged and rises, one slot further on
        double[] out = block(c);
        for (int k = 0; k < BLOCK; k++) {
            double s = Math.min(FADE, FADE - BLOCK + k + 1) / (double) FADE;
            assertEquals(7 * 2 * (1 + 2 * s) * (1 + 4 * s), out[k], 1e-12, "frame " + k);
        }
    }

    @Test
    void aStageThatThrowsIsBypassedForGoodAndReportedAsAFaultOnce() {
        Chain c = chain(4);
        Gain thrower = new Gain(2) {
            @Override
            public void process(double[] buf, int off, int len) {
                throw new IllegalStateException("planted");
            }
        };
        c.insert(0, new Gain(3));
        c.insert(1, thrower);
        double[] first = block(c);
        double[] second = block(c);
        assertEquals(3.0, first[BLOCK - 1], 0.0, "the thrower's input passes through");
        assertEquals(3.0, second[0], 0.0);
        List<Object> faults = new ArrayList<>();
        events.drain((type, ref, ref2, code, x, y) -> {
            if (type == io.blockwise.rt.RtEvent.FAULT) {
                faults.add(ref);
            }
        });
        assertEquals(List.of(thrower), faults, "one fault, naming the stage, not one a block");
    }

    /** The next {@code n} frames (a whole number of blocks) of a constant 1.0 through {@code c}. */
    double[] frames(Chain c, int n) {
        double[] all = new double[n];
        for (int at = 0; at < n; at += BLOCK) {
            System.arraycopy(block(c), 0, all, at, Math.min(BLOCK, n - at));
        }
        return all;
    }

    /** A stage that multiplies by a constant: its output is known exactly. */
    static class Gain extends Stage {
        private final double k;

        Gain(double k) {
            super(StageType.LEVEL);
            this.k = k;
            prepare(new ProcessSpec(RATE, BLOCK));
        }

        @Override
        protected void onPrepare(ProcessSpec processSpec) {
        }

        @Override
        public void process(double[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                buf[i] *= k;
            }
        }

        @Override
        public void reset() {
        }

        @Override
        protected void onParameter(int localIndex, double value, boolean glide) {
        }

        @Override
        public long bytes() {
            return 0;
        }

        @Override
        public String toString() {
            return "gain " + k;
        }
    }
}
