package io.blockwise.dsp;

/** Exact bytes allocated by the current thread (delegates to the engine's own meter). */
final class AllocationMeter {
    private AllocationMeter() {
    }

    /** Bytes allocated by this thread so far. */
    static long allocated() {
        return io.blockwise.rt.AllocationMeter.currentThreadAllocatedBytes();
    }
}
