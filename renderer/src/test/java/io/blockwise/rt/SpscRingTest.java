package io.blockwise.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/**
 * {@link SpscRing} on one thread: its capacity, FIFO order across many wrap-arounds, what it
 * reports as waiting, and that it lets go of what it handed out. (Its cross-thread behaviour is
 * exercised by the recorder's tests in {@code record}, which moves frames through it.)
 */
class SpscRingTest {

    @Test
    void aRingOfOneIsAllowedAndARingOfNoneIsRefused() {
        SpscRing<String> one = new SpscRing<>(1);
        assertEquals(1, one.capacity());
        assertTrue(one.offer("a"));
        assertFalse(one.offer("b"), "one slot holds one element");
        assertThrows(IllegalArgumentException.class, () -> new SpscRing<String>(0));
    }

    @Test
    void holdsExactlyItsCapacityAndMakesRoomAsElementsAreTaken() {
        SpscRing<Integer> ring = new SpscRing<>(5);
        assertEquals(5, ring.capacity());
        for (int i = 0; i < 5; i++) {
            assertTrue(ring.offer(i), "offer " + i + " of 5");
        }
        assertFalse(ring.offer(5), "a sixth element is refused, not queued over the oldest");
        assertEquals(5, ring.size());
        assertEquals(0, ring.poll());
        assertTrue(ring.offer(5), "a slot taken is a slot free again");
        assertFalse(ring.offer(6));
        for (int i = 1; i <= 5; i++) {
            assertEquals(i, ring.poll());
        }
        assertNull(ring.poll());
        assertEquals(0, ring.size());
    }

    @Test
    void keepsOrderAndCountsWhatWaitsThroughManyWrapArounds() {
        SpscRing<Integer> ring = new SpscRing<>(7);
        int next = 0;
        int expected = 0;
        for (int round = 0; round < 100; round++) {
            int add = 1 + round % 7; // 1..7 in, then all but one out
            for (int i = 0; i < add; i++) {
                if (ring.offer(next)) {
                    next++;
                }
            }
            int waiting = next - expected;
            assertEquals(waiting, ring.size(), "round " + round);
            for (int i = 0; i < waiting - 1; i++) {
                assertEquals(expected++, ring.poll(), "round " + round);
            }
        }
        assertTrue(next > 300, "the ring wrapped many times: " + next + " elements");
    }

    @Test
    void keepsNoReferenceToAnElementItHandedOut() throws Exception {
        // A retired resource or a recorded frame passes through rings: a slot still holding it
        // after it was taken would keep it from the garbage collector.
        SpscRing<Object> ring = new SpscRing<>(3);
        for (int i = 0; i < 3; i++) {
            ring.offer(new Object());
        }
        ring.poll();
        ring.poll();
        Field f = SpscRing.class.getDeclaredField("slots");
        f.setAccessible(true);
        Object[] slots = (Object[]) f.get(ring);
        int held = 0;
        for (Object o : slots) {
            held += o == null ? 0 : 1;
        }
        assertEquals(1, held, "only the element still waiting is held");
    }
}
