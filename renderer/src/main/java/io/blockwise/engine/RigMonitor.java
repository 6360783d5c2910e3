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
    private final EventLog log;
    private final TunerSnapshot snapshot = new TunerSnapshot();
    private long lastReading;
    private String lastNote;
    private BigDecimal lastHz;
    private BigDecimal lastCents;
    private boolean clipping;

    /** Control thread. */
    public RigMonitor(Engine engine, EventLog log) {
        this.engine = engine;
        this.log = log;
    }

    /** Control thread, after the audio thread handed back {@code block}. */
    public void poll(long block, long frame) {
        engine.tuner().readings().read(snapshot);
        if (snapshot.readingCount() != lastReading) {
            lastReading = snapshot.readingCount();
            String note = snapshot.hasNote() ? snapshot.noteName() : null;
            BigDecimal hz = round(snapshot.hasNote() ? snapshot.hz() : 0, 2);
            BigDecimal cents = round(snapshot.hasNote() ? snapshot.cents() : 0, 1);
            if (!Objects.equals(note, lastNote) || !hz.equals(lastHz) || !cents.equals(lastCents)) {
                lastNote = note;
                lastHz = hz;
                lastCents = cents;
                log.add(new LogEvent(block, frame, "control", "tuner").str("note", note)
                        .dec("hz", hz.doubleValue(), 2).dec("cents", cents.doubleValue(), 1));
            }
        }
        boolean clip = engine.meter().isClipping();
        if (clip != clipping) {
            clipping = clip;
            log.add(new LogEvent(block, frame, "control", "clip").bool("clip", clip));
        }
    }

    private static BigDecimal round(double v, int places) {
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_EVEN);
    }
}
