package io.blockwise.live;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded single-producer (the driver) single-consumer (the bookkeeping thread) ring of
 * preallocated {@link BlockRecord}s: the producer {@linkplain #claim claims} the next free record,
 * fills it and {@linkplain #publish publishes} it; the consumer {@linkplain #peek peeks} at the
 * oldest, reads it and {@linkplain #release releases} it. Nothing is allocated or locked on either
 * side after construction.
 *
 * <p>Ordering: the producer's plain writes to a record precede its release store of {@code tail};
 * the consumer reads {@code tail} with an acquire load before the record. The consumer's reads
 * precede its release store of {@code head}; the producer reads {@code head} with an acquire load
 * before reusing the record.
 */
final class BlockRing {
    private final BlockRecord[] records;
    // Next record to read. Written by the consumer (release), read by the producer (acquire).
    private final AtomicLong head = new AtomicLong();
    // Next record to write. Written by the producer (release), read by the consumer (acquire).
    private final AtomicLong tail = new AtomicLong();
    // Producer only: the most records ever waiting at once.
    private int maxFill;

    /** Control thread. {@code capacity} records of {@code blockSize} frames. */
    BlockRing(int capacity, int blockSize) {
        records = new BlockRecord[capacity];
        for (int i = 0; i < capacity; i++) {
            records[i] = new BlockRecord(blockSize);
        }
    }

    /** Producer only. The next free record, or null when every record waits for the consumer. */
    BlockRecord claim() {
        long t = tail.getPlain();
        long waiting = t - head.getAcquire();
        if (waiting >= records.length) {
            return null;
        }
        maxFill = (int) Math.max(maxFill, waiting + 1);
        return records[(int) (t % records.length)];
    }

    /** Producer only. Publishes the record last claimed. */
    void publish() {
        tail.setRelease(tail.getPlain() + 1);
    }

    /** Consumer only. The oldest published record, or null when none waits. */
    BlockRecord peek() {
        long h = head.getPlain();
        if (h >= tail.getAcquire()) {
            return null;
        }
        return records[(int) (h % records.length)];
    }

    /** Consumer only. Frees the record last peeked at. */
    void release() {
        head.setRelease(head.getPlain() + 1);
    }

    /** Any thread. Records. */
    int capacity() {
        return records.length;
    }

    /** Producer only. The most records that ever waited at once. */
    int maxFill() {
        return maxFill;
    }
}
