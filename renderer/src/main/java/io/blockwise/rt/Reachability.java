package io.blockwise.rt;

/**
 * Whether the audio side can still reach a resource: asked by the {@link Collector} before it
 * frees one, so that a resource retired while still in use (an early free: the audio thread would
 * go on reading released memory) is reported as a defect by every render, not only by the fuzzer.
 * Called on the collector's thread while the audio thread is between blocks (the offline and
 * lockstep hand-offs order the two).
 */
@FunctionalInterface
public interface Reachability {
    /** Nothing is reachable (a collector without an engine, in tests of the queue alone). */
    Reachability NONE = r -> false;

    /** Collector thread, audio thread idle. True when {@code resource} is still in use. */
    boolean reaches(Resource resource);
}
