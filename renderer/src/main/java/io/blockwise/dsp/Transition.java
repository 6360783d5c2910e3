package io.blockwise.dsp;

/**
 * The one home of the rule by which a part of the signal path is changed without a click: the
 * input filters ({@link InputFilterPath}) and the pitch shifter ({@code engine.PitchPath}). A new
 * part starts from an empty state (a fresh filter's start-up transient, a shifter's silence until
 * its windows fill), so it is never switched to at once, nor crossfaded to at once. The rule is
 * written once, here; its users supply only what is theirs ({@link Parts}: how a part runs, how
 * long it warms up, how it is retired).
 *
 * <h2>Idle, warming, crossfading</h2>
 * <ul>
 * <li><b>Idle.</b> The heard part alone runs on the signal.
 * <li><b>Warming.</b> {@link #change} starts the new part's warm-up: it is fed the same input as
 * the heard part, unheard (the output is the heard part's alone), for
 * {@link Parts#warmUpFrames} frames.
 * <li><b>Crossfading.</b> Then the two outputs are crossfaded over {@code crossfadeFrames}
 * frames with equal-gain linear ramps: frame {@code i} of the fade (from 0) is
 * {@code (1 - w) old + w new} with {@code w = (i + 1) / crossfadeFrames}, so the fade's last
 * frame is the new part alone. The fade ends there: the new part is heard alone (idle again) and
 * the old one is handed back ({@link Parts#retire}) in the block holding that last frame.
 * </ul>
 *
 * <h2>A change during a transition</h2>
 * <ul>
 * <li>A change while the new part warms up replaces it: the part warming up, never heard, is
 * handed back at once, and the newer one starts its own warm-up from its first frame.
 * <li>A change while the parts crossfade waits (cutting the fade short would be a step in the
 * output). It starts, its warm-up from its first frame, at the frame after the fade's last one,
 * whatever the block size: when the fade ends inside a block, the block is run in two parts
 * around that frame ({@link WaitingChange#firstPart}). A newer change replaces the waiting one,
 * which, never heard, is handed back at once.
 * </ul>
 * So at most three parts are held: the one heard, one warming up or fading in, one waiting. Each
 * part given to {@link #install} or {@link #change} is handed back exactly once: when it is
 * replaced unheard, when a fade away from it ends, or at {@link #retireAll}.
 *
 * <h2>Nothing</h2>
 * A {@code null} part is nothing (no filters, no pitch shift): the signal passes as it is. It has
 * no state to warm up (a warm-up of 0 frames: a change to nothing goes straight to the crossfade)
 * and is never handed back. A start from nothing heard to nothing does nothing, wherever it
 * starts (a change while idle, one replacing a part warming up, one that waited): there is nothing
 * to fade, and a crossfade of the signal with itself would only hold a later change back.
 *
 * <p>Audio thread only once the engine runs ({@link #install} is for the set-up, on the control
 * thread before the first block). Never allocates, locks or logs: the scratch buffer is sized in
 * the constructor, and parts are handed back through {@link Parts#retire}.
 *
 * @param <P> what is warmed up and crossfaded: a filter pair, a pitch shifter
 */
public final class Transition<P> {

    /** What a user of the rule supplies: everything about a part that is not the rule. */
    public interface Parts<P> {
        /** Audio thread only. Runs {@code part} on {@code buf[off, off + len)} in place. */
        void process(P part, double[] buf, int off, int len);

        /** Audio thread only. The frames {@code part} (never null) is fed unheard before its crossfade. */
        long warmUpFrames(P part);

        /**
         * Audio thread only (control before the first block, from {@link #install}). Takes back
         * {@code part} (never null), which the rule holds no more and will never run again.
         */
        void retire(P part);
    }

    // Written in the constructor, read by the audio thread (published with the owner's construction).
    private final Parts<P> parts;
    private final int crossfadeFrames;
    /** Audio thread only: the new part's output while it warms up or fades in. */
    private final double[] incomingOut;

    // Audio thread only (the control thread writes `heard` in install, before the first block).
    private P heard;
    // Audio thread only. During a transition: the part warming up or fading in (null: nothing),
    // the frames of the transition done, and the frames of its warm-up.
    private P incoming;
    private boolean transition;
    private long done;
    private long warmUp;
    // Audio thread only. A change that arrived during the crossfade, started when it ends.
    private P waiting;
    private boolean hasWaiting;

