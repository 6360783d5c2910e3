package io.blockwise.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class RtEventRingTest {

    @org.junit.jupiter.api.BeforeAll
    static void primeTheJvm() {
        // Interns string constants: a C2 compile requested by this thread would otherwise
        // allocate them here, inside a measured scope (see JvmPrimer).
        io.blockwise.testing.AllocationGuard.primeJvm();
    }

    @Test
    void recordsDrainInOrderAndAFullRingCountsWhatItDropped() {
        RtEventRing ring = new RtEventRing(4);
        for (int i = 0; i < 6; i++) {
            ring.record(RtEvent.APPLY, "r" + i, null, i, i * 10L, i * 100L);
        }
        List<String> got = new ArrayList<>();
        ring.drain((type, ref, ref2, code, a, b) -> got.add(ref + ":" + code + ":" + a + ":" + b));
        assertEquals(List.of("r0:0:0:0", "r1:1:10:100", "r2:2:20:200", "r3:3:30:300"), got);
        assertEquals(2, ring.dropped());
    }

    @Test
    void aDrainedRingTakesAsManyAgainAndDeliversEachEventOnce() {
        RtEventRing ring = new RtEventRing(4);
        List<Long> got = new ArrayList<>();
        RtEventRing.Sink sink = (type, ref, ref2, code, a, b) -> got.add(a);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                ring.record(RtEvent.APPLY, null, null, 0, round * 4L + i, 0);
            }
            ring.drain(sink);
            ring.drain(sink); // nothing new: nothing delivered twice
        }
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L), got);
        assertEquals(0, ring.dropped(), "each round fits once the previous one was drained");
        assertEquals(12, ring.written());
    }

    @Test
    void countsWhatWasRecordedAndWhatWasDroppedSeparatelyAndTogether() {
        RtEventRing ring = new RtEventRing(4);
        for (int i = 0; i < 7; i++) {
            ring.record(RtEvent.APPLY, null, null, 0, i, 0);
        }
        assertEquals(4, ring.written());
        assertEquals(3, ring.dropped());
        assertEquals(7, ring.recordedOrDropped());
    }

    @Tag("soak") // left out of the mutation profiles (TESTING.md, "Mutation score")
    @Test
    void eventsCrossThreadsWithTheirFieldsIntact() throws Exception {
        RtEventRing ring = new RtEventRing(64);
        int n = 1_000_000;
        Thread producer = new Thread(() -> {
            for (int i = 0; i < n; i++) {
                long before = ring.dropped();
                ring.record(RtEvent.APPLY, null, null, i, i, -i);
                while (ring.dropped() != before) { // full: retry, as a test producer may
                    before = ring.dropped();
                    Thread.onSpinWait();
                    ring.record(RtEvent.APPLY, null, null, i, i, -i);
                }
            }
        });
        producer.start();
        long[] next = {0};
        while (next[0] < n) {
            ring.drain((type, ref, ref2, code, a, b) -> {
                assertEquals(next[0], a);
                assertEquals(-next[0], b);
                assertEquals((int) next[0], code);
                next[0]++;
            });
        }
        producer.join();
    }
}
