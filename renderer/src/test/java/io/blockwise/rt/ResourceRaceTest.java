package io.blockwise.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle only moves forward, whichever threads race on it (live mode has several control
 * threads, the audio thread and the collector).
 */
class ResourceRaceTest {

    @Test
    void installingARetiredResourceLeavesItRetiredAndReportsIt() {
        ResourceRegistry registry = new ResourceRegistry();
        RetireQueue q = new RetireQueue();
        Resource r = registry.register(new TestResource(1));
        r.markLive();
        q.retire(r);
        r.markLive(); // the defect: installed again after it was retired
        assertEquals(Resource.RETIRED, r.state());
        assertSame(r, q.poll());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> registry.free(r));
        assertEquals("test#1: installed twice", e.getMessage());
    }

    @Test
    void ofTwoThreadsRetiringTheSameResourceExactlyOneLinksItIntoTheQueue() throws Exception {
        // 20,000 races: each resource is retired by two threads released by one barrier; the
        // queue must hold each exactly once, and the loser must be recorded as retiring twice.
        int rounds = 20_000;
        RetireQueue q = new RetireQueue();
        Resource[] resources = new Resource[rounds];
        for (int i = 0; i < rounds; i++) {
            resources[i] = new TestResource(1);
            resources[i].markLive();
        }
        CyclicBarrier barrier = new CyclicBarrier(2);
        Runnable racer = () -> {
            try {
                for (int i = 0; i < rounds; i++) {
                    barrier.await();
                    q.retire(resources[i]);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        Thread a = new Thread(racer);
        Thread b = new Thread(racer);
        a.start();
        b.start();
        a.join();
        b.join();
        java.util.Set<Resource> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Resource r;
        while ((r = q.poll()) != null) {
            assertEquals(true, seen.add(r), "a resource came off the retire queue twice");
        }
        assertEquals(rounds, seen.size());
        for (Resource each : resources) {
            // The loser of each race is recorded, so the collector refuses to free it quietly.
            IllegalStateException e = assertThrows(IllegalStateException.class, each::markFreed);
            assertEquals(true, e.getMessage().endsWith(": retired twice"), e.getMessage());
        }
    }
}
