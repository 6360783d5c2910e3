package io.blockwise.engine;

import io.blockwise.dsp.Stage;
import io.blockwise.rt.Retirer;
import io.blockwise.rt.RtEvent;
import io.blockwise.rt.RtEventRing;

/**
 * The stages in order, in fixed-capacity arrays allocated once (so inserting never grows
 * anything). Audio thread only after the engine starts. Edits use the indices of the format (the
 * stages that are heard, in order); refused edits are caught by the commands before they get here.
 *
 * <p>The arrays hold <em>slots</em>. A slot has the stage that is heard ({@code null} for a slot
 * that is being removed: the dry signal) and, while a fade runs, an <em>outgoing</em> stage that
 * processes the same input; the two outputs are crossfaded linearly over
 * {@link Engine#CROSSFADE_SECONDS} at the stage's own rate, and the outgoing stage is retired in the
 * block its fade ends. {@link #replaceFading replace} makes the old stage a slot's outgoing stage;
 * {@link #removeFading remove} does the same with the dry signal as the new side, and the slot
 * disappears with the fade (it is not counted by the indices from the moment of the remove). A
 * second edit of a slot during its fade ends the older outgoing stage at once (a step of its
 * remaining weight) and fades from the stage that was coming in. At most {@code maxChainLength}
 * removed slots can be fading at once beside a full chain; an insert that finds no free slot ends
 * the removal fade with the least weight left at once. Outgoing stages move with their slot and
 * are retired with it.
 *
 * <p>{@link #swap} cannot crossfade the two orders (each stage exists once, with its state), so
 * it dips the pair through the dry signal: both slots fade to dry over the crossfade (in the old
 * order), the slots are exchanged at the frame where they reached dry (two pass-throughs in either
 * order are the same signal; a block is run in two parts around that frame, so the exchange owes
 * nothing to where blocks begin) and fade back in, in the new order. The
 * indices count the new order from the moment of the swap. One dip runs at a time: an insert,
 * remove or swap while the pair has not been exchanged yet exchanges it at once (a step of the
 * pair's remaining weight), and a swap during a dip ends the running one at once.
 */
final class Chain {
    private final Retirer retirer;
    private final int maxLength;
    // Per slot, audio thread only: the heard stage (null: a removed slot, heard as the dry
    // signal), the stage fading out (null: none), the frames of its fade still to go and the
    // fade's whole length.
    private final Stage[] stages;
    private final Stage[] outgoing;
    private final int[] fadeLeft;
    private final int[] fadeLength;
    // The outgoing stage's output, sized for the largest block at the highest oversampling.
    // Shared by the chains of one path, which are processed one after the other.
    private final double[] outgoingOut;
    // Stages heard (what the indices count) and slots in use (heard plus removed, fading).
    private int length;
    private int slots;
    private boolean emptiedSlot;
    // The swap dip (audio thread only): the two slots in it (moving with their slots), which of
    // them are still to be exchanged, the gain in steps of 1 / dipLength (falling while
    // dipFalling), and the dry input of a dipping slot.
    private final boolean[] dipping;
    private final boolean[] crossed;
    private boolean dipActive;
    private boolean dipFalling;
    private int dipSteps;
    private int dipLength;
    private final double[] dipDry;

    Chain(int maxChainLength, double[] outgoingOut, double[] dipDry, Retirer retirer) {
        this.retirer = retirer;
        this.maxLength = maxChainLength;
        int maxSlots = 2 * maxChainLength;
        stages = new Stage[maxSlots];
        outgoing = new Stage[maxSlots];
        fadeLeft = new int[maxSlots];
        fadeLength = new int[maxSlots];
        this.outgoingOut = outgoingOut;
        this.dipDry = dipDry;
        dipping = new boolean[maxSlots];
        crossed = new boolean[maxSlots];
    }

    int length() {
        return length;
    }

    int capacity() {
        return maxLength;
    }

    /** Whether the chain is the dry signal: no stage heard and none fading out. */
    boolean isEmpty() {
        return slots == 0;
    }

    Stage get(int index) {
        return stages[slotOf(index)];
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
        for (int i = 0; i < slots; i++) {
            if (stages[i] == r || outgoing[i] == r) {
                return true;
            }
        }
        return false;
    }

