package io.blockwise.testing;

import io.blockwise.render.JvmPrimer;
import io.blockwise.rt.AllocationMeter;
import io.blockwise.rt.StringConstantInterner;

/**
 * Test support for exact allocation measurement on the calling thread. {@link #primeJvm} readies
 * the JVM the way a render does ({@link JvmPrimer}) and also interns the string constants of the
 * test classes themselves: a measuring loop in a test method can itself trigger a C2 (or OSR)
 * compile of that method, which would allocate the test class's strings inside the measured
 * scope. It never touches the object under test.
 */
public final class AllocationGuard {
    private AllocationGuard() {
    }

    /** Control thread. Idempotent. */
    public static synchronized void primeJvm() {
        JvmPrimer.ensurePrimed();
        StringConstantInterner.internCodeSourceOf(AllocationGuard.class);
        AllocationMeter.currentThreadAllocatedBytes();
    }

    /** Bytes the calling thread allocated while running {@code body}. */
    public static long bytesAllocatedBy(Runnable body) {
        long before = AllocationMeter.currentThreadAllocatedBytes();
        body.run();
        return AllocationMeter.currentThreadAllocatedBytes() - before;
    }
}