    /**
     * Control thread. A transition for blocks of up to {@code maxBlockFrames}, crossfading over
     * {@code crossfadeFrames} (at least 1).
     */
    public Transition(Parts<P> parts, int maxBlockFrames, int crossfadeFrames) {
        if (parts == null || maxBlockFrames <= 0 || crossfadeFrames <= 0) {
            throw new IllegalArgumentException("maxBlockFrames " + maxBlockFrames + " and crossfadeFrames "
                    + crossfadeFrames + " must be positive, parts given");
        }
        this.parts = parts;
        this.crossfadeFrames = crossfadeFrames;
        this.incomingOut = new double[maxBlockFrames];
    }

    /**
     * Control thread, before the first block: {@code part} is heard from the start, without a
     * transition; the part heard before is handed back.
     */
    public void install(P part) {
        P old = heard;
        heard = part;
        handBack(old);
    }

    /**
     * Audio thread only. Changes to {@code next} (null: nothing) by the rule of the class
     * comment: it warms up and fades in now, replaces a part warming up, or waits for the running
     * crossfade to end (replacing a change already waiting).
     */
    public void change(P next) {
        if (transition && done >= warmUp) {
            if (hasWaiting) {
                handBack(waiting); // waiting, never heard
            }
            waiting = next;
            hasWaiting = true;
            return;
        }
        if (transition) {
            handBack(incoming); // still warming up, never heard
            incoming = null;
            transition = false;
        }
        start(next);
    }

    private void start(P next) {
        if (heard == null && next == null) {
            return; // nothing to nothing: nothing to fade
        }
        incoming = next;
        transition = true;
        done = 0;
        warmUp = next == null ? 0 : parts.warmUpFrames(next);
    }

    /** Audio thread only. Runs {@code buf[0, frames)} through the part(s) held, in place. */
    public void process(double[] buf, int frames) {
        // Reads the frames left in the transition only when one runs (a change waits only then).
        boolean waits = transition && hasWaiting;
        int first = WaitingChange.firstPart(waits, waits ? warmUp + crossfadeFrames - done : 0, frames);
        processRange(buf, 0, first);
        if (first < frames) {
            processRange(buf, first, frames - first);
        }
    }

    private void processRange(double[] buf, int off, int len) {
        if (!transition) {
            if (heard != null) {
                parts.process(heard, buf, off, len);
            }
            return;
        }
        System.arraycopy(buf, off, incomingOut, off, len);
        if (incoming != null) {
            parts.process(incoming, incomingOut, off, len);
        }
        if (heard != null) {
            parts.process(heard, buf, off, len);
        }
        long n = done;
        for (int i = off, end = off + len; i < end; i++, n++) {
            long k = n - warmUp + 1; // the frame of the fade, from 1
            if (k <= 0) {
                continue; // warming up: the heard part alone
            }
            double w = k >= crossfadeFrames ? 1.0 : k / (double) crossfadeFrames;
            buf[i] = (1 - w) * buf[i] + w * incomingOut[i];
        }
        done = n;
        if (n >= warmUp + crossfadeFrames) {
            finish();
        }
    }

    private void finish() {
        P old = heard;
        heard = incoming;
        incoming = null;
        transition = false;
        handBack(old);
        if (hasWaiting) {
            hasWaiting = false;
            P next = waiting;
            waiting = null;
            start(next);
        }
    }

    /** Audio thread only. At the end of a render: hands back every part held, and holds none. */
    public void retireAll() {
        P h = heard;
        heard = null;
        handBack(h);
        if (transition) {
            P in = incoming;
            incoming = null;
            transition = false;
            handBack(in);
        }
        if (hasWaiting) {
            P w = waiting;
            waiting = null;
            hasWaiting = false;
            handBack(w);
        }
    }

    /** Collector thread, audio thread idle. Whether {@code r} is a part heard, warming up, fading in or waiting. */
    public boolean holds(Object r) {
        return r != null && (r == heard || r == incoming || r == waiting);
    }

    private void handBack(P part) {
        if (part != null) {
            parts.retire(part);
        }
    }
}
