package io.blockwise.render;

import io.blockwise.rt.Collector;
import io.blockwise.rt.EventLog;
import io.blockwise.rt.Resource;
import io.blockwise.rt.ResourceRegistry;
import io.blockwise.rt.RtEventRing;
import java.util.List;

/**
 * The defects every finished run reports the same way, offline ({@link OfflineRenderer}) or live:
 * blocks that allocated on the audio thread ({@code rt-alloc} lines), blocking calls the JFR audit
 * found there ({@code rt-block} lines), the collector's violations (a resource freed while the
 * engine could still reach it, freed twice, ...), resources never freed, and audio-thread events
 * that did not fit the engine's event ring. One home for the wording, which the fuzzer's log checks
 * and users' scripts read. Control thread, after the audio thread has stopped and the collector
 * has drained.
 */
public final class RunDefects {
    private RunDefects() {
    }

    /**
     * Control thread, after the run. Appends to {@code defects}, in this order, what {@code log}
     * (its {@code rt-alloc} and {@code rt-block} counts), {@code collector}, {@code registry} and
     * {@code events} (the engine's event ring) show.
     */
    public static void addTo(List<String> defects, EventLog log, Collector collector, ResourceRegistry registry,
            RtEventRing events) {
        long rtAllocs = log.counts().getOrDefault("rt-alloc", 0L);
        if (rtAllocs > 0) {
            defects.add(rtAllocs + " block(s) allocated on the audio thread (rt-alloc)");
        }
        long rtBlocks = log.counts().getOrDefault("rt-block", 0L);
        if (rtBlocks > 0) {
            defects.add(rtBlocks + " blocking call(s) on the audio thread (rt-block)");
        }
        defects.addAll(collector.violations());
        for (Resource r : registry.unfreed()) {
            defects.add("leak: " + r.id() + " was never freed (state " + stateName(r.state()) + ")");
        }
        if (events.dropped() > 0) {
            defects.add(events.dropped() + " audio-thread events did not fit the event ring");
        }
    }

    private static String stateName(int state) {
        switch (state) {
            case Resource.BUILT: return "built";
            case Resource.LIVE: return "live";
            case Resource.RETIRED: return "retired";
            default: return "freed";
        }
    }
}
