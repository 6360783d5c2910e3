package io.blockwise.rt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AllocationMeterTest {
    // Kept reachable so the allocation cannot be removed as dead code.
    static long[] kept;

    @Test
    void countsTheBytesOfAnArrayTheThreadAllocates() {
        long before = AllocationMeter.currentThreadAllocatedBytes();
        kept = new long[1 << 20];
        long after = AllocationMeter.currentThreadAllocatedBytes();
        assertTrue(after - before >= 8L << 20, "8 MiB allocated, meter moved " + (after - before));
    }
}
