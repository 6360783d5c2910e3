package io.blockwise.engine;

import io.blockwise.dsp.PitchShifter;
import io.blockwise.dsp.WaitingChange;
import io.blockwise.rt.Retirer;

/**
 * The pitch-shift slot of the signal path, changed without a click. A new shifter starts empty:
 * for about its latency it outputs silence and then fades in as its windows fill (at +3 semitones,
 * silence for about 5 ms and a fade over 30-50 ms). So a change never switches to it at once: the
 * new shifter (or the dry signal, for 0 semitones) is fed the same input while the old one stays
 * audible, until the new one is full ({@link #warmUpFrames}); then the two are crossfaded with
 * equal-gain linear ramps over {@code crossfadeFrames}, and the old shifter is retired in the block
 * the fade ends. A change that arrives while a new shifter is still warming up replaces it (the
 * unheard one is retired at once); one that arrives during a crossfade waits for its end and
 * starts at the next frame ({@link WaitingChange}).
 *
 * <p>Audio thread only once the engine runs ({@link #install} is for the set-up, on the control
 * thread before the first block). Never allocates: the scratch buffer is sized once.
 */
final class PitchPath {
    private final Retirer retirer;
    private final int crossfadeFrames;
    private final double[] incomingOut;

    // Audio thread only. `current` is audible (null: the dry signal). During a transition,
    // `incoming` (null: dry) is fed from its start and becomes audible after its warm-up.
    private PitchShifter current;
    private PitchShifter incoming;
    private boolean transition;
    private long transitionFrames;
    private long warmUp;
    // A change that arrived during a crossfade, started when it ends.
    private PitchShifter queued;
    private boolean hasQueued;

    PitchPath(Retirer retirer, int maxBlockFrames, int crossfadeFrames) {
        this.retirer = retirer;
        this.crossfadeFrames = crossfadeFrames;
        this.incomingOut = new double[maxBlockFrames];
    }

    /** Frames a new {@code shifter} is fed before it is heard: its latency plus one analysis frame. */
    static long warmUpFrames(PitchShifter shifter) {
        return shifter == null ? 0 : shifter.latencyFrames() + PitchShifter.FFT_SIZE;
    }

    /** Control thread, before the first block: {@code shifter} is heard from the start. */
    void install(PitchShifter shifter) {
        Engine.install(shifter);
        PitchShifter old = current;
        current = shifter;
        retire(old);
    }

    /** Audio thread only. Starts (or queues) a click-free change to {@code next} (null: 0 semitones). */
    void change(PitchShifter next) {
        Engine.install(next);
        if (next == null && current == null && !transition && !hasQueued) {
            return; // dry to dry: nothing to fade
        }
        if (transition && transitionFrames >= warmUp) {
            // Crossfading: the new change waits; a change already waiting was never heard.
            if (hasQueued) {
                retire(queued);
            }
            queued = next;
            hasQueued = true;
            return;
        }
        if (transition) {
            retire(incoming); // still warming up, never heard
        }
        start(next);
    }

    private void start(PitchShifter next) {
        incoming = next;
        transition = true;
        transitionFrames = 0;
        warmUp = warmUpFrames(next);
    }

    /** Audio thread only. Processes {@code len} frames of {@code buf} from 0 in place. */
    void process(double[] buf, int len) {
        // Reads the frames left in the transition only when one runs (a change waits only then).
        boolean waits = transition && hasQueued;
        int first = WaitingChange.firstPart(waits, waits ? warmUp + crossfadeFrames - transitionFrames : 0, len);
        processRange(buf, 0, first);
        if (first < len) {
            processRange(buf, first, len - first);
        }
    }

    private void processRange(double[] buf, int off, int len) {
        if (!transition) {
            if (current != null) {
                current.process(buf, off, len);
            }
            return;
        }
        System.arraycopy(buf, off, incomingOut, off, len);
        if (incoming != null) {
            incoming.process(incomingOut, off, len);
        }
        if (current != null) {
            current.process(buf, off, len);
        }
        long n = transitionFrames;
        for (int i = off, end = off + len; i < end; i++, n++) {
            long intoFade = n - warmUp + 1;
            if (intoFade <= 0) {
                continue;
            }
            double g = intoFade >= crossfadeFrames ? 1.0 : intoFade / (double) crossfadeFrames;
            buf[i] = (1 - g) * buf[i] + g * incomingOut[i];
        }
        transitionFrames = n;
        if (n >= warmUp + crossfadeFrames) {
            finish();
        }
    }

    private void finish() {
        PitchShifter old = current;
        current = incoming;
        incoming = null;
        transition = false;
        retire(old);
        if (hasQueued) {
            hasQueued = false;
            PitchShifter next = queued;
            queued = null;
            start(next);
        }
    }

    /** Audio thread only. At the end of a render: retires every shifter held. */
    void retireAll() {
        retire(current);
        current = null;
        if (transition) {
            retire(incoming);
            incoming = null;
            transition = false;
        }
        if (hasQueued) {
            retire(queued);
            queued = null;
            hasQueued = false;
        }
    }

    /** Collector thread, audio thread idle. Whether {@code r} is one of the shifters held. */
    boolean reaches(Object r) {
        return r != null && (r == current || r == incoming || r == queued);
    }

    private void retire(PitchShifter s) {
        if (s != null) {
            retirer.retire(s);
        }
    }
}
