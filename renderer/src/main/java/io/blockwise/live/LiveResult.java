package io.blockwise.live;

import io.blockwise.render.ProcessTimes;
import io.blockwise.render.RtSanitizerReport;
import io.blockwise.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a live session did and measured.
 *
 * @param plannedBlocks the blocks the clock ran for; {@code blocks} adds the tail that drained
 *     the queue after the senders stopped
 * @param taken commands the audio thread applied or refused (every message sent, when nothing
 *     was lost)
 * @param loadBefore the system load average (1 min) before the session, -1 when unknown
 * @param capture the capture scenario written, or null
 * @param sanitizer what the real-time sanitizer found ({@code --jfr}; {@link RtSanitizerReport#OFF} without it)
 * @param threads the scheduler's counters of the driver and the session's threads (empty without {@code /proc})
 * @param realtime the scheduling the driver and the audio thread ran with ("SCHED_FIFO 80", or why not)
 * @param bookkeeping how full the rings to the bookkeeping threads got
 * @param startUptimeMillis the JVM's uptime when the clock started (to line blocks up with a JVM log)
 */
public record LiveResult(String name, Path folder, int sampleRate, int blockSize, long plannedBlocks, long blocks,
        long wallNanos, ProcessTimes processTimes, DeadlineMisses misses, List<GcPauses.Pause> gcPauses,
        Map<String, Long> eventCounts, long scenarioSent, long churnSent, long taken, int churnThreads,
        double loadBefore, double loadAfter, List<String> defects, Scenario capture, RtSanitizerReport sanitizer,
        List<SchedStats.Thread> threads, String realtime, Bookkeeping.Stats bookkeeping, long startUptimeMillis) {

    /** Any thread. The block period, in ns. */
    public double blockPeriodNanos() {
        return blockSize * 1e9 / sampleRate;
    }

    /** Any thread. No defect (deadline misses are measurements, not defects). */
    public boolean clean() {
        return defects.isEmpty();
    }

    /** Any thread. Events of {@code kind} in the log. */
    public long count(String kind) {
        return eventCounts.getOrDefault(kind, 0L);
    }

    /** Any thread. One line: blocks, process times against the period, misses, GC, audit, messages. */
    public String describe() {
        long gcMax = 0;
        long gcTotal = 0;
        long gcCount = 0;
        for (GcPauses.Pause p : gcPauses) {
            if (p.stopTheWorld()) {
                gcCount++;
                gcMax = Math.max(gcMax, p.durationMillis());
                gcTotal += p.durationMillis();
            }
        }
        return String.format(java.util.Locale.ROOT,
                "%s live: %d blocks (%.1f s), process median %.0f us, p99 %.0f us, p99.9 %.0f us, max %.0f us"
                        + " of a %.0f us period; %d deadline miss(es); %d GC pause(s), %d ms total, max %d ms;"
                        + " rt-alloc %d, rt-block %d; %d message(s) sent (%d churn on %d thread(s)), %d taken (%d"
                        + " applied, %d refused)%s",
                name, blocks, blocks * (double) blockSize / sampleRate, processTimes.quantileNanos(0.5) / 1e3,
                processTimes.quantileNanos(0.99) / 1e3, processTimes.quantileNanos(0.999) / 1e3,
                processTimes.maxNanos() / 1e3, blockPeriodNanos() / 1e3, misses.count(), gcCount, gcTotal,
                gcMax, count("rt-alloc"), count("rt-block"), scenarioSent + churnSent, churnSent, churnThreads, taken,
                count("apply"), count("reject"), capture == null ? "" : "; capture " + capture.file())
                + "; scheduling " + realtime;
    }
}
