package io.blockwise.rt;

import java.util.function.Consumer;

/**
 * How the collector frees a resource it drained from the retire queue: {@link #ONCE} in every
 * render; checking code may supply another (a defect planted on purpose). Collector thread.
 */
public interface FreePolicy {
    /** Frees each resource once. */
    FreePolicy ONCE = (r, free) -> free.accept(r);

    /** Collector thread. Frees {@code r} through {@code free} (which checks and logs each free). */
    void free(Resource r, Consumer<Resource> free);
}
