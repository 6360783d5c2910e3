package io.blockwise.rt;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Single-producer (audio thread) single-consumer (control thread) ring of event records. The
 * audio thread may not format a log line, so it records an event as primitives and references
 * into preallocated parallel arrays; the control thread drains them after the block and writes
 * the log. When the ring is full the event is counted in {@link #dropped()} (a defect the render
 * reports: the ring is sized so that a block cannot fill it).
 */
public final class RtEventRing {
    private static final VarHandle WRITE_INDEX;
    private static final VarHandle READ_INDEX;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            WRITE_INDEX = lookup.findVarHandle(RtEventRing.class, "writeIndex", long.class);
            READ_INDEX = lookup.findVarHandle(RtEventRing.class, "readIndex", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int mask;
    private final int[] type;
    private final int[] code;
    private final long[] a;
    private final long[] b;
    private final Object[] ref;
    private final Object[] ref2;

    // Written by rt (so) after the slot; read by control (la) before reading the slot.
    @SuppressWarnings("unused")
    private volatile long writeIndex;
    // Written by control (so) after reading a slot; read by rt (la) to know the slot is free.
    @SuppressWarnings("unused")
    private volatile long readIndex;
    // rt only: events that did not fit.
    private long dropped;

    /** Control thread. Capacity is rounded up to a power of two. */
    public RtEventRing(int minCapacity) {
        int cap = Integer.highestOneBit(Math.max(2, minCapacity) - 1) << 1;
        mask = cap - 1;
        type = new int[cap];
        code = new int[cap];
        a = new long[cap];
        b = new long[cap];
        ref = new Object[cap];
        ref2 = new Object[cap];
    }

    /**
     * Audio thread only (the producer; in live mode's relay of these events, the driver). Records
     * one event; never allocates.
     */
    public void record(int eventType, Object reference, Object reference2, int reasonCode, long argA, long argB) {
        long w = (long) WRITE_INDEX.get(this);
        if (w - (long) READ_INDEX.getAcquire(this) > mask) {
            dropped++;
            return;
        }
        int i = (int) w & mask;
        type[i] = eventType;
        ref[i] = reference;
        ref2[i] = reference2;
        code[i] = reasonCode;
        a[i] = argA;
        b[i] = argB;
        WRITE_INDEX.setRelease(this, w + 1);
    }

    /** Control thread only. Calls {@code sink} for each recorded event in order, then frees the slots. */
    public void drain(Sink sink) {
        drain(sink, Long.MAX_VALUE);
    }

    /**
     * Control thread only. As {@link #drain(Sink)}, but only the events recorded before the
     * producer's {@link #written()} was {@code upTo} (a ring relayed block by block: live mode's
     * bookkeeping thread logs each block's events at that block).
     */
    public void drain(Sink sink, long upTo) {
        long r = (long) READ_INDEX.get(this);
        long w = Math.min(upTo, (long) WRITE_INDEX.getAcquire(this));
        while (r < w) {
            int i = (int) r & mask;
            sink.event(type[i], ref[i], ref2[i], code[i], a[i], b[i]);
            ref[i] = null;
            ref2[i] = null;
            r++;
            READ_INDEX.setRelease(this, r);
        }
    }

    /**
     * Audio thread only. Events recorded or dropped so far (a count that only grows): the audio
     * thread compares it across a block to know whether the block left anything for the control
     * side to log.
     */
    public long recordedOrDropped() {
        return (long) WRITE_INDEX.get(this) + dropped;
    }

    /** Producer thread only. Events recorded so far (not counting dropped ones). */
    public long written() {
        return (long) WRITE_INDEX.get(this);
    }

    /** Any thread (exact once the audio thread has handed the block back). */
    public long dropped() {
        return dropped;
    }

    /** Receives drained events on the control thread. */
    public interface Sink {
        void event(int type, Object ref, Object ref2, int code, long a, long b);
    }
}
