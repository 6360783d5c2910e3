package io.blockwise.engine;

import io.blockwise.rt.EventLog;
import io.blockwise.rt.LogEvent;
import io.blockwise.rt.Resource;
import io.blockwise.rt.RtEvent;
import io.blockwise.rt.RtEventRing;

/**
 * Turns the audio thread's event records into log lines ({@code apply}, {@code reject},
 * {@code retire}, {@code fault}, {@code overrun}) at the block the control side is at. Control
 * thread only.
 */
final class RtEventLogger implements RtEventRing.Sink {
    private final EventLog log;
    private long block;
    private long frame;

    RtEventLogger(EventLog log) {
        this.log = log;
    }

    void at(long blockIndex, long startFrame) {
        block = blockIndex;
        frame = startFrame;
    }

    @Override
    public void event(int type, Object ref, Object ref2, int code, long a, long b) {
        switch (type) {
            case RtEvent.APPLY: {
                Command c = (Command) ref;
                log.add(new LogEvent(block, frame, "rt", "apply").num("seq", c.seq()).str("msg", c.name()));
                break;
            }
            case RtEvent.REJECT: {
                Command c = (Command) ref;
                double value = c instanceof Commands.SetParameter sp ? sp.value() : 0;
                log.add(new LogEvent(block, frame, "rt", "reject").num("seq", c.seq()).str("msg", c.name())
                        .str("reason", RejectReason.describe(code, a, b, value)));
                break;
            }
            case RtEvent.RETIRE: {
                Resource r = (Resource) ref;
                log.add(new LogEvent(block, frame, "rt", "retire").str("resource", r.id()).num("bytes", r.bytes()));
                break;
            }
            case RtEvent.FAULT: {
                Resource r = (Resource) ref;
                Throwable t = (Throwable) ref2;
                log.add(new LogEvent(block, frame, "rt", "fault").str("resource", r.id())
                        .str("reason", t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage())));
                break;
            }
            case RtEvent.OVERRUN: {
                Resource r = (Resource) ref;
                log.add(new LogEvent(block, frame, "rt", "overrun").str("resource", r.id()).num("frames", a));
                break;
            }
            default:
                throw new IllegalStateException("unknown rt event type " + type);
        }
    }
}
