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
