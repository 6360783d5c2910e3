package io.blockwise.rt;

/** Kinds of event the audio thread records in its {@link RtEventRing}. */
public final class RtEvent {
    private RtEvent() {
    }

    /** A command took effect. {@code ref} = the command. */
    public static final int APPLY = 1;
    /** A command was refused. {@code ref} = the command, {@code code} = reason, {@code a}, {@code b} = arguments. */
    public static final int REJECT = 2;
    /** A resource went onto the retire queue. {@code ref} = the resource. */
    public static final int RETIRE = 3;
    /** A stage threw and was bypassed. {@code ref} = the stage, {@code ref2} = the throwable. */
    public static final int FAULT = 4;
    /** A pool was empty. {@code ref} = the resource, {@code a} = frames lost. */
    public static final int OVERRUN = 5;
}
