package io.blockwise.engine;

import io.blockwise.dsp.TunerSnapshot;
import io.blockwise.rt.EventLog;
import io.blockwise.rt.LogEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Polls what the audio thread publishes through atomics (the tuner's reading, the meter's clip
 * flag) once per block on the control thread and logs a {@code tuner} or {@code clip} event when
 * the value, as the log rounds it, changes. No object is created per reading on the audio side.
 * Control thread only.
 */
public final class RigMonitor {
    private final Engine engine;
    // Where tuner and clip events go: the event log's add, or a check's wrapper of it.
    private final java.util.function.Consumer<LogEvent> log;
    private final TunerSnapshot snapshot = new TunerSnapshot();
    private long lastReading;
    private String lastNote;
    private BigDecimal lastHz;
    private BigDecimal lastCents;
    private boolean clipping;

    /** Control thread. */
    public RigMonitor(Engine engine, EventLog log) {
        this(engine, log, EngineHooks.NONE);
    }

    /** Control thread. A monitor logging through {@code hooks.monitorLog} (checks may plant a defect there). */
    public RigMonitor(Engine engine, EventLog log, EngineHooks hooks) {
        this.engine = engine;
        this.log = hooks.monitorLog(log::add);
    }

    /** Control thread, after the audio thread handed back {@code block}. */
    public void poll(long block, long frame) {
        engine.tuner().readings().read(snapshot);
        log(block, frame, snapshot, engine.meter().isClipping());
    }

    /**
     * Control thread. Logs what changed in {@code reading} and {@code clip}, read by another thread
     * right after the audio thread handed back {@code block} (live mode reads them on its driver
     * and logs them later, on its bookkeeping thread).
     */
    public void log(long block, long frame, TunerSnapshot reading, boolean clip) {
        TunerSnapshot snapshot = reading;
        if (snapshot.readingCount() != lastReading) {
            lastReading = snapshot.readingCount();
            String note = snapshot.hasNote() ? snapshot.noteName() : null;
            BigDecimal hz = round(snapshot.hasNote() ? snapshot.hz() : 0, 2);
            BigDecimal cents = round(snapshot.hasNote() ? snapshot.cents() : 0, 1);
            if (!Objects.equals(note, lastNote) || !hz.equals(lastHz) || !cents.equals(lastCents)) {
                lastNote = note;
                lastHz = hz;
                lastCents = cents;
                log.accept(new LogEvent(block, frame, "control", "tuner").str("note", note)
                        .dec("hz", hz.doubleValue(), 2).dec("cents", cents.doubleValue(), 1));
            }
        }
        if (clip != clipping) {
            clipping = clip;
            log.accept(new LogEvent(block, frame, "control", "clip").bool("clip", clip));
        }
    }

    private static BigDecimal round(double v, int places) {
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_EVEN);
    }
}
