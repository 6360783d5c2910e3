package io.blockwise.render;

import io.blockwise.rt.LogEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the real-time sanitizer ({@link RtSanitizer}) found on the audio thread inside the engine:
 * every finding, and the same de-duplicated by stack ({@link #sites}): one entry per kind, detail
 * and stack, with how often and in which blocks it happened. Rendered as {@code rt-block} log
 * events (blocking calls only, in the log's established format), as a readable text for stderr
 * and as the {@code rtSanitizer} section of {@code summary.json}. Immutable; any thread.
 *
 * @param recorded whether the sanitizer ran at all ({@link #OFF}: it did not)
 * @param findings every event found, in time order
 */
public record RtSanitizerReport(boolean recorded, List<Finding> findings) {
    /** The kind of every allocation finding (whether JFR saw a new TLAB or an object outside one). */
    public static final String ALLOCATION = "allocation";

    /** No sanitizer ran. */
    public static final RtSanitizerReport OFF = new RtSanitizerReport(false, List.of());

    public RtSanitizerReport {
        findings = List.copyOf(findings);
    }

    /**
     * One JFR event on the audio thread inside the engine.
     *
     * @param kind {@link #ALLOCATION}, or the blocking call: {@code JavaMonitorEnter},
     *     {@code JavaMonitorWait}, {@code ThreadPark}, {@code ThreadSleep}, {@code FileRead},
     *     {@code FileWrite}, {@code SocketRead}, {@code SocketWrite}
     * @param event the JFR event's name without {@code jdk.}
     * @param detail the monitor's, parked-on or allocated class, the file or the peer ("" if none)
     * @param bytes the allocation's size (0 for a blocking call)
     * @param block the block it happened in (the block count for the shutdown, -1 when unknown)
     * @param epochNanos its start, wall clock
     * @param frames its stack from the top down to {@code Engine.process}/{@code shutdown}, as
     *     {@code class.method:line}
     */
    public record Finding(String kind, String event, String detail, long bytes, long block, long epochNanos,
            List<String> frames) {
        public Finding {
            frames = List.copyOf(frames);
        }

        /** Any thread. True for a blocking call (not an allocation). */
        public boolean blocking() {
            return !kind.equals(ALLOCATION);
        }
    }

    /**
     * Findings with the same kind, detail and top frames: the stack down to the first frame outside
     * the JDK, the line that made the call (a stage reached by two paths, e.g. while fading in and
     * after, is one site).
     *
     * @param frames the whole stack of the first finding
     * @param paths how many distinct whole stacks the findings had
     * @param count how many
     * @param bytes their allocated bytes (0 for blocking calls)
     * @param blocks the distinct blocks they happened in, ascending
     */
    public record Site(String kind, String detail, List<String> frames, int paths, int count, long bytes,
            List<Long> blocks) {
        public Site {
            frames = List.copyOf(frames);
            blocks = List.copyOf(blocks);
        }
    }

    /** Any thread. True when nothing was found. */
    public boolean clean() {
        return findings.isEmpty();
    }

    /** Any thread. The findings de-duplicated by kind, detail and top frames, in order of first occurrence. */
    public List<Site> sites() {
        Map<List<Object>, List<Finding>> byStack = new LinkedHashMap<>();
        for (Finding f : findings) {
            byStack.computeIfAbsent(List.of(f.kind(), f.detail(), topFrames(f.frames())), k -> new ArrayList<>()).add(f);
        }
        List<Site> sites = new ArrayList<>();
        for (List<Finding> same : byStack.values()) {
            Finding first = same.get(0);
            long bytes = 0;
            TreeSet<Long> blocks = new TreeSet<>();
            Set<List<String>> paths = new HashSet<>();
            for (Finding f : same) {
                bytes += f.bytes();
                blocks.add(f.block());
                paths.add(f.frames());
            }
            sites.add(new Site(first.kind(), first.detail(), first.frames(), paths.size(), same.size(), bytes,
                    new ArrayList<>(blocks)));
        }
        return sites;
    }

    /** The frames down to the first one outside the JDK (all of them if there is none). */
    static List<String> topFrames(List<String> frames) {
        for (int i = 0; i < frames.size(); i++) {
            String f = frames.get(i);
            if (!(f.startsWith("java.") || f.startsWith("javax.") || f.startsWith("jdk.") || f.startsWith("sun.")
                    || f.startsWith("com.sun."))) {
                return frames.subList(0, i + 1);
            }
        }
        return frames;
    }

    /**
     * Any thread. The blocking findings as {@code rt-block} log events ({@code call}: the JFR
     * event without {@code jdk.}, {@code at}: the top frame), ordered by block and then time;
     * {@code blockSize} gives each its frame.
     */
    public List<LogEvent> rtBlockEvents(int blockSize) {
        List<LogEvent> events = new ArrayList<>();
        for (Finding f : findings) {
            if (f.blocking()) {
                events.add(new LogEvent(f.block(), f.block() * blockSize, "rt", "rt-block")
                        .str("call", f.event()).str("at", f.frames().get(0)));
            }
        }
        events.sort((a, b) -> Long.compare(a.block(), b.block()));
        return events;
    }

    /**
     * Any thread. One readable paragraph per distinct stack, for stderr, headed by {@code name}
     * (the scenario or session); "" when nothing was found.
     */
    public String text(String name) {
        if (findings.isEmpty()) {
            return "";
        }
        List<Site> sites = sites();
        StringBuilder s = new StringBuilder("rt-sanitizer: ").append(name).append(": ").append(findings.size())
                .append(" event(s) on the audio thread inside the engine, ").append(sites.size())
                .append(" distinct stack(s)\n");
        for (Site site : sites) {
            s.append("  ").append(label(site.kind()));
            if (!site.detail().isEmpty()) {
                s.append(" (").append(site.detail()).append(')');
            }
            s.append(" x").append(site.count());
            if (site.bytes() > 0) {
                s.append(", ").append(site.bytes()).append(" bytes seen by JFR");
            }
            s.append(", ").append(blockText(site.blocks()));
            if (site.paths() > 1) {
                s.append(", reached by ").append(site.paths()).append(" call paths (the first shown)");
            }
            s.append('\n');
            for (String frame : site.frames()) {
                s.append("      at ").append(frame).append('\n');
            }
        }
        return s.toString();
    }

    /** Any thread. The {@code rtSanitizer} section of {@code summary.json}. */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("events", findings.size());
        List<Map<String, Object>> sites = new ArrayList<>();
        for (Site site : sites()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("kind", site.kind());
            o.put("detail", site.detail());
            o.put("count", site.count());
            if (site.kind().equals(ALLOCATION)) {
                o.put("bytes", site.bytes());
            }
            o.put("blocks", ranges(site.blocks()));
            o.put("callPaths", site.paths());
            o.put("stack", site.frames());
            sites.add(o);
        }
        m.put("sites", sites);
        return m;
    }

    private static String label(String kind) {
        switch (kind) {
            case "JavaMonitorEnter": return "lock: monitor enter, contended";
            case "JavaMonitorWait": return "monitor wait";
            case "ThreadPark": return "park";
            case "ThreadSleep": return "sleep";
            case "FileRead": return "file read";
            case "FileWrite": return "file write";
            case "SocketRead": return "socket read";
            case "SocketWrite": return "socket write";
            case ALLOCATION: return "allocation";
            default: return kind;
        }
    }

    private static String blockText(List<Long> blocks) {
        if (blocks.size() == 1 && blocks.get(0) < 0) {
            return "block unknown";
        }
        return (blocks.size() == 1 ? "block " : blocks.size() + " blocks: ") + String.join(", ", ranges(blocks));
    }

    /** Ascending blocks as ranges: {@code [3, 4, 5, 9]} is {@code ["3-5", "9"]}. */
    static List<String> ranges(List<Long> blocks) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < blocks.size()) {
            int j = i;
            while (j + 1 < blocks.size() && blocks.get(j + 1) == blocks.get(j) + 1) {
                j++;
            }
            out.add(i == j ? String.valueOf(blocks.get(i)) : blocks.get(i) + "-" + blocks.get(j));
            i = j + 1;
        }
        return out;
    }
}
