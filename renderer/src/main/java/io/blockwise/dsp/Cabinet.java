package io.blockwise.dsp;

import io.blockwise.rt.Retirer;

/**
 * The cabinet: a {@link Convolver} (or, with none, a pass-through) at the end of the chain, with
 * click-free IR swaps, clearing, bypass and gain. Owned by the engine; built on the control
 * thread, then used by the audio thread only.
 *
 * <h2>Crossfades</h2>
 * {@link #install} and {@link #clear} fade from the current state (a convolver or the dry
 * pass-through) to the new one over exactly {@code crossfadeFrames} frames, sample-accurate
 * inside the block: frame {@code i} of the fade (from 0) is {@code (1 - w) old + w new} with
 * {@code w = (i + 1) / crossfadeFrames}, so the last frame of the fade is entirely the new state.
 * Both convolvers run during the fade; the old one is retired ({@link Retirer#retire}) at the end
 * of the block in which the fade ends. A swap or clear that arrives during a fade waits for its
 * end and then fades in the same way from the next frame (the block is run in two parts there), so at most one fade runs and one convolver waits (cutting
 * the running fade short would be a step in the output); a change that arrives while another
 * waits replaces it, and the waiting convolver, never heard, is retired at once. A fade of 0
 * frames asks for a switch at once: it happens at once even during a fade, retiring everything
 * else the cabinet holds. A convolver starts with no history (it hears the input from the frame
 * its fade starts), so its tail builds up under the fade.
 *
 * <p>The fade is equal-gain (linear), not equal-power: two cabinet IRs of the same signal are
 * strongly correlated (same source, similar early response), and for correlated signals the
 * linear weights keep the level constant, where equal-power weights would bulge by up to 3 dB in
 * the middle. It is also exactly a linear interpolation of the two impulse responses over time.
 *
 * <h2>Gain and bypass</h2>
 * The IR gain (0..2, glided by a {@link LinearSmoother}) scales the convolvers' output, not the
 * pass-through. Bypass crossfades the whole cabinet against the dry signal over
 * {@link Stage#BYPASS_RAMP_SECONDS}; the convolvers keep running while bypassed so that leaving
 * bypass picks up their tails where the input left them (no stale tail, no click).
 */
public final class Cabinet {
    private final Retirer retirer;
    private final int maxBlockFrames;
    private final double[] dry;
    private final double[] wetOld;
    private final double[] wetNew;
    private final LinearSmoother gain = new LinearSmoother();
    private final double bypassStep;

    // Audio-thread state (the control thread only constructs).
    private Convolver current;   // null: pass-through
    private Convolver fadingOut; // during a fade: the old convolver, or null for the dry state
    private boolean fading;
    private int fadeFrames;
    private int fadeDone;
    // A change that arrived during a fade, started when it ends: the convolver (null: the
    // pass-through) and its crossfade.
    private boolean hasQueued;
    private Convolver queued;
    private int queuedFrames;
    private boolean bypassed;
    private double wet = 1.0;    // weight of the cabinet against dry, moving toward 0 or 1

    /** Control thread. Allocates the scratch buffers for blocks of up to {@code maxBlockFrames}. */
    public Cabinet(int sampleRate, int maxBlockFrames, Retirer retirer) {
        if (sampleRate <= 0 || maxBlockFrames <= 0 || retirer == null) {
            throw new IllegalArgumentException("sampleRate " + sampleRate + " and maxBlockFrames "
                    + maxBlockFrames + " must be positive, retirer given");
        }
        this.retirer = retirer;
        this.maxBlockFrames = maxBlockFrames;
        dry = new double[maxBlockFrames];
        wetOld = new double[maxBlockFrames];
        wetNew = new double[maxBlockFrames];
        gain.prepare(sampleRate, LinearSmoother.DEFAULT_RAMP_SECONDS);
        gain.snap(1.0);
        bypassStep = 1.0 / Math.max(1, Math.round(sampleRate * Stage.BYPASS_RAMP_SECONDS));
    }

    /**
     * Audio thread only (or control, before the audio thread starts). Marks {@code next} live
     * and crossfades to it over {@code crossfadeFrames}: now, or when a running fade ends (a
     * convolver already waiting is retired, never heard). With 0 frames it switches at once.
     */
    public void install(Convolver next, int crossfadeFrames) {
        next.markLive();
        change(next, crossfadeFrames);
    }

    /**
     * Audio thread only. Fades to the pass-through, then retires the current convolver: now, or
     * when a running fade ends. Nothing happens when the cabinet is already headed for the
     * pass-through (no convolver, or fading or waiting to fade to it).
     */
    public void clear(int crossfadeFrames) {
        if ((hasQueued ? queued : current) == null) {
            return;
        }
        change(null, crossfadeFrames);
    }

