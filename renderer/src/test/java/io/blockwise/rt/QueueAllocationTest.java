package io.blockwise.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.blockwise.testing.AllocationGuard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The queues' audio-thread operations allocate nothing: measured from the first call on fresh
 * queues (interpreted at that point, and in the -Xint execution throughout), and again after the
 * same code has been compiled on a throwaway queue.
 */
class QueueAllocationTest {
    static final Object[] ITEMS = new Object[65];

    @BeforeAll
    static void primeTheJvm() {
        AllocationGuard.primeJvm();
        for (int i = 0; i < ITEMS.length; i++) {
            ITEMS[i] = new Object();
        }
    }

    static void fillAndDrain(CommandQueue<Object> q, int rounds) {
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < 64; i++) {
                q.offer(ITEMS[i]);
            }
            q.offer(ITEMS[64]); // refused: full
            for (int i = 0; i < 64; i++) {
                q.poll();
            }
            q.poll(); // empty
        }
    }

    @Test
    void commandQueueOfferAndPollAllocateNothingFromTheFirstCall() {
        CommandQueue<Object> q = new CommandQueue<>(64);
        assertEquals(0, AllocationGuard.bytesAllocatedBy(() -> fillAndDrain(q, 2)));
    }

    @Test
    void commandQueueOfferAndPollAllocateNothingOnceCompiled() {
        fillAndDrain(new CommandQueue<>(64), 3000);
        CommandQueue<Object> q = new CommandQueue<>(64);
        assertEquals(0, AllocationGuard.bytesAllocatedBy(() -> fillAndDrain(q, 3000)));
    }

    @Test
    void retiringAllocatesNothingFromTheFirstPush() {
        RetireQueue q = new RetireQueue();
        TestResource[] rs = new TestResource[1000];
        for (int i = 0; i < rs.length; i++) {
            rs[i] = new TestResource(i);
            rs[i].markLive();
        }
        assertEquals(0, AllocationGuard.bytesAllocatedBy(() -> {
            for (TestResource r : rs) {
                q.retire(r);
            }
        }));
    }

    @Test
    void recordingAnRtEventAllocatesNothing() {
        RtEventRing ring = new RtEventRing(2048);
        Object ref = new Object();
        assertEquals(0, AllocationGuard.bytesAllocatedBy(() -> {
            for (int i = 0; i < 1000; i++) {
                ring.record(RtEvent.RETIRE, ref, null, 1, i, i);
            }
        }));
    }
}
