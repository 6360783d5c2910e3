package io.blockwise.dsp;

import io.blockwise.rt.Retirer;

/**
 * The input filters of the signal path (a high-pass and a low-pass, either may be absent),
 * changed without a click by the rule of {@link Transition}: a new pair is fed the input unheard
 * for a warm-up of one crossfade length, then crossfaded in, and the old pair is retired when the
 * fade ends. What is this class's own: a part is a pair of filters (high-pass first), which warms
 * up for {@code crossfadeFrames} (new filters start from zero state: crossfaded in at once, their
 * start-up transient, weighted by the fade, was a click of its own: a fresh 541 Hz low-pass fed a
 * 3,999 Hz tone at 8 kHz stepped twice the click bound, found by the fuzzer, seed 42, try 1272),
 * and is retired filter by filter through the engine's {@link Retirer}. No filter on either side
 * is nothing, which has nothing to warm up.
 *
 * <p>Audio thread only once the engine runs ({@link #install} is for the set-up, on the control
 * thread before the first block). Never allocates: the pairs a change needs are preallocated.
 */
public final class InputFilterPath {
    /** Pairs preallocated: the {@link Transition} holds at most three, and a change brings one. */
    private static final int PAIRS = 4;

    /** Two filters run one after the other (high-pass first); free when both are null. */
    private static final class Pair {
        // Audio thread only (control in install, before the first block); the collector reads
        // them in reaches while the audio thread is idle.
        InputFilter highpass;
        InputFilter lowpass;
    }

    // Written in the constructor, read by the audio thread; the pairs' fields are as Pair says.
    private final Retirer retirer;
    private final Pair[] pairs = new Pair[PAIRS];
    private final Transition<Pair> transition;

    /** Control thread. */
    public InputFilterPath(Retirer retirer, int maxBlockFrames, int crossfadeFrames) {
        this.retirer = retirer;
        for (int i = 0; i < PAIRS; i++) {
            pairs[i] = new Pair();
        }
        this.transition = new Transition<>(new Transition.Parts<>() {
            @Override
            public void process(Pair p, double[] buf, int off, int len) {
                if (p.highpass != null) {
                    p.highpass.process(buf, off, len);
                }
                if (p.lowpass != null) {
                    p.lowpass.process(buf, off, len);
                }
            }

            @Override
            public long warmUpFrames(Pair p) {
                return crossfadeFrames;
            }

            @Override
            public void retire(Pair p) {
                InputFilterPath.this.retire(p);
            }
        }, maxBlockFrames, crossfadeFrames);
    }

    /** Control thread, before the first block: the pair is heard from the start; the old one is retired. */
    public void install(InputFilter newHighpass, InputFilter newLowpass) {
        transition.install(pair(newHighpass, newLowpass));
    }

    /** Audio thread only. Changes from the current pair to the new one (null: no filter on that side). */
    public void change(InputFilter newHighpass, InputFilter newLowpass) {
        transition.change(pair(newHighpass, newLowpass));
    }

    /** Audio thread only. Filters {@code buf[0, frames)} in place. */
    public void process(double[] buf, int frames) {
        transition.process(buf, frames);
    }

    /** Audio thread only. At the end of a render: retires every filter held. */
    public void retireAll() {
        transition.retireAll();
    }

    /** Collector thread, audio thread idle. Whether {@code r} is a filter heard, warming up, fading in or waiting. */
    public boolean reaches(Object r) {
        if (r == null) {
            return false;
        }
        for (Pair p : pairs) { // a pair handed back is free: both null
            if (r == p.highpass || r == p.lowpass) {
                return true;
            }
        }
        return false;
    }

    /** Marks the filters live and holds them in a free pair; null (nothing) for no filter at all. */
    private Pair pair(InputFilter highpass, InputFilter lowpass) {
        markLive(highpass);
        markLive(lowpass);
        if (highpass == null && lowpass == null) {
            return null;
        }
        for (Pair p : pairs) {
            if (p.highpass == null && p.lowpass == null) {
                p.highpass = highpass;
                p.lowpass = lowpass;
                return p;
            }
        }
        throw new IllegalStateException("no free filter pair"); // unreachable: Transition holds at most 3
    }

    private static void markLive(InputFilter f) {
        if (f != null) {
            f.markLive();
        }
    }

    /** Retires the pair's filters (high-pass first) and frees it. */
    private void retire(Pair p) {
        InputFilter hp = p.highpass;
        InputFilter lp = p.lowpass;
        p.highpass = null;
        p.lowpass = null;
        if (hp != null) {
            retirer.retire(hp);
        }
        if (lp != null) {
            retirer.retire(lp);
        }
    }
}
