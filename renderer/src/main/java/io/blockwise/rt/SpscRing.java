package io.blockwise.rt;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A bounded single-producer single-consumer ring of preallocated slots (rtrb's and JCTools'
 * design, Lamport's queue with cached indices), written with VarHandles only.
 *
 * <p>Why not JCTools' {@code SpscArrayQueue} on the audio thread: JCTools reaches memory ordering
 * through {@code sun.misc.Unsafe}, and the fuzzer found (seed 4242, try 94; JFR with
 * -XX:-UseTLAB named {@code SpscArrayQueueProducerIndexFields.soProducerIndex}) a rare one-off
 * allocation of about 2 KB of Strings on the calling thread at that call, late in a long-running
 * JVM, after every constant on the path had been interned. The VarHandle paths used here (as in
 * {@link RetireQueue} and {@link RtEventRing}) never showed it.
 *
 * <p>Ordering: the producer writes the slot (plain), then publishes it with a release store of
 * {@code tail} ({@code so}); the consumer reads {@code tail} with an acquire load ({@code la}),
 * then the slot, clears it, and frees it with a release store of {@code head}; the producer sees the
 * free slot through an acquire load of {@code head}. Each side caches the other's index and re-reads
 * it only when the ring looks full (producer) or empty (consumer).
 *
 * @param <T> element type
 */
public final class SpscRing<T> {
    private static final VarHandle HEAD;
    private static final VarHandle TAIL;
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(SpscRing.class, "head", long.class);
            TAIL = lookup.findVarHandle(SpscRing.class, "tail", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Object[] slots;
    private final int capacity;

    // Next slot to read. Written by the consumer (so), read by the producer (la).
    @SuppressWarnings("unused")
    private volatile long head;
    // Producer only: its cached copy of head.
    private long headCache;
    // Next slot to write. Written by the producer (so), read by the consumer (la).
    @SuppressWarnings("unused")
    private volatile long tail;
    // Consumer only: its cached copy of tail.
    private long tailCache;

    /** Control thread. Allocates all {@code capacity} slots. */
    public SpscRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("ring capacity " + capacity + " must be at least 1");
        }
        this.capacity = capacity;
        this.slots = new Object[capacity];
    }

    /** Producer thread only. Adds {@code e}, or returns false when full. Never allocates. */
    public boolean offer(T e) {
        long t = (long) TAIL.get(this);
        if (t - headCache >= capacity) {
            headCache = (long) HEAD.getAcquire(this);
            if (t - headCache >= capacity) {
                return false;
            }
        }
        SLOTS.set(slots, (int) (t % capacity), e);
        TAIL.setRelease(this, t + 1);
        return true;
    }

    /** Consumer thread only. Takes the oldest element, or null when empty. Never allocates. */
    @SuppressWarnings("unchecked")
    public T poll() {
        long h = (long) HEAD.get(this);
        if (h >= tailCache) {
            tailCache = (long) TAIL.getAcquire(this);
            if (h >= tailCache) {
                return null;
            }
        }
        int i = (int) (h % capacity);
        T e = (T) SLOTS.get(slots, i);
        SLOTS.set(slots, i, null);
        HEAD.setRelease(this, h + 1);
        return e;
    }

    /**
     * Any thread. Elements waiting; from the producer it can only overestimate (the consumer's
     * index is read with acquire ordering after the producer's own).
     */
    public int size() {
        long t = (long) TAIL.getAcquire(this);
        long h = (long) HEAD.getAcquire(this);
        return (int) Math.max(0, Math.min(capacity, t - h));
    }

    /** Any thread. */
    public int capacity() {
        return capacity;
    }
}
