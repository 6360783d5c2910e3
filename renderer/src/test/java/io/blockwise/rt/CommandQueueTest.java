package io.blockwise.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class CommandQueueTest {

    @org.junit.jupiter.api.BeforeAll
    static void primeTheJvm() {
        // Interns string constants: a C2 compile requested by this thread would otherwise
        // allocate them here, inside a measured scope (see JvmPrimer).
        io.blockwise.render.JvmPrimer.ensurePrimed();
    }

    @Test
    void holdsExactlyItsCapacityEvenWhenNotAPowerOfTwo() {
        CommandQueue<Integer> q = new CommandQueue<>(5);
        for (int i = 0; i < 5; i++) {
            assertTrue(q.offer(i));
        }
        assertFalse(q.offer(5), "a sixth offer is refused, not dropped or queued");
        assertEquals(0, q.poll());
        assertTrue(q.offer(5));
        for (int i = 1; i <= 5; i++) {
            assertEquals(i, q.poll());
        }
        assertNull(q.poll());
    }

    @Test
    void numbersCommandsInTheOrderTheyAreQueuedAndAFullQueueNumbersNone() {
        CommandQueue<String> q = new CommandQueue<>(3);
        assertEquals(3, q.capacity());
        assertEquals(1, q.offerSequenced("a"));
        assertEquals(2, q.offerSequenced("b"));
        assertEquals(2, q.size());
        assertEquals(3, q.offerSequenced("c"));
        assertEquals(0, q.offerSequenced("d"), "full: no sequence number, nothing queued");
        assertEquals(3, q.size());
        assertEquals("a", q.poll());
        assertEquals(4, q.offerSequenced("e"), "numbers go on after a refusal");
    }

    /** Two threads, millions of items through a small queue: nothing lost, order kept. */
    @Tag("soak") // left out of the mutation profiles (TESTING.md, "Mutation score")
    @Test
    void millionsOfItemsBetweenTwoThreadsArriveAllAndInOrder() throws Exception {
        int n = 3_000_000;
        CommandQueue<Long> q = new CommandQueue<>(37);
        Long[] boxes = new Long[1024];
        for (int i = 0; i < boxes.length; i++) {
            boxes[i] = (long) i;
        }
        Thread producer = new Thread(() -> {
            for (int i = 0; i < n; i++) {
                Long item = boxes[i & 1023];
                while (!q.offer(item)) {
                    Thread.onSpinWait();
                }
            }
        });
        producer.start();
        for (int i = 0; i < n; i++) {
            Long item;
            while ((item = q.poll()) == null) {
                Thread.onSpinWait();
            }
            assertEquals(i & 1023, item.intValue(), "item " + i);
        }
        producer.join();
        assertNull(q.poll());
    }
}
