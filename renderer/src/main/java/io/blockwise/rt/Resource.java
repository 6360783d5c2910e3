package io.blockwise.rt;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An engine object that owns arrays: a stage, a filter, a convolver, a pitch shifter, an
 * oversampler, a recorder. Each has an id ({@code kind#serial}, serials per kind from 1, given by
 * the {@link ResourceRegistry} when it is built), a deterministic size in bytes (the sum of its
 * arrays' payloads, independent of the JVM's object layout) and a checked lifecycle:
 *
 * <pre>
 *   built --install--> live --retire--> retired --free--> freed
 *   built --retire (refused by the audio thread, never installed)--> retired
 * </pre>
 *
 * The audio thread moves a resource to live and to retired; it never throws, so a transition it
 * gets wrong (retiring twice, retiring something freed, installing something not new) is recorded
 * in {@code violation} and thrown by the collector, which is the thread that may throw. Freeing
 * twice or freeing a live resource throws there too.
 *
 * <p>Every transition is one compare-and-set from the state it requires, so the lifecycle only
 * moves forward even when threads race (live mode: several control threads, the audio thread and
 * the collector): installing a retired resource leaves it retired, and of two racing retires
 * exactly one succeeds, so a resource is linked into the retire queue at most once.
 *
 * <p>Each resource carries its own retire-queue link ({@link #retireNext}), built with it on the
 * control thread, so that retiring never allocates.
 */
public abstract class Resource {

    /** Lifecycle states, in order. */
    public static final int BUILT = 0, LIVE = 1, RETIRED = 2, FREED = 3;

    private static final VarHandle STATE;
    private static final VarHandle VIOLATION;
    private static final VarHandle RETIRE_NEXT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(Resource.class, "state", int.class);
            VIOLATION = lookup.findVarHandle(Resource.class, "violation", int.class);
            RETIRE_NEXT = lookup.findVarHandle(Resource.class, "retireNext", Resource.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String kind;

    // Written once by control (ResourceRegistry.register) before the resource is shipped; the
    // queue hand-off to the audio thread and to the collector publishes it.
    private String id;
    private long serial;

    // Moved forward only by cas (markLive, markRetired by rt, markFreed by the collector); read
    // with acquire loads. The retire queue's xchg/so also orders it before the collector's poll.
    @SuppressWarnings("unused")
    private int state = BUILT;

    // The first lifecycle violation: cas from NONE by the thread that made it (rt, or any
    // thread that retires), read (la) by the collector after taking the resource off the queue.
    @SuppressWarnings("unused")
    private int violation;

    // Intrusive link of the retire queue. Written by the pushing thread (plain, before its xchg)
    // and by the next pusher (so); read by the collector (la). See RetireQueue.
    @SuppressWarnings("unused")
    private Resource retireNext;

    /** Control thread. */
    protected Resource(String kind) {
        this.kind = kind;
    }

    /** Any thread. The kind part of the id, e.g. {@code preamp}, {@code convolver}. */
    public final String kind() {
        return kind;
    }

    /** Any thread (after registration). The id, {@code kind#serial}. */
    public final String id() {
        return id;
    }

    /** Any thread (after registration). */
    public final long serial() {
        return serial;
    }

    /**
     * Control thread. The bytes this resource's arrays hold. Must be deterministic: the same
     * parameters give the same number on every JVM.
     */
    public abstract long bytes();

    /** Any thread. The lifecycle state, acquire load. */
    public final int state() {
        return laState();
    }

    final void assignId(long serial) {
        this.serial = serial;
        this.id = kind + '#' + serial;
    }

    /**
     * Audio thread only (or control, before the audio thread starts). Marks this resource as
     * installed in the engine. Never throws: a wrong transition is recorded for the collector.
     */
    public final void markLive() {
        if (!casState(BUILT, LIVE)) {
            recordViolation(Violation.INSTALLED_TWICE);
        }
    }

    /**
     * Audio thread only, via {@link RetireQueue#retire}. Returns false (and records the violation)
     * when the resource was already retired or freed, in which case it must not be pushed again.
     */
    final boolean markRetired() {
        while (true) {
            int s = laState();
            if (s == RETIRED || s == FREED) {
                recordViolation(Violation.RETIRED_TWICE);
                return false;
            }
            if (casState(s, RETIRED)) {
                return true;
            }
        }
    }

    /**
     * Collector thread. Checks the lifecycle and moves to freed.
     *
     * @throws IllegalStateException when the resource is live, built, already freed, or the audio
     *     thread recorded a violation for it
     */
    final void markFreed() {
        int v = (int) VIOLATION.getAcquire(this);
        if (v != Violation.NONE) {
            throw new IllegalStateException(id + ": " + Violation.describe(v));
        }
        if (!casState(RETIRED, FREED)) {
            int s = laState();
            if (s == FREED) {
                throw new IllegalStateException(id + " was freed twice");
            }
            throw new IllegalStateException(
                    id + " was freed while " + (s == LIVE ? "live" : "built") + " (never retired)");
        }
        release();
    }

    /**
     * Collector thread. Drops this resource's arrays. Subclasses that hold large arrays override
     * it to null them, so the memory goes with the free rather than with the last reference.
     */
    protected void release() {
    }

    final Resource lvRetireNext() {
        return (Resource) RETIRE_NEXT.getAcquire(this);
    }

    final void spRetireNext(Resource next) {
        RETIRE_NEXT.set(this, next);
    }

    final void soRetireNext(Resource next) {
        RETIRE_NEXT.setRelease(this, next);
    }

    private int laState() {
        return (int) STATE.getAcquire(this);
    }

    private boolean casState(int expected, int next) {
        return STATE.compareAndSet(this, expected, next);
    }

    private void recordViolation(int code) {
        VIOLATION.compareAndSet(this, Violation.NONE, code);
    }

    @Override
    public String toString() {
        return id == null ? kind + "#?" : id;
    }

    /** Lifecycle violations the audio thread records instead of throwing. */
    static final class Violation {
        static final int NONE = 0, INSTALLED_TWICE = 1, RETIRED_TWICE = 2;

        private Violation() {
        }

        static String describe(int code) {
            switch (code) {
                case INSTALLED_TWICE: return "installed twice";
                case RETIRED_TWICE: return "retired twice";
                default: return "no violation";
            }
        }
    }
}
