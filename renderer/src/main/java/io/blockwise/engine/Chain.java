package io.blockwise.engine;

import io.blockwise.dsp.Stage;
import io.blockwise.rt.RtEvent;
import io.blockwise.rt.RtEventRing;

/**
 * The stages in order, in a fixed-capacity array allocated once (so inserting never grows
 * anything). Audio thread only after the engine starts. Edits return a reject code or
 * {@link RejectReason#NONE}; refused edits change nothing.
 */
final class Chain {
    private final Stage[] stages;
    private int length;

    Chain(int maxChainLength) {
        stages = new Stage[maxChainLength];
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
        return index >= 0 && index < length;
    }

    void insert(int index, Stage stage) {
        System.arraycopy(stages, index, stages, index + 1, length - index);
        stages[index] = stage;
        length++;
    }

    Stage remove(int index) {
        Stage old = stages[index];
        System.arraycopy(stages, index + 1, stages, index, length - index - 1);
        stages[--length] = null;
        return old;
    }

    Stage set(int index, Stage stage) {
        Stage old = stages[index];
        stages[index] = stage;
        return old;
    }

    void swap(int a, int b) {
        Stage t = stages[a];
        stages[a] = stages[b];
        stages[b] = t;
    }

    /** Removes every stage, handing each to {@code retirer} in chain order. */
    void clear(Engine retirer) {
        for (int i = 0; i < length; i++) {
            retirer.retire(stages[i]);
            stages[i] = null;
        }
        length = 0;
    }

    /**
     * Runs every stage in order over {@code buf[off, off+len)}. A stage that throws is bypassed
     * for good and reported as a {@code fault}; the render goes on.
     */
    void process(double[] buf, double[] scratch, int off, int len, RtEventRing events) {
        for (int i = 0; i < length; i++) {
            Stage s = stages[i];
            try {
                s.processWithBypass(buf, scratch, off, len);
            } catch (RuntimeException e) {
                s.forceBypassed();
                events.record(RtEvent.FAULT, s, e, 0, 0, 0);
            }
        }
    }
}
