package io.blockwise.rt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Control-side bookkeeping of every resource a render builds: gives ids ({@code kind#serial},
 * serials per kind from 1, in build order), and remembers each resource until the collector has
 * freed it, so a resource that was dropped instead of retired shows up as a leak at the end.
 * Registration and freeing run on the control and collector roles, which in the offline and
 * lockstep modes never run at the same time; the methods are synchronized for live mode (they
 * are never called on the audio thread).
 */
public final class ResourceRegistry {
    private final Map<String, Long> serials = new TreeMap<>();
    // Insertion-ordered so that leak reports are deterministic.
    private final Map<Resource, Boolean> unfreed = new LinkedHashMap<>();
    private long built;
    private long freed;

    /** Control thread. Gives {@code resource} its id and tracks it until freed. */
    public synchronized <R extends Resource> R register(R resource) {
        if (resource.id() != null) {
            throw new IllegalStateException(resource.id() + " is already registered");
        }
        long serial = serials.merge(resource.kind(), 1L, Long::sum);
        resource.assignId(serial);
        unfreed.put(resource, Boolean.TRUE);
        built++;
        return resource;
    }

    /**
     * Collector thread. Checks the lifecycle and frees {@code resource}.
     *
     * @throws IllegalStateException on a lifecycle violation (freed twice, freed while live,
     *     retired twice, or never registered)
     */
    public synchronized void free(Resource resource) {
        resource.markFreed();
        if (unfreed.remove(resource) == null) {
            throw new IllegalStateException(resource + " was freed but never registered");
        }
        freed++;
    }

    /** Any thread. Resources built and not yet freed, in build order. */
    public synchronized List<Resource> unfreed() {
        return new ArrayList<>(unfreed.keySet());
    }

    /** Any thread. */
    public synchronized long builtCount() {
        return built;
    }

    /** Any thread. */
    public synchronized long freedCount() {
        return freed;
    }
}
