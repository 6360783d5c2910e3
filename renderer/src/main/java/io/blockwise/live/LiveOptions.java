package io.blockwise.live;

import io.blockwise.engine.EngineHooks;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How a live session runs.
 *
 * @param seconds how long the clock runs (the session then drains what is still queued); 0: the
 *     scenario's duration
 * @param churnThreads threads sending random valid messages as fast as the engine accepts them
 * @param churnIrSeconds length of the synthetic IRs the churn swaps in
 * @param capture where to write the capture scenario, or null
 * @param pacer the clock, given the scenario's rate and block size; null: a {@link PacedClock}
 * @param sinks where rendered blocks go besides {@code output.wav}
 * @param jfr run the real-time sanitizer ({@code --jfr}, {@link io.blockwise.render.RtSanitizer})
 * @param rtPriority the {@code SCHED_FIFO} priority (1..99) of the driver and the audio thread
 *     ({@link RealtimeScheduling}); 0: the ordinary policy
 * @param hooks the parts checking code plants into the session, as offline renders take them
 *     ({@code RenderOptions.withHooks}): the stages, the retirer, the collector's free policy and
 *     the monitor's log (the sender and due-block hooks belong to the offline scheduler, which a
 *     live session does not use)
 * @param churnSource what each churn thread sends: by default {@link ChurnMessages}
 */
public record LiveOptions(double seconds, int churnThreads, double churnIrSeconds, Path capture,
        BlockPacer.Factory pacer, List<BlockSink> sinks, boolean jfr, int rtPriority, EngineHooks hooks,
        ChurnSource.Factory churnSource) {

    /** The scenario's duration, no churn, no capture, a timer, the ordinary scheduling, no hooks. */
    public static final LiveOptions DEFAULT = new LiveOptions(0, 0, 1.0, null, null, List.of(), false, 0,
            EngineHooks.NONE, ChurnMessages::new);

    public LiveOptions {
        if (seconds < 0 || churnThreads < 0 || churnIrSeconds <= 0) {
            throw new IllegalArgumentException("seconds, churn threads and IR length must be non-negative");
        }
        if (rtPriority < 0 || rtPriority > 99) {
            throw new IllegalArgumentException("the real-time priority must be 0 (off) or 1..99, not " + rtPriority);
        }
        sinks = List.copyOf(sinks);
        Objects.requireNonNull(hooks, "hooks");
        Objects.requireNonNull(churnSource, "churnSource");
    }

    /** These options for {@code s} seconds. */
    public LiveOptions withSeconds(double s) {
        return new LiveOptions(s, churnThreads, churnIrSeconds, capture, pacer, sinks, jfr, rtPriority, hooks, churnSource);
    }

    /** These options with {@code n} churn threads. */
    public LiveOptions withChurn(int n) {
        return new LiveOptions(seconds, n, churnIrSeconds, capture, pacer, sinks, jfr, rtPriority, hooks, churnSource);
    }

    /** These options writing the capture to {@code file}. */
    public LiveOptions withCapture(Path file) {
        return new LiveOptions(seconds, churnThreads, churnIrSeconds, file, pacer, sinks, jfr, rtPriority, hooks, churnSource);
    }

    /** These options with churn IRs of {@code s} seconds. */
    public LiveOptions withChurnIrSeconds(double s) {
        return new LiveOptions(seconds, churnThreads, s, capture, pacer, sinks, jfr, rtPriority, hooks, churnSource);
    }

    /**
     * These options with another clock (an audio device, whose blocking writes pace the session,
     * with its sink in {@code s}).
     */
    public LiveOptions withPacer(BlockPacer.Factory p, List<BlockSink> s) {
        return new LiveOptions(seconds, churnThreads, churnIrSeconds, capture, p, s, jfr, rtPriority, hooks, churnSource);
    }

    /** These options with the real-time sanitizer on or off. */
    public LiveOptions withJfr(boolean on) {
        return new LiveOptions(seconds, churnThreads, churnIrSeconds, capture, pacer, sinks, on, rtPriority, hooks, churnSource);
    }

    /** These options with the driver and the audio thread at {@code SCHED_FIFO} {@code priority} (0: off). */
    public LiveOptions withRtPriority(int priority) {
        return new LiveOptions(seconds, churnThreads, churnIrSeconds, capture, pacer, sinks, jfr, priority, hooks, churnSource);
    }

    /** These options with churn threads sending what {@code f}'s sources give. */
    public LiveOptions withChurnSource(ChurnSource.Factory f) {
        return new LiveOptions(seconds, churnThreads, churnIrSeconds, capture, pacer, sinks, jfr, rtPriority, hooks, f);
    }

    /** These options with {@code h} planted into the session. */
    public LiveOptions withHooks(EngineHooks h) {
        return new LiveOptions(seconds, churnThreads, churnIrSeconds, capture, pacer, sinks, jfr, rtPriority, h, churnSource);
    }
}
