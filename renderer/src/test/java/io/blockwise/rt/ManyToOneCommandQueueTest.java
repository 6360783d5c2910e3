package io.blockwise.rt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ManyToOneCommandQueueTest {

    /** An element that records the sequence the queue gave it. */
    static final class Item implements ManyToOneCommandQueue.Sequenced {
        final int producer;
        final int index;
        long sequence;

        Item(int producer, int index) {
            this.producer = producer;
            this.index = index;
        }

        @Override
        public void assignSequence(long s) {
            sequence = s;
        }
    }

    @Test
    void offersReturnConsecutivePositionsAndAreTakenInThatOrder() {
        ManyToOneCommandQueue<Item> q = new ManyToOneCommandQueue<>(3);
        long[] positions = new long[10];
        for (int i = 0; i < 10; i++) {
            Item item = new Item(0, i);
            positions[i] = q.offer(item);
            assertEquals(i + 1, item.sequence, "the element learns position + 1 before it is published");
            Item taken = q.poll();
            assertEquals(i, taken.index);
        }
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, positions);
        assertNull(q.poll());
    }

    @Test
    void aFullQueueRefusesWithMinusOneAndUsesNoPosition() {
        ManyToOneCommandQueue<Item> q = new ManyToOneCommandQueue<>(5);
        for (int i = 0; i < 5; i++) {
            assertEquals(i, q.offer(new Item(0, i)));
        }
        assertEquals(5, q.size());
        assertEquals(-1, q.offer(new Item(0, 99)));
        assertEquals(-1, q.offer(new Item(0, 99)));
        assertEquals(0, q.poll().index);
        assertEquals(5, q.offer(new Item(0, 5)), "the refused offers took no position");
        for (int i = 1; i <= 5; i++) {
            assertEquals(i, q.poll().index);
        }
        assertNull(q.poll());
        assertEquals(0, q.size());
    }

    @Test
    void aNullElementIsRefusedWithoutClaimingAPosition() {
        ManyToOneCommandQueue<Item> q = new ManyToOneCommandQueue<>(2);
        assertThrows(NullPointerException.class, () -> q.offer(null));
        assertEquals(0, q.offer(new Item(0, 0)));
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ManyToOneCommandQueue<Item>(0));
    }

    /**
     * Eight producers race into a small queue (capacity 7, so every slot is reused tens of
     * thousands of times) while one consumer drains it: every element arrives exactly once, each
     * producer's elements arrive in its own order, and the consumer's order is exactly the order
     * of the positions the offers returned (the sequence each element carries).
     */
    @Test
    void eightProducersAndOneConsumerLoseNothingAndTakeElementsInClaimOrder() throws Exception {
        int producers = 8;
        int perProducer = 25_000;
        ManyToOneCommandQueue<Item> q = new ManyToOneCommandQueue<>(7);
        Item[][] items = new Item[producers][perProducer];
        long[][] returned = new long[producers][perProducer];
        for (int p = 0; p < producers; p++) {
            for (int i = 0; i < perProducer; i++) {
                items[p][i] = new Item(p, i);
            }
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perProducer; i++) {
                    long pos;
                    while ((pos = q.offer(items[id][i])) < 0) {
                        Thread.yield(); // 2 cores, 9 threads: give the consumer the core
                    }
                    returned[id][i] = pos;
                }
            }, "producer-" + p);
            t.start();
            threads.add(t);
        }
        start.countDown();
        int total = producers * perProducer;
        int[] nextIndex = new int[producers];
        for (long taken = 0; taken < total; taken++) {
            Item item;
            while ((item = q.poll()) == null) {
                Thread.yield();
            }
            assertEquals(taken + 1, item.sequence, "element " + taken + " of the consumer's order");
            assertEquals(nextIndex[item.producer], item.index, "producer " + item.producer + " order");
            nextIndex[item.producer]++;
        }
        for (Thread t : threads) {
            t.join();
        }
        assertNull(q.poll());
        for (int p = 0; p < producers; p++) {
            assertEquals(perProducer, nextIndex[p]);
            for (int i = 0; i < perProducer; i++) {
                assertEquals(items[p][i].sequence, returned[p][i] + 1, "offer returned the element's position");
            }
        }
        assertTrue(q.size() == 0);
    }
}
