package io.blockwise.live;

import io.blockwise.render.ProcessTimes;
import java.util.ArrayList;
import java.util.List;

/**
 * Each block's timeline against its deadline: the blocks whose hand-off back completed after their
 * deadline, with how late and where the time went, and the distribution of the wake-ups and
 * hand-offs of every block. Driver thread only (the thread that records).
 *
 * <p>A block's time from its release to its completion is split into six consecutive parts:
 * <ul>
 *   <li>{@code driverBusy}: the driver asked the clock for the block only after its release (the
 *       driver's own work after the previous block ran past it);
 *   <li>{@code driverWake}: from the release (or the later ask) until the driver's wait returned;
 *   <li>{@code driverPrep}: the driver's work before the hand-off (the block's input);
 *   <li>{@code toAudio}: from the hand-off until the audio thread began {@code process()} (its
 *       wake-up);
 *   <li>{@code process}: the engine's {@code process()};
 *   <li>{@code toDriver}: from the end of {@code process()} until the driver saw the block back
 *       (the driver's wake-up).
 * </ul>
 * A miss's cause is its largest part.
 */
public final class DeadlineMisses {
    /** Misses listed one by one; beyond it only counted. */
    public static final int LISTED = 1000;

    /** The parts of a block's time, in the order they follow one another. */
    public static final List<String> PARTS = List.of("driverBusy", "driverWake", "driverPrep", "toAudio", "process",
            "toDriver");

    /**
     * One late block: its release (a {@link System#nanoTime()} value, which on Linux is
     * {@code CLOCK_MONOTONIC}, the clock {@code perf sched record -k mono} stamps the kernel's
     * scheduling events with), its lateness, and each part of its time (in {@link #PARTS} order), in ns.
     */
    public record Miss(long block, long releaseNanos, long lateNanos, long[] partNanos) {
        /** Any thread. The largest part's name. */
        public String cause() {
            int worst = 0;
            for (int i = 1; i < partNanos.length; i++) {
                if (partNanos[i] > partNanos[worst]) {
                    worst = i;
                }
            }
            return PARTS.get(worst);
        }
    }

    private final List<Miss> listed = new ArrayList<>();
    private final long[] missesByCause = new long[PARTS.size()];
    private final long[] worstByPart = new long[PARTS.size()];
    private final ProcessTimes driverWake = new ProcessTimes();
    private final ProcessTimes toAudio = new ProcessTimes();
    private final ProcessTimes toDriver = new ProcessTimes();
    private long count;
    private long worstNanos;

    /**
     * Recording thread. One block's timeline, as {@link System#nanoTime()} values: its release and
     * deadline, when the driver asked the clock for it and when the clock returned, the hand-off,
     * the audio thread's {@code process()} start and end, and when the driver saw it back.
     */
    void record(long block, long release, long deadline, long asked, long woke, long handOff, long rtStart,
            long rtEnd, long done) {
        long busy = Math.max(0, asked - release);
        long wake = Math.max(0, woke - Math.max(asked, release));
        long audio = Math.max(0, rtStart - handOff);
        long back = Math.max(0, done - rtEnd);
        driverWake.record(wake);
        toAudio.record(audio);
        toDriver.record(back);
        if (done <= deadline) {
            return;
        }
        long late = done - deadline;
        long[] parts = {busy, wake, Math.max(0, handOff - woke), audio, rtEnd - rtStart, back};
        count++;
        worstNanos = Math.max(worstNanos, late);
        for (int i = 0; i < parts.length; i++) {
            worstByPart[i] = Math.max(worstByPart[i], parts[i]);
        }
        Miss m = new Miss(block, release, late, parts);
        missesByCause[PARTS.indexOf(m.cause())]++;
        if (listed.size() < LISTED) {
            listed.add(m);
        }
    }

    /** Recording thread. */
    public long count() {
        return count;
    }

    /** Recording thread. The latest a block completed after its deadline, in ns. */
    public long worstNanos() {
        return worstNanos;
    }

    /** Recording thread. The first {@link #LISTED} misses. */
    public List<Miss> listed() {
        return List.copyOf(listed);
    }

    /** Recording thread. How many misses had each part (in {@link #PARTS} order) as their largest. */
    public long[] missesByCause() {
        return missesByCause.clone();
    }

    /** Recording thread. The longest each part (in {@link #PARTS} order) took in a missed block, in ns. */
    public long[] worstByPart() {
        return worstByPart.clone();
    }

    /** Recording thread. Every block's driver wake-up after its release. */
    public ProcessTimes driverWake() {
        return driverWake;
    }

    /** Recording thread. Every block's wait from the hand-off until {@code process()} began. */
    public ProcessTimes toAudio() {
        return toAudio;
    }

    /** Recording thread. Every block's wait from the end of {@code process()} until the driver saw it. */
    public ProcessTimes toDriver() {
        return toDriver;
    }
}
