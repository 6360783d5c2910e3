package io.blockwise.rt;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The render's event log, in the order the offline schedule produces events. Written by the
 * control role only (rt events arrive through the {@link RtEventRing}, collector events are
 * written by the collector role, which shares the control thread offline); synchronized for the
 * live mode, where the collector has its own thread.
 */
public final class EventLog {
    private final List<LogEvent> events = new ArrayList<>();
    private final Map<String, Long> counts = new TreeMap<>();

    /** Control or collector thread. Appends {@code e} and returns it. */
    public synchronized LogEvent add(LogEvent e) {
        events.add(e);
        counts.merge(e.event(), 1L, Long::sum);
        return e;
    }

    /**
     * Control thread. Inserts events found after the fact (sorted by block) after the last event
     * of their block or an earlier one, keeping the log in block order.
     */
    public synchronized void insertByBlock(List<LogEvent> late) {
        for (LogEvent e : late) {
            int at = events.size();
            while (at > 0 && events.get(at - 1).block() > e.block()) {
                at--;
            }
            events.add(at, e);
            counts.merge(e.event(), 1L, Long::sum);
        }
    }

    /** Any thread. A snapshot of every event so far. */
    public synchronized List<LogEvent> events() {
        return Collections.unmodifiableList(new ArrayList<>(events));
    }

    /** Any thread. Events per kind, sorted by kind. */
    public synchronized Map<String, Long> counts() {
        return new TreeMap<>(counts);
    }

    /** Control thread. Writes {@code events.jsonl} atomically (temporary file, then rename). */
    public synchronized void writeTo(Path file) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        // The stream is a resource of its own: on a full disk the writer's close() throws before
        // closing what it wraps (JDK 17), and the file would stay open.
        try (OutputStream os = Files.newOutputStream(tmp);
                Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8))) {
            for (LogEvent e : events) {
                w.write(e.toJson());
                w.write('\n');
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
