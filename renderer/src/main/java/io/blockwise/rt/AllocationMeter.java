package io.blockwise.rt;

import java.lang.management.ManagementFactory;

/**
 * Exact bytes allocated by the current thread, from HotSpot's per-thread counter
 * ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}): exact to the byte,
 * allocation-free itself, about 20 ns a call compiled. The audio thread reads it before and after
 * every {@code process()} call from block 0.
 */
public final class AllocationMeter {
    private static final com.sun.management.ThreadMXBean BEAN =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static {
        if (!BEAN.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM cannot count allocated bytes per thread");
        }
        BEAN.setThreadAllocatedMemoryEnabled(true);
    }

    private AllocationMeter() {
    }

    /** Any thread. Bytes allocated by the calling thread since it started. */
    public static long currentThreadAllocatedBytes() {
        return BEAN.getCurrentThreadAllocatedBytes();
    }
}
