package io.blockwise.live;

import java.util.ArrayList;
import java.util.List;

/** The blocks whose hand-off completed after their deadline, with how late. Driver thread only. */
public final class DeadlineMisses {
    /** Misses listed one by one; beyond it only counted. */
    public static final int LISTED = 1000;

    /** One late block. */
    public record Miss(long block, long lateNanos) { }

    private final List<Miss> listed = new ArrayList<>();
    private long count;
    private long worstNanos;

    /** Driver thread. */
    void add(long block, long lateNanos) {
        count++;
        worstNanos = Math.max(worstNanos, lateNanos);
        if (listed.size() < LISTED) {
            listed.add(new Miss(block, lateNanos));
        }
    }

    /** Driver thread. */
    public long count() {
        return count;
    }

    /** Driver thread. The latest a block completed after its deadline, in ns. */
    public long worstNanos() {
        return worstNanos;
    }

    /** Driver thread. The first {@link #LISTED} misses. */
    public List<Miss> listed() {
        return List.copyOf(listed);
    }
}