    private void change(Convolver next, int crossfadeFrames) {
        if (crossfadeFrames <= 0) {
            retireQueued();
            if (fading) {
                endFade();
            }
            fadingOut = current;
            current = next;
            endFade();
            return;
        }
        if (fading) {
            retireQueued();
            hasQueued = true;
            queued = next;
            queuedFrames = crossfadeFrames;
            return;
        }
        fadingOut = current;
        current = next;
        startFade(crossfadeFrames);
    }

    private void retireQueued() {
        if (hasQueued && queued != null) {
            retirer.retire(queued);
        }
        hasQueued = false;
        queued = null;
    }

    private void startFade(int crossfadeFrames) {
        if (crossfadeFrames <= 0) {
            endFade();
            return;
        }
        fading = true;
        fadeFrames = crossfadeFrames;
        fadeDone = 0;
    }

    private void endFade() {
        fading = false;
        if (fadingOut != null) {
            retirer.retire(fadingOut);
            fadingOut = null;
        }
    }

    /** Audio thread only. Bypass (dry) or not, crossfaded over 10 ms. */
    public void setBypassed(boolean value) {
        bypassed = value;
    }

    /** Audio thread only. IR gain, clamped to 0..2, glided. */
    public void setGain(double value) {
        gain.setTarget(Math.max(0.0, Math.min(2.0, value)));
    }

    /** Control thread, before the audio thread starts: sets the IR gain without a glide. */
    public void initGain(double value) {
        gain.snap(Math.max(0.0, Math.min(2.0, value)));
    }

    /**
     * Audio thread only. Processes {@code len} frames of {@code buf} from {@code off}, in place;
     * {@code len} is at most the {@code maxBlockFrames} given to the constructor (and to the
     * convolvers installed).
     */
    public void process(double[] buf, int off, int len) {
        int first = WaitingChange.firstPart(fading && hasQueued, fadeFrames - fadeDone, len);
        processRange(buf, off, first);
        if (first < len) {
            processRange(buf, off + first, len - first);
        }
    }

    private void processRange(double[] buf, int off, int len) {
        System.arraycopy(buf, off, dry, 0, len);
        if (fading) {
            processFade(buf, off, len);
        } else if (current != null) {
            current.process(dry, wetNew, 0, len);
            for (int i = 0; i < len; i++) {
                buf[off + i] = gain.next() * wetNew[i];
            }
        } else {
            gain.skip(len);
        }
        applyBypass(buf, off, len);
    }

    private void processFade(double[] buf, int off, int len) {
        Convolver from = fadingOut;
        Convolver to = current;
        if (from != null) {
            from.process(dry, wetOld, 0, len);
        }
        if (to != null) {
            to.process(dry, wetNew, 0, len);
        }
        for (int i = 0; i < len; i++) {
            double g = gain.next();
            double a = from != null ? g * wetOld[i] : dry[i];
            double b = to != null ? g * wetNew[i] : dry[i];
            int k = fadeDone + i + 1;
            double w = k >= fadeFrames ? 1.0 : (double) k / fadeFrames;
            buf[off + i] = a + w * (b - a);
        }
        fadeDone += len;
        if (fadeDone >= fadeFrames) {
            endFade();
            if (hasQueued) {
                Convolver next = queued;
                int frames = queuedFrames;
                hasQueued = false;
                queued = null;
                if (next != null || current != null) {
                    fadingOut = current;
                    current = next;
                    startFade(frames);
                }
            }
        }
    }

    private void applyBypass(double[] buf, int off, int len) {
        double target = bypassed ? 0.0 : 1.0;
        if (wet == target) {
            if (bypassed) {
                System.arraycopy(dry, 0, buf, off, len);
            }
            return;
        }
        double w = wet;
        for (int i = 0; i < len; i++) {
            w = w < target ? Math.min(target, w + bypassStep) : Math.max(target, w - bypassStep);
            buf[off + i] = dry[i] + w * (buf[off + i] - dry[i]);
        }
        wet = w;
    }

    /**
     * Audio thread only, at shutdown (or control after the audio thread has stopped). Retires
     * every convolver the cabinet holds, each exactly once, and leaves it a pass-through.
     */
    public void retireAll() {
        retireQueued();
        if (fadingOut != null) {
            retirer.retire(fadingOut);
            fadingOut = null;
        }
        if (current != null) {
            retirer.retire(current);
            current = null;
        }
        fading = false;
    }

    /** Audio thread only (tests). The convolver playing or fading in, null for pass-through. */
    public Convolver current() {
        return current;
    }

    /** Audio thread only (tests). The convolver fading out, or null. */
    public Convolver fadingOut() {
        return fadingOut;
    }

    /** Audio thread only (or control between blocks). The convolver waiting for the running fade to end, or null. */
    public Convolver queued() {
        return queued;
    }

    /** Any thread. */
    public int maxBlockFrames() {
        return maxBlockFrames;
    }
}
