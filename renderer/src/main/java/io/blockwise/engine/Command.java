package io.blockwise.engine;

/**
 * A finished control message: built on the control thread with every resource it carries
 * already prepared and registered, queued to the audio thread, applied there by
 * {@link #apply} without allocating. A refused command's resources are retired, never dropped.
 */
public abstract class Command {
    private final String name;
    // Written by control before the queue offer; read by rt after the poll (the queue's
    // release/acquire publishes it) and by control again when it logs the rt events.
    private long seq;

    /** Control thread. {@code name} is the format's {@code do} name (a constant). */
    protected Command(String name) {
        this.name = name;
    }

    /** Any thread. The {@code do} name. */
    public final String name() {
        return name;
    }

    /** Any thread. Send order, from 1. */
    public final long seq() {
        return seq;
    }

    /** Control thread, before sending. */
    final void assignSeq(long value) {
        this.seq = value;
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
