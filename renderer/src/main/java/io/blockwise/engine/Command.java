package io.blockwise.engine;

/**
 * A finished control message: built on the control thread with every resource it carries
 * already prepared and registered, queued to the audio thread, applied there by
 * {@link #apply} without allocating. A refused command's resources are retired, never dropped.
 */
public abstract class Command implements io.blockwise.rt.ManyToOneCommandQueue.Sequenced {
    private final String name;
    // Written by the sending control thread inside the queue's offer, before the slot is published
    // (so); read by rt after the poll (la of the slot publishes it) and by the control side when
    // it logs the rt events (the event ring's so/la orders it after rt's read).
    private long seq;

    /** Control thread. {@code name} is the format's {@code do} name (a constant). */
    protected Command(String name) {
        this.name = name;
    }

    /** Any thread. The {@code do} name. */
    public final String name() {
        return name;
    }

    /** Any thread. Place in the audio thread's order (the queue position + 1), from 1. */
    public final long seq() {
        return seq;
    }

    /**
     * Control thread, inside the command queue's offer, after it claimed its position and before
     * it is published: the command's sequence number.
     */
    @Override
    public final void assignSequence(long sequence) {
        this.seq = sequence;
    }

    /**
     * Audio thread only. Applies the command to {@code engine}. Returns {@link RejectReason#NONE}
     * when it took effect, or the reason it was refused, with its arguments left in
     * {@link Engine#rejectA}/{@link Engine#rejectB}. A refusal changes nothing.
     */
    abstract int apply(Engine engine);

    /** Audio thread only. Retires every resource the command carried and did not install. */
    abstract void retirePayload(Engine engine);
}
