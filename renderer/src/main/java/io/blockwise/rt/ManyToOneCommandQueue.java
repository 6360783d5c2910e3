package io.blockwise.rt;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

// The fields are grouped by the thread that writes them and padded apart (JCTools' layout: the
// JVM lays out a superclass's fields before its subclass's, so each pad class puts 128 bytes
// between the producers' hot index and the consumer's).

abstract class ManyToOnePadBeforeProducer {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
}

abstract class ManyToOneProducerFields extends ManyToOnePadBeforeProducer {
    // Next position to claim. Written by producers (cas), read by producers (lv) and by size() (la).
    volatile long producerIndex;
}

abstract class ManyToOnePadBetween extends ManyToOneProducerFields {
    long p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p30, p31, p32, p33, p34, p35;
}

abstract class ManyToOneConsumerField extends ManyToOnePadBetween {
    // Next position to take. Written by the consumer only (so), read by the consumer (lp) and by
    // size() (la).
    volatile long consumerIndex;
}

abstract class ManyToOnePadAfterConsumer extends ManyToOneConsumerField {
    long p40, p41, p42, p43, p44, p45, p46, p47, p48, p49, p50, p51, p52, p53, p54, p55;
}

/**
 * A bounded, array-backed many-to-one queue: any number of producer threads, one consumer (the
 * audio thread). Dmitry Vyukov's bounded queue with a sequence number per slot, as JCTools'
 * {@code MpscArrayQueue} and Agrona's {@code ManyToOneConcurrentArrayQueue}: lock-free for the
 * producers (one {@code cas} on the producer index claims a position), wait-free for the consumer,
 * exactly {@code capacity} preallocated slots, and neither {@link #offer} nor {@link #poll}
 * allocates.
 *
 * <p>Slot {@code i = position mod capacity} carries a sequence: {@code position} while it is free
 * for the producer of that position, {@code position + 1} once that producer has written it, and
 * {@code position + capacity} once the consumer has emptied it (free for the next lap).
 *
 * <p>Ordering (vocabulary of {@code rt/package-info}): a producer reads the producer index (lv)
 * and the slot's sequence (la); if the sequence equals its position it claims the position with a
 * cas on the producer index, writes the element (sp), lets a {@link Sequenced} element learn its
 * position (plain writes), and publishes the slot with a release store of its sequence (so). The
 * consumer reads the sequence (la): {@code position + 1} means the element and everything its
 * producer wrote before are visible; it clears the slot (sp), frees it for the next lap (so of
 * the sequence) and advances its index (so). A claimed but not yet published slot stops the
 * consumer there, so elements are taken exactly in claim order: the position returned by
 * {@link #offer} is the element's place in the consumer's order.
 *
 * @param <T> element type
 */
public final class ManyToOneCommandQueue<T> extends ManyToOnePadAfterConsumer {
    /** An element that learns its position, written before the queue publishes it. */
    public interface Sequenced {
        /**
         * Producer thread, inside {@link ManyToOneCommandQueue#offer} after the position is
         * claimed and before the element is published: {@code sequence} is the position + 1 (the
         * consumer's order, from 1).
         */
        void assignSequence(long sequence);
    }

    private static final VarHandle PRODUCER_INDEX;
    private static final VarHandle CONSUMER_INDEX;
    private static final VarHandle SEQUENCES = MethodHandles.arrayElementVarHandle(long[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PRODUCER_INDEX = lookup.findVarHandle(ManyToOneProducerFields.class, "producerIndex", long.class);
            CONSUMER_INDEX = lookup.findVarHandle(ManyToOneConsumerField.class, "consumerIndex", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Final, written by the constructor: published to every thread with the queue itself.
    private final int capacity;
    // Slot contents. Written by the claiming producer (sp) before its so of the slot's sequence,
    // read and cleared by the consumer (lp/sp) after its la of that sequence.
    private final Object[] slots;
    // Per-slot sequences. Written by producers (so, after the element) and by the consumer (so,
    // after clearing); read by both (la).
    private final long[] sequences;

    /** Control thread. Allocates all {@code capacity} slots. */
    public ManyToOneCommandQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity " + capacity + " must be at least 1");
        }
        this.capacity = capacity;
        this.slots = new Object[capacity];
        this.sequences = new long[capacity];
        for (int i = 0; i < capacity; i++) {
            sequences[i] = i;
        }
    }

    /**
     * Any thread (a producer). Adds {@code e} and returns its position (from 0, the consumer's
     * order), or -1 when {@code capacity} elements are waiting. Lock-free; never allocates.
     */
    public long offer(T e) {
        if (e == null) {
            throw new NullPointerException("null element");
        }
        while (true) {
            long pos = lvProducerIndex();
            int i = (int) (pos % capacity);
            long seq = laSequence(i);
            if (seq == pos) {
                if (casProducerIndex(pos, pos + 1)) {
                    slots[i] = e;
                    if (e instanceof Sequenced s) {
                        s.assignSequence(pos + 1);
                    }
                    soSequence(i, pos + 1);
                    return pos;
                }
            } else if (seq < pos) {
                // The slot still holds the element of the previous lap: full, unless the consumer
                // has moved on since the index was read (then the next read sees a new position).
                if (pos == lvProducerIndex()) {
                    return -1;
                }
            }
            // seq > pos: another producer claimed this position first; read the index again.
        }
    }

    /** Audio thread only (the single consumer). The oldest element, or null. Never allocates. */
    @SuppressWarnings("unchecked")
    public T poll() {
        long pos = lpConsumerIndex();
        int i = (int) (pos % capacity);
        if (laSequence(i) != pos + 1) {
            return null; // empty, or the next position is claimed but not yet published
        }
        T e = (T) slots[i];
        slots[i] = null;
        soSequence(i, pos + capacity);
        soConsumerIndex(pos + 1);
        return e;
    }

    /**
     * Any thread. Elements claimed and not yet taken (a snapshot, 0..capacity): it counts claimed
     * positions whose element may not be published yet.
     */
    public int size() {
        long c = laConsumerIndex();
        long p = laProducerIndex();
        return (int) Math.max(0, Math.min(capacity, p - c));
    }

    /** Any thread. */
    public int capacity() {
        return capacity;
    }

    private long lvProducerIndex() {
        return (long) PRODUCER_INDEX.getVolatile(this);
    }

    private long laProducerIndex() {
        return (long) PRODUCER_INDEX.getAcquire(this);
    }

    private boolean casProducerIndex(long expect, long update) {
        return PRODUCER_INDEX.compareAndSet(this, expect, update);
    }

    private long lpConsumerIndex() {
        return (long) CONSUMER_INDEX.get(this);
    }

    private long laConsumerIndex() {
        return (long) CONSUMER_INDEX.getAcquire(this);
    }

    private void soConsumerIndex(long v) {
        CONSUMER_INDEX.setRelease(this, v);
    }

    private long laSequence(int i) {
        return (long) SEQUENCES.getAcquire(sequences, i);
    }

    private void soSequence(int i, long v) {
        SEQUENCES.setRelease(sequences, i, v);
    }
}
