package io.blockwise.rt;

/**
 * The collector role: drains the retire queue and frees what it finds, checking each resource's
 * lifecycle, and logs a {@code free} event per resource. Collector thread only (offline, the
 * driver's thread, on the scenario's {@code collector} schedule).
 */
public final class Collector {
    private final RetireQueue queue;
    private final ResourceRegistry registry;
    private final EventLog log;
    // Collector thread only.
    private final java.util.List<String> violations = new java.util.ArrayList<>();

    // How each drained resource is freed (FreePolicy.ONCE unless a check supplies another).
    private final FreePolicy policy;
    // Asked before each free; read on the collector thread while the audio thread is idle.
    private final Reachability reachability;

    /** Control thread. */
    public Collector(RetireQueue queue, ResourceRegistry registry, EventLog log) {
        this(queue, registry, log, FreePolicy.ONCE, Reachability.NONE);
    }

    /**
     * Control thread. A collector that frees what it drains as {@code policy} says and asks
     * {@code reachability} before each free, reporting a resource the engine still reaches as an
     * early free.
     */
    public Collector(RetireQueue queue, ResourceRegistry registry, EventLog log, FreePolicy policy,
            Reachability reachability) {
        this.policy = policy;
        this.queue = queue;
        this.registry = registry;
        this.log = log;
        this.reachability = reachability;
    }

    /**
     * Collector thread only. Frees everything retired so far; events are logged at
     * {@code block}/{@code frame}. A lifecycle violation (freed twice, freed while live, retired
     * twice) is not freed and not logged as {@code free}: it is kept in {@link #violations()} for
     * the render to report as a defect. Returns the number freed.
     */
    public int drain(long block, long frame) {
        int n = 0;
        Resource r;
        while ((r = queue.poll()) != null) {
            policy.free(r, x -> free(x, block, frame));
            n++;
        }
        return n;
    }

    /** Collector thread only. Frees one resource (also used directly by defect-planting tests). */
    public void free(Resource r, long block, long frame) {
        if (reachability.reaches(r)) {
            // Freed all the same, as a real collector would: the audio thread then reads released
            // state, which the render may show as a fault. The defect is this line.
            violations.add("block " + block + ": early free: " + r.id()
                    + " was retired and freed while the engine still reached it");
        }
        long bytes = r.bytes();
        try {
            registry.free(r);
        } catch (IllegalStateException e) {
            violations.add("block " + block + ": " + e.getMessage());
            return;
        }
        log.add(new LogEvent(block, frame, "collector", "free").str("resource", r.id()).num("bytes", bytes));
    }

    /** Collector thread. Lifecycle violations found so far, in order. */
    public java.util.List<String> violations() {
        return java.util.List.copyOf(violations);
    }
}