    /**
     * The slot of heard stage {@code index}; for {@code index == length}, the end. A swapped pair
     * not exchanged yet counts in the new order.
     */
    private int slotOf(int index) {
        int seen = 0;
        for (int i = 0; i < slots; i++) {
            if (stages[i] != null) {
                if (seen == index) {
                    return crossed[i] ? partnerOf(i) : i;
                }
                seen++;
            }
        }
        return slots;
    }

    private int partnerOf(int slot) {
        for (int i = 0; i < slots; i++) {
            if (i != slot && crossed[i]) {
                return i;
            }
        }
        return slot;
    }

    /** Inserts {@code stage} before heard stage {@code index} (after any removed slot before it). */
    void insert(int index, Stage stage) {
        exchangeNow();
        if (slots == stages.length) {
            endQuietestRemoval();
        }
        int slot = slotOf(index);
        System.arraycopy(stages, slot, stages, slot + 1, slots - slot);
        System.arraycopy(outgoing, slot, outgoing, slot + 1, slots - slot);
        System.arraycopy(fadeLeft, slot, fadeLeft, slot + 1, slots - slot);
        System.arraycopy(fadeLength, slot, fadeLength, slot + 1, slots - slot);
        System.arraycopy(dipping, slot, dipping, slot + 1, slots - slot);
        System.arraycopy(crossed, slot, crossed, slot + 1, slots - slot);
        stages[slot] = stage;
        outgoing[slot] = null;
        fadeLeft[slot] = 0;
        dipping[slot] = false;
        crossed[slot] = false;
        slots++;
        length++;
    }

    /**
     * Takes heard stage {@code index} out of the indices; it fades out to the dry signal over the
     * crossfade and is retired when its fade ends (its own outgoing stage, if fading, at once).
     */
    void removeFading(int index) {
        exchangeNow();
        int slot = slotOf(index);
        Stage old = stages[slot];
        retireOutgoing(slot);
        startFade(slot, old, old);
        stages[slot] = null;
        length--;
    }

    /**
     * Replaces heard stage {@code index} with {@code stage}, crossfading the two; the old stage is
     * retired when the fade ends.
     */
    void replaceFading(int index, Stage stage) {
        int slot = slotOf(index);
        Stage old = stages[slot];
        retireOutgoing(slot); // a fade already running: its older stage ends here
        startFade(slot, old, stage);
        stages[slot] = stage;
    }

    private void startFade(int slot, Stage old, Stage rateOf) {
        outgoing[slot] = old;
        int frames = Engine.crossfadeFrames(rateOf.spec().sampleRate());
        fadeLength[slot] = frames;
        fadeLeft[slot] = frames;
    }

    /** Exchanges heard stages {@code a} and {@code b} through a dip to dry (see the class comment). */
    void swapDipping(int a, int b) {
        if (a == b) {
            return;
        }
        endDip();
        int x = slotOf(a);
        int y = slotOf(b);
        dipping[x] = true;
        dipping[y] = true;
        crossed[x] = true;
        crossed[y] = true;
        dipActive = true;
        dipFalling = true;
        dipLength = Engine.crossfadeFrames(stages[x].spec().sampleRate());
        dipSteps = dipLength;
    }

    /** Exchanges a swapped pair now if it has not been yet; its dip goes on rising from where it is. */
    private void exchangeNow() {
        if (!dipActive || !dipFalling) {
            return;
        }
        int x = -1;
        int y = -1;
        for (int i = 0; i < slots; i++) {
            if (crossed[i]) {
                if (x < 0) {
                    x = i;
                } else {
                    y = i;
                }
            }
        }
        crossed[x] = false;
        crossed[y] = false;
        Stage t = stages[x];
        stages[x] = stages[y];
        stages[y] = t;
        Stage o = outgoing[x];
        outgoing[x] = outgoing[y];
        outgoing[y] = o;
        int l = fadeLeft[x];
        fadeLeft[x] = fadeLeft[y];
        fadeLeft[y] = l;
        int n = fadeLength[x];
        fadeLength[x] = fadeLength[y];
        fadeLength[y] = n;
        dipFalling = false;
    }

    /** Ends a dip at once: the pair is exchanged and heard in full. */
    private void endDip() {
        exchangeNow();
        dipActive = false;
        for (int i = 0; i < slots; i++) {
            dipping[i] = false;
        }
    }

