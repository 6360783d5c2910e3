package io.blockwise.dsp;

import io.blockwise.testing.AllocationGuard;

/**
 * Exact bytes allocated by the current thread, for the component allocation tests. A thin facade
 * over {@link AllocationGuard}, which primes the JVM the way a render does (including interning
 * every string constant of the audio-path classes, whose C2 compiles would otherwise allocate
 * them on the measuring thread).
 */
public final class ThreadAllocation {
    private ThreadAllocation() {
    }

    /** Control thread. Readies the JVM for measuring; the classes are covered by the priming. */
    public static void internStringConstants(Class<?>... classes) {
        AllocationGuard.primeJvm();
    }

    /** Bytes allocated by this thread so far. */
    public static long bytes() {
        return io.blockwise.rt.AllocationMeter.currentThreadAllocatedBytes();
    }
}
