package io.blockwise.live;

import java.nio.file.Path;
import java.util.List;

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
 */
public record LiveOptions(double seconds, int churnThreads, double churnIrSeconds, Path capture,
        BlockPacer.Factory pacer, List<BlockSink> sinks, boolean jfr) {

    /** The scenario's duration, no churn, no capture, a timer. */
    public static final LiveOptions DEFAULT = new LiveOptions(0, 0, 1.0, null, null, List.of(), false);

    /** Options without the sanitizer. */
    public LiveOptions(double seconds, int churnThreads, double churnIrSeconds, Path capture,
            BlockPacer.Factory pacer, List<BlockSink> sinks) {
        this(seconds, churnThreads, churnIrSeconds, capture, pacer, sinks, false);
    }

    public LiveOptions {
        if (seconds < 0 || churnThreads < 0 || churnIrSeconds <= 0) {
            throw new IllegalArgumentException("seconds, churn threads and IR length must be non-negative");
        }
        sinks = List.copyOf(sinks);
    }

    /** These options for {@code s} seconds. */
    public LiveOptions withSeconds(double s) {
        return new LiveOptions(s, churnThreads, churnIrSeconds, capture, pacer, sinks, jfr);
    }

    /** These options with {@code n} churn threads. */
    public LiveOptions withChurn(int n) {
        return new LiveOptions(seconds, n, churnIrSeconds, capture, pacer, sinks, jfr);
    }

    /** These options writing the capture to {@code file}. */
    public LiveOptions withCapture(Path file) {
        return new LiveOptions(seconds, churnThreads, churnIrSeconds, file, pacer, sinks, jfr);
    }

    /** These options with churn IRs of {@code s} seconds. */
    public LiveOptions withChurnIrSeconds(double s) {
        return new LiveOptions(seconds, churnThreads, s, capture, pacer, sinks, jfr);
    }

    /**
     * These options with another clock (an audio device, whose blocking writes pace the session,
     * with its sink in {@code s}).
     */
    public LiveOptions withPacer(BlockPacer.Factory p, List<BlockSink> s) {
        return new LiveOptions(seconds, churnThreads, churnIrSeconds, capture, p, s, jfr);
    }

    /** These options with the real-time sanitizer on or off. */
    public LiveOptions withJfr(boolean on) {
        return new LiveOptions(seconds, churnThreads, churnIrSeconds, capture, pacer, sinks, on);
    }
}
