package io.blockwise.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.blockwise.rt.RtEvent;
import io.blockwise.rt.RtEventRing;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockRingTest {

    @Test
    void aFullRingRefusesAClaimUntilTheConsumerReleasesTheOldestRecord() {
        BlockRing ring = new BlockRing(2, 4);
        BlockRecord first = ring.claim();
        first.block = 0;
        ring.publish();
        ring.claim().block = 1;
        ring.publish();
        assertNull(ring.claim(), "two records waiting in a ring of two");
        assertEquals(2, ring.maxFill());
        assertSame(first, ring.peek());
        ring.release();
        BlockRecord again = ring.claim();
        assertSame(first, again, "the released record is reused: nothing is allocated per block");
        assertEquals(1, ring.peek().block);
    }

    @Test
    void everyBlockCrossesToTheConsumerInOrderWithItsSamplesIntact() throws Exception {
        BlockRing ring = new BlockRing(8, 16);
        int blocks = 200_000;
        List<String> wrong = new ArrayList<>();
        Thread consumer = new Thread(() -> {
            for (long b = 0; b < blocks; ) {
                BlockRecord r = ring.peek();
                if (r == null) {
                    Thread.onSpinWait();
                    continue;
                }
                if (r.block != b || r.out[15] != b * 0.5 || r.eventsEnd != 3 * b) {
                    wrong.add("block " + b + ": got " + r.block + ", " + r.out[15] + ", " + r.eventsEnd);
                }
                ring.release();
                b++;
            }
        });
        consumer.start();
        for (long b = 0; b < blocks; b++) {
            BlockRecord r;
            while ((r = ring.claim()) == null) {
                Thread.onSpinWait();
            }
            r.block = b;
            java.util.Arrays.fill(r.out, b * 0.5);
            r.eventsEnd = 3 * b;
            ring.publish();
        }
        consumer.join();
        assertEquals(List.of(), wrong);
    }

    @Test
    void aRelayDrainedToABlocksEndLeavesTheNextBlocksEventsForTheirOwnBlock() {
        RtEventRing relay = new RtEventRing(16);
        relay.record(RtEvent.APPLY, "a", null, 0, 1, 0);
        relay.record(RtEvent.APPLY, "b", null, 0, 2, 0);
        long endOfFirst = relay.written();
        relay.record(RtEvent.APPLY, "c", null, 0, 3, 0);
        List<Object> got = new ArrayList<>();
        relay.drain((type, ref, ref2, code, a, b) -> got.add(ref), endOfFirst);
        assertEquals(List.of("a", "b"), got);
        relay.drain((type, ref, ref2, code, a, b) -> got.add(ref), relay.written());
        assertEquals(List.of("a", "b", "c"), got);
    }
}
