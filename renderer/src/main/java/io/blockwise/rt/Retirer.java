package io.blockwise.rt;

/**
 * How audio-thread code gives up a resource: the engine's implementation moves it to retired,
 * pushes it onto the {@link RetireQueue} and records a {@code retire} event for the log, all
 * without allocating. Components the engine owns (the cabinet, the recorder) take a Retirer so
 * they never drop a resource themselves.
 */
public interface Retirer {
    /** Audio thread only. Retires {@code resource}; never allocates, blocks or fails. */
    void retire(Resource resource);
}
