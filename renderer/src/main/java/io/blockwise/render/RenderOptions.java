package io.blockwise.render;

import io.blockwise.engine.EngineHooks;

/**
 * How to render: the threading mode, the JFR audit, hand-off runs, progress and the engine hooks
 * (checking code's parts, to plant a defect on purpose; {@link EngineHooks#NONE} for a normal render).
 *
 * @param mode {@link Mode#OFFLINE}: control, collector and writer on the driver's thread, the
 *     audio role on {@code blockwise-rt}; {@link Mode#LOCKSTEP}: the collector and writer on threads
 *     of their own too, each handed its turn by the driver, so the real cross-thread hand-offs run
 *     while the schedule (and so every output byte) stays the same
 * @param hooks the parts checking code puts into the render ({@link EngineHooks#NONE}: none)
 * @param jfrBlockingAudit run the real-time sanitizer ({@code --jfr}; see {@link RtSanitizer}): record
 *     the audio thread's blocking calls and allocations with JFR, log the blocking calls as
 *     {@code rt-block} and report every finding with its stack in {@link RenderResult#sanitizer()}
 * @param maxRunBlocks the most blocks handed to the audio thread at once ({@code RtThread}), or
 *     0 for the default (about 32 k frames); 1 hands off block by block. The output is the same
 *     for every value; only the number of hand-offs changes
 * @param progress told after each run of blocks how far the render has got (a terminal's progress
 *     line), {@link RenderProgress#NONE} by default
 */
public record RenderOptions(Mode mode, EngineHooks hooks, boolean jfrBlockingAudit, int maxRunBlocks,
        RenderProgress progress) {
    public static final RenderOptions DEFAULT = new RenderOptions(Mode.OFFLINE, EngineHooks.NONE, false, 0,
            RenderProgress.NONE);

    public RenderOptions {
        java.util.Objects.requireNonNull(hooks, "hooks");
        if (maxRunBlocks < 0) {
            throw new IllegalArgumentException("maxRunBlocks " + maxRunBlocks + " must be 0 (default) or positive");
        }
    }

    public RenderOptions(Mode mode, EngineHooks hooks, boolean jfrBlockingAudit) {
        this(mode, hooks, jfrBlockingAudit, 0, RenderProgress.NONE);
    }

    public RenderOptions withMaxRunBlocks(int blocks) {
        return new RenderOptions(mode, hooks, jfrBlockingAudit, blocks, progress);
    }

    public RenderOptions withProgress(RenderProgress p) {
        return new RenderOptions(mode, hooks, jfrBlockingAudit, maxRunBlocks, p);
    }

    /** Threading modes. */
    public enum Mode { OFFLINE, LOCKSTEP }

    public RenderOptions withJfrBlockingAudit(boolean on) {
        return new RenderOptions(mode, hooks, on, maxRunBlocks, progress);
    }

    public RenderOptions withMode(Mode m) {
        return new RenderOptions(m, hooks, jfrBlockingAudit, maxRunBlocks, progress);
    }

    /** A copy rendering with {@code h} (checking code's parts). */
    public RenderOptions withHooks(EngineHooks h) {
        return new RenderOptions(mode, h, jfrBlockingAudit, maxRunBlocks, progress);
    }
}