    /** Removes every stage, handing each (and any fading out) to {@code retirer} in chain order. */
    void clear(Retirer retirer) {
        for (int i = 0; i < slots; i++) {
            if (stages[i] != null) {
                retirer.retire(stages[i]);
                stages[i] = null;
            }
            retireOutgoing(i);
        }
        for (int i = 0; i < slots; i++) {
            dipping[i] = false;
            crossed[i] = false;
        }
        dipActive = false;
        slots = 0;
        length = 0;
        emptiedSlot = false;
    }

    /**
     * Runs every stage in order over {@code buf[off, off+len)}. A stage that throws is bypassed
     * for good and reported as a {@code fault}; the render goes on.
     */
    void process(double[] buf, double[] scratch, int off, int len, RtEventRing events) {
        if (dipActive && dipFalling && dipSteps < len) {
            // The swapped pair reaches dry inside this block: the block is run in two parts, so
            // that the pair is exchanged at that frame and rises in the new order from the next
            // one, whatever the block size.
            int first = dipSteps;
            processRange(buf, scratch, off, first, events);
            processRange(buf, scratch, off + first, len - first, events);
            return;
        }
        processRange(buf, scratch, off, len, events);
    }

    private void processRange(double[] buf, double[] scratch, int off, int len, RtEventRing events) {
        for (int i = 0; i < slots; i++) {
            boolean dip = dipActive && dipping[i];
            if (dip) {
                System.arraycopy(buf, off, dipDry, off, len);
            }
            if (outgoing[i] != null) {
                System.arraycopy(buf, off, outgoingOut, off, len);
                run(outgoing[i], outgoingOut, scratch, off, len, events);
                if (stages[i] != null) {
                    run(stages[i], buf, scratch, off, len, events);
                }
                crossfade(i, buf, off, len);
            } else {
                run(stages[i], buf, scratch, off, len, events);
            }
            if (dip) {
                dip(buf, off, len);
            }
        }
        if (dipActive) {
            advanceDip(len);
        }
        if (emptiedSlot) {
            compact();
        }
    }

    /** Mixes a dipping slot's output with its dry input at the dip's gain, frame by frame. */
    private void dip(double[] buf, int off, int len) {
        int s = dipSteps;
        double unit = 1.0 / dipLength;
        for (int k = off, end = off + len; k < end; k++) {
            s = dipFalling ? Math.max(0, s - 1) : Math.min(dipLength, s + 1);
            double dry = dipDry[k];
            buf[k] = dry + s * unit * (buf[k] - dry);
        }
    }

    private void advanceDip(int len) {
        if (dipFalling) {
            dipSteps = Math.max(0, dipSteps - len);
            if (dipSteps == 0) {
                exchangeNow(); // at the frame both reached dry (process splits the block there)
            }
        } else {
            dipSteps = Math.min(dipLength, dipSteps + len);
            if (dipSteps == dipLength) {
                endDip();
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
            if (stages[slot] == null) {
                emptiedSlot = true; // a removed slot whose fade is over: dropped by compact()
            }
        }
    }

    /** Ends the removal fade with the least weight left at once and frees its slot. */
    private void endQuietestRemoval() {
        int quietest = -1;
        for (int i = 0; i < slots; i++) {
            if (stages[i] == null && (quietest < 0 || fadeLeft[i] < fadeLeft[quietest])) {
                quietest = i;
            }
        }
        retireOutgoing(quietest);
        compact();
    }

    /** Drops the removed slots whose fade is over, keeping the order of the rest. */
    private void compact() {
        int kept = 0;
        for (int i = 0; i < slots; i++) {
            if (stages[i] != null || outgoing[i] != null) {
                stages[kept] = stages[i];
                outgoing[kept] = outgoing[i];
                fadeLeft[kept] = fadeLeft[i];
                fadeLength[kept] = fadeLength[i];
                dipping[kept] = dipping[i];
                crossed[kept] = crossed[i];
                kept++;
            }
        }
        for (int i = kept; i < slots; i++) {
            stages[i] = null;
            outgoing[i] = null;
            fadeLeft[i] = 0;
            dipping[i] = false;
            crossed[i] = false;
        }
        slots = kept;
        emptiedSlot = false;
    }
}
