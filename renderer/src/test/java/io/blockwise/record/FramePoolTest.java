package io.blockwise.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.blockwise.dsp.ThreadAllocation;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FramePoolTest {

    @Test
    void holdsHalfASecondOfBlocksAndAtLeastFour() {
        assertEquals(188, FramePool.framesFor(48000, 128)); // ceil(24000 / 128)
        assertEquals(345, FramePool.framesFor(44100, 64));  // ceil(22050 / 64)
        assertEquals(4, FramePool.framesFor(8000, 8192));
        assertEquals(4, FramePool.framesFor(48000, 6000));  // 4 exactly
        assertEquals(5, FramePool.framesFor(48000, 5000));  // ceil(4.8)
        FramePool pool = FramePool.forStream(48000, 128);
        assertEquals(188, pool.capacity());
        assertEquals(128, pool.frameLength());
        assertEquals(188L * 128 * 8, pool.bytes());
    }

    @Test
    void handsOutEveryFrameOnceThenCountsMisses() {
        FramePool pool = new FramePool(3, 16);
        Map<Frame, Boolean> seen = new IdentityHashMap<>();
        for (int i = 0; i < 3; i++) {
            Frame f = pool.acquire();
            assertNotNull(f);
            assertEquals(1, f.refCount());
            assertEquals(pool, f.pool());
            assertEquals(16, f.samples().length);
            seen.put(f, true);
        }
        assertEquals(3, seen.size());
        assertNull(pool.acquire());
        assertNull(pool.acquire());
        assertEquals(3, pool.acquiredCount());
        assertEquals(2, pool.missCount());
        assertEquals(0, pool.available());
        for (Frame f : seen.keySet()) {
            f.release();
        }
        assertEquals(3, pool.releasedCount());
        assertEquals(3, pool.available());
    }

    @Test
    void aRetainedFrameReturnsOnlyAfterItsLastRelease() {
        FramePool pool = new FramePool(1, 4);
        Frame f = pool.acquire();
        f.retain();
        f.release();
        assertEquals(0, pool.available());
        assertNull(pool.acquire());
        f.release();
        assertEquals(1, pool.available());
        assertEquals(0, f.refCount());
        assertThrows(IllegalStateException.class, f::release);
        assertEquals(0, f.refCount());
        assertEquals(1, pool.available());
    }

    @Test
    void fillCopiesAndStamps() {
        FramePool pool = new FramePool(2, 8);
        Frame f = pool.acquire();
        double[] src = {9, 1, 2, 3, 4, 5};
        f.fill(src, 1, 5, 1234);
        assertEquals(5, f.length());
        assertEquals(1234, f.startFrame());
        for (int i = 0; i < 5; i++) {
            assertEquals(i + 1, f.samples()[i]);
        }
        Frame g = pool.acquire();
        assertNotSame(f, g);
    }

    @Test
    void acquiringAllocatesNothingFullOrEmpty() {
        FramePool throwaway = new FramePool(4, 8);
        for (int i = 0; i < 10; i++) {
            throwaway.acquire();
        }
        FramePool pool = new FramePool(64, 8);
        ThreadAllocation.internStringConstants(FramePool.class, Frame.class);
        ThreadAllocation.bytes();
        long before = ThreadAllocation.bytes();
        for (int i = 0; i < 100; i++) {
            pool.acquire();
        }
        long after = ThreadAllocation.bytes();
        assertEquals(0, after - before);
        assertEquals(36, pool.missCount());
    }
}
