package io.blockwise.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RetireQueueTest {

    @org.junit.jupiter.api.BeforeAll
    static void primeTheJvm() {
        // Interns string constants: a C2 compile requested by this thread would otherwise
        // allocate them here, inside a measured scope (see JvmPrimer).
        io.blockwise.testing.AllocationGuard.primeJvm();
    }

    @Test
    void retiredResourcesComeOutInOrderAndTheQueueEmpties() {
        RetireQueue q = new RetireQueue();
        List<TestResource> rs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            TestResource r = new TestResource(i);
            r.markLive();
            rs.add(r);
            q.retire(r);
        }
        for (int i = 0; i < 10; i++) {
            assertSame(rs.get(i), q.poll());
        }
        assertNull(q.poll());
        assertEquals(10, q.retiredCount());
        assertEquals(10, q.polledCount());
        assertEquals(0, q.backlog());
        q.retire(live(99));
        assertEquals(99, q.poll().bytes(), "the queue works again after being drained to the stub");
    }

    @Test
    void theBacklogIsWhatWasRetiredAndNotYetPolled() {
        RetireQueue q = new RetireQueue();
        for (int i = 0; i < 3; i++) {
            q.retire(live(i));
        }
        assertEquals(3, q.backlog());
        q.poll();
        assertEquals(2, q.backlog());
        assertEquals(3, q.retiredCount());
        assertEquals(1, q.polledCount());
    }

    @Test
    void retiringTwiceIsNotPushedTwiceAndTheCollectorReportsIt() {
        RetireQueue q = new RetireQueue();
        ResourceRegistry registry = new ResourceRegistry();
        TestResource r = registry.register(new TestResource(8));
        r.markLive();
        q.retire(r);
        q.retire(r);
        assertEquals(1, q.retiredCount());
        Collector c = new Collector(q, registry, new EventLog());
        assertEquals(1, c.drain(0, 0));
        assertEquals(List.of("block 0: test#1: retired twice"), c.violations());
    }

    /**
     * After basedrop's test: many threads retire concurrently while the collector drains; every
     * resource is polled exactly once, and each producer's resources come out in its order.
     */
    @Test
    void everyResourceRetiredByManyThreadsIsPolledExactlyOnceInEachThreadsOrder() throws Exception {
        RetireQueue q = new RetireQueue();
        int threads = 16;
        int perThread = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long base = (long) t << 32;
            Thread p = new Thread(() -> {
                TestResource[] rs = new TestResource[perThread];
                for (int i = 0; i < perThread; i++) {
                    rs[i] = live(base + i);
                }
                await(start);
                for (TestResource r : rs) {
                    q.retire(r);
                }
            });
            p.start();
            producers.add(p);
        }
        start.countDown();
        long[] lastSeen = new long[threads];
        java.util.Arrays.fill(lastSeen, -1);
        Set<Long> seen = new HashSet<>();
        int total = threads * perThread;
        while (seen.size() < total) {
            Resource r = q.poll();
            if (r == null) {
                Thread.onSpinWait();
                continue;
            }
            long id = r.bytes();
            assertTrue(seen.add(id), "polled twice: " + id);
            int t = (int) (id >>> 32);
            long i = id & 0xffffffffL;
            assertTrue(i > lastSeen[t], "thread " + t + " out of order: " + i + " after " + lastSeen[t]);
            lastSeen[t] = i;
        }
        for (Thread p : producers) {
            p.join();
        }
        assertNull(q.poll());
        assertEquals(total, q.retiredCount());
    }

    private static TestResource live(long id) {
        TestResource r = new TestResource(id);
        r.markLive();
        return r;
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
