package io.blockwise.engine;

import io.blockwise.dsp.Stage;
import io.blockwise.rt.Retirer;
import io.blockwise.rt.RtEvent;
import io.blockwise.rt.RtEventRing;

/**
 * The stages in order, in a fixed-capacity array allocated once (so inserting never grows
 * anything). Audio thread only after the engine starts. Edits return a reject code or
 * {@link RejectReason#NONE}; refused edits change nothing.
 *
 * <p>A stage replaced in a running chain is not switched out at once (a click): it stays in its
 * slot as the slot's <em>outgoing</em> stage, processing the same input, while the two outputs are
 * crossfaded linearly over {@link Engine#CROSSFADE_SECONDS} at the stage's own rate; it is retired in
 * the block its fade ends. A second replace of the same slot during a fade ends the older
 * outgoing stage at once (a step of its remaining weight) and fades from the stage that was
 * coming in. Outgoing stages move with their slot and are retired with it.
 */
final class Chain {
    private final Retirer retirer;
    private final Stage[] stages;
    // Per slot, audio thread only: the stage being replaced (null: none), the frames of its fade
    // still to go and the fade's whole length.
    private final Stage[] outgoing;
    private final int[] fadeLeft;
    private final int[] fadeLength;
    // The outgoing stage's output, sized for the largest block at the highest oversampling.
    private final double[] outgoingOut;
    private int length;

    Chain(int maxChainLength, int maxFrames, Retirer retirer) {
        this.retirer = retirer;
        stages = new Stage[maxChainLength];
        outgoing = new Stage[maxChainLength];
        fadeLeft = new int[maxChainLength];
        fadeLength = new int[maxChainLength];
        outgoingOut = new double[maxFrames];
    }

    int length() {
        return length;
    }

    int capacity() {
        return stages.length;
    }

    Stage get(int index) {
        return stages[index];
    }

    boolean exists(long index) {
        return exists(index, length);
    }

    // The rules of the chain edits, in one place: the audio thread's commands apply them to this
    // chain, and the control side's mirror (ChainModel) to its copy, so the two agree on every
    // edit. Any thread; they never allocate. Indices are non-negative (a negative one is a load error).

    /** Any thread. Whether a chain of {@code length} stages has a stage at {@code index}. */
    static boolean exists(long index, int length) {
        return index >= 0 && index < length;
    }

    /** Any thread. Whether a stage may be inserted at {@code index} (0..length) of a chain of {@code length}. */
    static boolean insertable(long index, int length) {
        return index <= length;
    }

    /** Any thread. Whether a chain of {@code length} stages has room for one more within {@code capacity}. */
    static boolean hasRoom(int length, int capacity) {
        return length < capacity;
    }

    /** Any thread. Whether a chain of {@code stages} stages fits {@code capacity}. */
    static boolean fits(int stages, int capacity) {
        return stages <= capacity;
    }

    /** Whether {@code r} is a stage of this chain, heard or fading out. */
    boolean holds(Object r) {
        for (int i = 0; i < length; i++) {
            if (stages[i] == r || outgoing[i] == r) {
                return true;
            }
        }
        return false;
    }

    void insert(int index, Stage stage) {
        shiftRight(index);
        stages[index] = stage;
        length++;
    }

    /** Takes the stage at {@code index} out; its outgoing stage, if fading, is retired with it. */
    Stage remove(int index) {
        Stage old = stages[index];
        retireOutgoing(index);
        System.arraycopy(stages, index + 1, stages, index, length - index - 1);
        System.arraycopy(outgoing, index + 1, outgoing, index, length - index - 1);
        System.arraycopy(fadeLeft, index + 1, fadeLeft, index, length - index - 1);
        System.arraycopy(fadeLength, index + 1, fadeLength, index, length - index - 1);
        length--;
        stages[length] = null;
        outgoing[length] = null;
        return old;
    }

    /** Puts {@code stage} in slot {@code index} at once (no fade); returns the stage it replaced. */
    Stage set(int index, Stage stage) {
        Stage old = stages[index];
        stages[index] = stage;
        return old;
    }

    /**
     * Replaces the stage at {@code index} with {@code stage}, crossfading the two; the old stage
     * is retired when the fade ends.
     */
    void replaceFading(int index, Stage stage) {
        Stage old = stages[index];
        retireOutgoing(index); // a fade already running: its older stage ends here
        outgoing[index] = old;
        int frames = Engine.crossfadeFrames(stage.spec().sampleRate());
        fadeLength[index] = frames;
        fadeLeft[index] = frames;
        stages[index] = stage;
    }

    void swap(int a, int b) {
        Stage t = stages[a];
        stages[a] = stages[b];
        stages[b] = t;
        Stage o = outgoing[a];
        outgoing[a] = outgoing[b];
        outgoing[b] = o;
        int l = fadeLeft[a];
        fadeLeft[a] = fadeLeft[b];
        fadeLeft[b] = l;
        int n = fadeLength[a];
        fadeLength[a] = fadeLength[b];
        fadeLength[b] = n;
    }

    /** Removes every stage, handing each (and any fading out) to {@code retirer} in chain order. */
    void clear(Engine retirer) {
        for (int i = 0; i < length; i++) {
            retirer.retire(stages[i]);
            stages[i] = null;
            retireOutgoing(i);
        }
        length = 0;
    }

    /**
     * Runs every stage in order over {@code buf[off, off+len)}. A stage that throws is bypassed
     * for good and reported as a {@code fault}; the render goes on.
     */
    void process(double[] buf, double[] scratch, int off, int len, RtEventRing events) {
        for (int i = 0; i < length; i++) {
            if (outgoing[i] != null) {
                System.arraycopy(buf, off, outgoingOut, off, len);
                run(outgoing[i], outgoingOut, scratch, off, len, events);
                run(stages[i], buf, scratch, off, len, events);
                crossfade(i, buf, off, len);
            } else {
                run(stages[i], buf, scratch, off, len, events);
            }
        }
    }

    private static void run(Stage s, double[] buf, double[] scratch, int off, int len, RtEventRing events) {
        try {
            s.processWithBypass(buf, scratch, off, len);
        } catch (RuntimeException e) {
            s.forceBypassed();
            events.record(RtEvent.FAULT, s, e, 0, 0, 0);
        }
    }

    private void crossfade(int slot, double[] buf, int off, int len) {
        int left = fadeLeft[slot];
        double unit = 1.0 / fadeLength[slot];
        for (int k = off, end = off + len; k < end; k++) {
            if (left > 0) {
                left--;
            }
            double g = 1 - left * unit; // the new stage's weight, reaching exactly 1
            buf[k] = g * buf[k] + (1 - g) * outgoingOut[k];
        }
        fadeLeft[slot] = left;
        if (left == 0) {
            retireOutgoing(slot);
        }
    }

    private void retireOutgoing(int slot) {
        Stage o = outgoing[slot];
        if (o != null) {
            outgoing[slot] = null;
            fadeLeft[slot] = 0;
            retirer.retire(o);
        }
    }

    private void shiftRight(int index) {
        System.arraycopy(stages, index, stages, index + 1, length - index);
        System.arraycopy(outgoing, index, outgoing, index + 1, length - index);
        System.arraycopy(fadeLeft, index, fadeLeft, index + 1, length - index);
        System.arraycopy(fadeLength, index, fadeLength, index + 1, length - index);
        outgoing[index] = null;
        fadeLeft[index] = 0;
    }
}
