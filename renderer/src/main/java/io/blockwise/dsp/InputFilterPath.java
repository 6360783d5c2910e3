package io.blockwise.dsp;

import io.blockwise.rt.Retirer;

/**
 * The input filters of the signal path (a high-pass and a low-pass, either may be absent),
 * changed without a click. {@code setInputFilters} does not switch filters at once (a step in the
 * signal, and new filters start from zero state): the old pair keeps filtering a copy of the same
 * input while the two outputs are crossfaded linearly over {@code crossfadeFrames}, and the old
 * filters are retired in the block the fade ends. A change that arrives during a fade waits for
 * its end and then fades in the same way from the next frame ({@link WaitingChange}) (so at most one fade runs and one pair waits); a change
 * that arrives while another waits replaces it, and the waiting pair, never heard, is retired at
 * once.
 *
 * <p>Audio thread only once the engine runs ({@link #install} is for the set-up, on the control
 * thread before the first block). Never allocates: the scratch buffer is sized once.
 */
public final class InputFilterPath {
    private final Retirer retirer;
    private final int crossfadeFrames;
    private final double[] oldOut;

    // Audio thread only. The pair heard, the pair fading out and the frames of its fade to go.
    private InputFilter highpass;
    private InputFilter lowpass;
    private InputFilter oldHighpass;
    private InputFilter oldLowpass;
    private boolean fading;
    private int fadeLeft;
    // A change that arrived during a fade, started when it ends.
    private InputFilter queuedHighpass;
    private InputFilter queuedLowpass;
    private boolean hasQueued;

    /** Control thread. */
    public InputFilterPath(Retirer retirer, int maxBlockFrames, int crossfadeFrames) {
        this.retirer = retirer;
        this.crossfadeFrames = crossfadeFrames;
        this.oldOut = new double[maxBlockFrames];
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

    /** Audio thread only. Crossfades from the current pair to the new one (null: no filter on that side). */
    public void change(InputFilter newHighpass, InputFilter newLowpass) {
        markLive(newHighpass);
        markLive(newLowpass);
        if (fading) {
            retireQueued(); // waiting, never heard
            queuedHighpass = newHighpass;
            queuedLowpass = newLowpass;
            hasQueued = true;
            return;
        }
        start(newHighpass, newLowpass);
    }

    private void start(InputFilter newHighpass, InputFilter newLowpass) {
        if (highpass == null && lowpass == null && newHighpass == null && newLowpass == null) {
            return; // none to none: nothing to fade
        }
        oldHighpass = highpass;
        oldLowpass = lowpass;
        highpass = newHighpass;
        lowpass = newLowpass;
        fading = true;
        fadeLeft = crossfadeFrames;
    }

    /** Audio thread only. Filters {@code buf[0, frames)} in place. */
    public void process(double[] buf, int frames) {
        int first = WaitingChange.firstPart(fading && hasQueued, fadeLeft, frames);
        processRange(buf, 0, first);
        if (first < frames) {
            processRange(buf, first, frames - first);
        }
    }

    private void processRange(double[] buf, int off, int len) {
        if (!fading) {
            run(highpass, lowpass, buf, off, len);
            return;
        }
        System.arraycopy(buf, off, oldOut, off, len);
        run(oldHighpass, oldLowpass, oldOut, off, len);
        run(highpass, lowpass, buf, off, len);
        int left = fadeLeft;
        double unit = 1.0 / crossfadeFrames;
        for (int k = off, end = off + len; k < end; k++) {
            if (left > 0) {
                left--;
            }
            double g = 1 - left * unit; // the new pair's weight, reaching exactly 1
            buf[k] = g * buf[k] + (1 - g) * oldOut[k];
        }
        fadeLeft = left;
        if (left == 0) {
            endFade();
            if (hasQueued) {
                hasQueued = false;
                InputFilter hp = queuedHighpass;
                InputFilter lp = queuedLowpass;
                queuedHighpass = null;
                queuedLowpass = null;
                start(hp, lp);
            }
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

    private void endFade() {
        fading = false;
        fadeLeft = 0;
        retire(oldHighpass);
        retire(oldLowpass);
        oldHighpass = null;
        oldLowpass = null;
    }

    /** Audio thread only. At the end of a render: retires every filter held. */
    public void retireAll() {
        retire(highpass);
        retire(lowpass);
        highpass = null;
        lowpass = null;
        endFade();
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

    /** Collector thread, audio thread idle. Whether {@code r} is a filter heard, fading out or waiting. */
    public boolean reaches(Object r) {
        return r != null && (r == highpass || r == lowpass || r == oldHighpass || r == oldLowpass
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
