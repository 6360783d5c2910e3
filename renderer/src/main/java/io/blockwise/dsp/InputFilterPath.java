package io.blockwise.dsp;

import io.blockwise.rt.Retirer;

/**
 * The input filters of the signal path (a high-pass and a low-pass, either may be absent),
 * changed without a click. {@code setInputFilters} does not switch filters at once (a step in the
 * signal), nor crossfade to filters that start from zero state at once (their start-up transient,
 * weighted by the fade, is a click of its own: a fresh 541 Hz low-pass fed a 3,999 Hz tone at
 * 8 kHz stepped twice the click bound, found by the fuzzer, seed 42, try 1272). The new pair is fed
 * the same input unheard for a warm-up of {@code crossfadeFrames} while the old pair stays
 * audible; then the two outputs are crossfaded linearly over {@code crossfadeFrames}, and the old
 * filters are retired in the block the fade ends. A change that arrives during the warm-up
 * replaces the pair warming up (never heard, retired at once) and starts its own warm-up; one
 * that arrives during the crossfade waits for its end and starts at the next frame
 * ({@link WaitingChange}), and a newer one replaces it (the waiting pair, never heard, is retired
 * at once). So at most one change runs and one waits.
 *
 * <p>Audio thread only once the engine runs ({@link #install} is for the set-up, on the control
 * thread before the first block). Never allocates: the scratch buffer is sized once.
 */
public final class InputFilterPath {
    private final Retirer retirer;
    private final int crossfadeFrames;
    private final double[] incomingOut;

    // Audio thread only. The pair heard; during a transition, the incoming pair (fed from its
    // start, heard after its warm-up) and the frames of the transition done.
    private InputFilter highpass;
    private InputFilter lowpass;
    private InputFilter incomingHighpass;
    private InputFilter incomingLowpass;
    private boolean transition;
    private int transitionFrames;
    private int warmUp;
    // A change that arrived during a crossfade, started when it ends.
    private InputFilter queuedHighpass;
    private InputFilter queuedLowpass;
    private boolean hasQueued;

    /** Control thread. */
    public InputFilterPath(Retirer retirer, int maxBlockFrames, int crossfadeFrames) {
        this.retirer = retirer;
        this.crossfadeFrames = crossfadeFrames;
        this.incomingOut = new double[maxBlockFrames];
    }

    /** Control thread, before the first block: the pair is heard from the start; the old one is retired. */
    public void install(InputFilter newHighpass, InputFilter newLowpass) {
        markLive(newHighpass);
        markLive(newLowpass);
        InputFilter oldHp = highpass;
        InputFilter oldLp = lowpass;
        highpass = newHighpass;
        lowpass = newLowpass;
        retire(oldHp);
        retire(oldLp);
    }

    /** Audio thread only. Changes from the current pair to the new one (null: no filter on that side). */
    public void change(InputFilter newHighpass, InputFilter newLowpass) {
        markLive(newHighpass);
        markLive(newLowpass);
        if (transition && transitionFrames >= warmUp) {
            retireQueued(); // waiting, never heard
            queuedHighpass = newHighpass;
            queuedLowpass = newLowpass;
            hasQueued = true;
            return;
        }
        if (transition) {
            retire(incomingHighpass); // still warming up, never heard
            retire(incomingLowpass);
            incomingHighpass = null;
            incomingLowpass = null;
            transition = false;
        }
        start(newHighpass, newLowpass);
    }

    private void start(InputFilter newHighpass, InputFilter newLowpass) {
        if (highpass == null && lowpass == null && newHighpass == null && newLowpass == null) {
            return; // none to none: nothing to fade
        }
        incomingHighpass = newHighpass;
        incomingLowpass = newLowpass;
        transition = true;
        transitionFrames = 0;
        // No filter has no state to settle.
        warmUp = newHighpass == null && newLowpass == null ? 0 : crossfadeFrames;
    }

    /** Audio thread only. Filters {@code buf[0, frames)} in place. */
    public void process(double[] buf, int frames) {
        boolean waits = transition && hasQueued;
        int first = WaitingChange.firstPart(waits, waits ? warmUp + crossfadeFrames - transitionFrames : 0, frames);
        processRange(buf, 0, first);
        if (first < frames) {
            processRange(buf, first, frames - first);
        }
    }

    private void processRange(double[] buf, int off, int len) {
        if (!transition) {
            run(highpass, lowpass, buf, off, len);
            return;
        }
        System.arraycopy(buf, off, incomingOut, off, len);
        run(incomingHighpass, incomingLowpass, incomingOut, off, len);
        run(highpass, lowpass, buf, off, len);
        int n = transitionFrames;
        double unit = 1.0 / crossfadeFrames;
        for (int k = off, end = off + len; k < end; k++, n++) {
            int intoFade = n - warmUp + 1;
            if (intoFade <= 0) {
                continue; // warming up: the old pair alone is heard
            }
            double g = intoFade >= crossfadeFrames ? 1.0 : intoFade * unit; // the new pair's weight
            buf[k] = g * incomingOut[k] + (1 - g) * buf[k];
        }
        transitionFrames = n;
        if (n >= warmUp + crossfadeFrames) {
            finish();
        }
    }

    private static void run(InputFilter hp, InputFilter lp, double[] buf, int off, int len) {
        if (hp != null) {
            hp.process(buf, off, len);
        }
        if (lp != null) {
            lp.process(buf, off, len);
        }
    }

    private void finish() {
        InputFilter oldHp = highpass;
        InputFilter oldLp = lowpass;
        highpass = incomingHighpass;
        lowpass = incomingLowpass;
        incomingHighpass = null;
        incomingLowpass = null;
        transition = false;
        retire(oldHp);
        retire(oldLp);
        if (hasQueued) {
            hasQueued = false;
            InputFilter hp = queuedHighpass;
            InputFilter lp = queuedLowpass;
            queuedHighpass = null;
            queuedLowpass = null;
            start(hp, lp);
        }
    }

    /** Audio thread only. At the end of a render: retires every filter held. */
    public void retireAll() {
        retire(highpass);
        retire(lowpass);
        highpass = null;
        lowpass = null;
        retire(incomingHighpass);
        retire(incomingLowpass);
        incomingHighpass = null;
        incomingLowpass = null;
        transition = false;
        retireQueued();
    }

    private void retireQueued() {
        if (hasQueued) {
            hasQueued = false;
            retire(queuedHighpass);
            retire(queuedLowpass);
            queuedHighpass = null;
            queuedLowpass = null;
        }
    }

    /** Collector thread, audio thread idle. Whether {@code r} is a filter heard, warming up, fading in or waiting. */
    public boolean reaches(Object r) {
        return r != null && (r == highpass || r == lowpass || r == incomingHighpass || r == incomingLowpass
                || r == queuedHighpass || r == queuedLowpass);
    }

    private static void markLive(InputFilter f) {
        if (f != null) {
            f.markLive();
        }
    }

    private void retire(InputFilter f) {
        if (f != null) {
            retirer.retire(f);
        }
    }
}
