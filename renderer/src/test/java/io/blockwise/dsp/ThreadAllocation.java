package io.blockwise.dsp;

import java.lang.management.ManagementFactory;

/**
 * Test instrument: bytes allocated by the current thread, exact to the byte
 * ({@code com.sun.management.ThreadMXBean}), which itself allocates nothing once called.
 */
public final class ThreadAllocation {
    private static final com.sun.management.ThreadMXBean BEAN =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static {
        BEAN.setThreadAllocatedMemoryEnabled(true);
        bytes(); // first call links the native method
    }

    private ThreadAllocation() {
    }

    /** Bytes the current thread has allocated so far. */
    public static long bytes() {
        return BEAN.getCurrentThreadAllocatedBytes();
    }
}
