package io.blockwise.live;

import static io.blockwise.render.SummaryWriter.round;

import io.blockwise.render.SummaryWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A live session's {@code summary.json}: per-block {@code process()} time (median, p99, p99.9,
 * max) against the block period, deadline misses with their blocks, the garbage collections during
 * the session with their collector and length (stop-the-world pauses counted apart from
 * concurrent cycles), {@code rt-alloc} and {@code rt-block} counts, the
 * messages sent and taken, and the load average. Wall-clock measurements: never deterministic.
 * Driver thread.
 */
final class LiveSummary {
    private LiveSummary() {
    }

    static Map<String, Object> summary(LiveResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("mode", "live");
        m.put("sampleRate", r.sampleRate());
        m.put("blockSize", r.blockSize());
        m.put("blockPeriodUs", round(r.blockPeriodNanos() / 1e3, 1));
        m.put("blocks", r.blocks());
        m.put("drainBlocks", r.blocks() - r.plannedBlocks());
        m.put("wallSeconds", round(r.wallNanos() / 1e9, 3));
        m.put("startUptimeMs", r.startUptimeMillis());
        m.put("processPerBlock", SummaryWriter.processPerBlock(r.processTimes()));
        Map<String, Object> deadline = new LinkedHashMap<>();
        deadline.put("misses", r.misses().count());
        deadline.put("worstLateUs", micros(r.misses().worstNanos()));
        Map<String, Object> byCause = new LinkedHashMap<>();
        Map<String, Object> worstPart = new LinkedHashMap<>();
        for (int i = 0; i < DeadlineMisses.PARTS.size(); i++) {
            byCause.put(DeadlineMisses.PARTS.get(i), r.misses().missesByCause()[i]);
            worstPart.put(DeadlineMisses.PARTS.get(i), micros(r.misses().worstByPart()[i]));
        }
        deadline.put("byCause", byCause);
        deadline.put("worstPartUs", worstPart);
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("driverWake", SummaryWriter.processPerBlock(r.misses().driverWake()));
        latency.put("toAudio", SummaryWriter.processPerBlock(r.misses().toAudio()));
        latency.put("toDriver", SummaryWriter.processPerBlock(r.misses().toDriver()));
        deadline.put("wakeUpsPerBlock", latency);
        List<Map<String, Object>> missed = new ArrayList<>();
        for (DeadlineMisses.Miss x : r.misses().listed()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("block", x.block());
            e.put("lateUs", micros(x.lateNanos()));
            e.put("releaseNanos", x.releaseNanos());
            e.put("cause", x.cause());
            Map<String, Object> parts = new LinkedHashMap<>();
            for (int i = 0; i < DeadlineMisses.PARTS.size(); i++) {
                parts.put(DeadlineMisses.PARTS.get(i), micros(x.partNanos()[i]));
            }
            e.put("partsUs", parts);
            missed.add(e);
        }
        deadline.put("blocks", missed);
        m.put("deadline", deadline);
        Map<String, Object> gc = new LinkedHashMap<>();
        long total = 0;
        long max = 0;
        List<Map<String, Object>> pauses = new ArrayList<>();
        long stw = 0;
        for (GcPauses.Pause p : r.gcPauses()) {
            if (p.stopTheWorld()) {
                stw++;
                total += p.durationMillis();
                max = Math.max(max, p.durationMillis());
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("collector", p.collector());
            e.put("stopTheWorld", p.stopTheWorld());
            e.put("action", p.action());
            e.put("cause", p.cause());
            e.put("startMs", p.startMillis());
            e.put("durationMs", p.durationMillis());
            pauses.add(e);
        }
        gc.put("collections", r.gcPauses().size());
        gc.put("pauses", stw);
        gc.put("pauseTotalMs", total);
        gc.put("pauseMaxMs", max);
        gc.put("list", pauses);
        m.put("gc", gc);
        m.put("rtAlloc", r.count("rt-alloc"));
        m.put("rtBlock", r.count("rt-block"));
        Map<String, Object> messages = new LinkedHashMap<>();
        messages.put("scenario", r.scenarioSent());
        messages.put("churn", r.churnSent());
        messages.put("churnThreads", r.churnThreads());
        messages.put("taken", r.taken());
        messages.put("applied", r.count("apply"));
        messages.put("rejected", r.count("reject"));
        messages.put("lost", r.scenarioSent() + r.churnSent() - r.taken());
        m.put("messages", messages);
        m.put("realtime", r.realtime());
        List<Map<String, Object>> threads = new ArrayList<>();
        for (SchedStats.Thread t : r.threads()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("thread", t.name());
            e.put("runMs", round(t.runNanos() / 1e6, 1));
            e.put("runQueueWaitMs", round(t.waitNanos() / 1e6, 1));
            e.put("slices", t.slices());
            threads.add(e);
        }
        m.put("threads", threads);
        if (r.bookkeeping() != null) {
            m.put("bookkeeping", r.bookkeeping().json());
        }
        m.put("loadAverageBefore", r.loadBefore() < 0 ? null : round(r.loadBefore(), 2));
        m.put("loadAverageAfter", r.loadAfter() < 0 ? null : round(r.loadAfter(), 2));
        m.put("events", r.eventCounts());
        m.put("defects", r.defects());
        if (r.sanitizer().recorded()) {
            m.put("rtSanitizer", r.sanitizer().json());
        }
        return m;
    }

    static void write(LiveResult r, Path file) throws IOException {
        SummaryWriter.writeJson(summary(r), file);
    }

    private static double micros(long nanos) {
        return round(nanos / 1e3, 1);
    }
}
