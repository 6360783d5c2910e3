package io.blockwise.dsp;

import java.lang.management.ManagementFactory;

/** Exact bytes allocated by the current thread (HotSpot's per-thread counter). */
final class AllocationMeter {
    private static final com.sun.management.ThreadMXBean BEAN =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationMeter() {
    }

    /** Bytes allocated by this thread so far. Call once before measuring to load what it needs. */
    static long allocated() {
        return BEAN.getCurrentThreadAllocatedBytes();
    }
}
