package io.blockwise.render;

import io.blockwise.engine.PlantedDefect;
import java.util.EnumSet;
import java.util.Set;

/**
 * How to render: the threading mode and any defects planted on purpose.
 *
 * @param mode {@link Mode#OFFLINE}: control, collector and writer on the driver's thread, the
 *     audio role on {@code blockwise-rt}; {@link Mode#LOCKSTEP}: the collector and writer on threads
 *     of their own too, each handed its turn by the driver, so the real cross-thread hand-offs run
 *     while the schedule (and so every output byte) stays the same
 * @param planted defects to plant (empty for a normal render)
 * @param jfrBlockingAudit run the real-time sanitizer ({@code --jfr}; see {@link RtSanitizer}): record
 *     the audio thread's blocking calls and allocations with JFR, log the blocking calls as
 *     {@code rt-block} and report every finding with its stack in {@link RenderResult#sanitizer()}
 * @param maxRunBlocks the most blocks handed to the audio thread at once ({@code RtThread}), or
 *     0 for the default (about 32 k frames); 1 hands off block by block. The output is the same
 *     for every value; only the number of hand-offs changes
 * @param progress told after each run of blocks how far the render has got (a terminal's progress
 *     line), {@link RenderProgress#NONE} by default
 */
public record RenderOptions(Mode mode, Set<PlantedDefect> planted, boolean jfrBlockingAudit, int maxRunBlocks,
        RenderProgress progress) {
    public static final RenderOptions DEFAULT = new RenderOptions(Mode.OFFLINE, Set.of(), false, 0, RenderProgress.NONE);

    public RenderOptions {
        planted = planted.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(planted));
        if (maxRunBlocks < 0) {
            throw new IllegalArgumentException("maxRunBlocks " + maxRunBlocks + " must be 0 (default) or positive");
        }
    }

    public RenderOptions(Mode mode, Set<PlantedDefect> planted, boolean jfrBlockingAudit) {
        this(mode, planted, jfrBlockingAudit, 0, RenderProgress.NONE);
    }

    public RenderOptions withMaxRunBlocks(int blocks) {
        return new RenderOptions(mode, planted, jfrBlockingAudit, blocks, progress);
    }

    public RenderOptions withProgress(RenderProgress p) {
        return new RenderOptions(mode, planted, jfrBlockingAudit, maxRunBlocks, p);
    }

    /** Threading modes. */
    public enum Mode { OFFLINE, LOCKSTEP }

    public RenderOptions withJfrBlockingAudit(boolean on) {
        return new RenderOptions(mode, planted, on, maxRunBlocks, progress);
    }

    public boolean has(PlantedDefect d) {
        return planted.contains(d);
    }

    public RenderOptions withMode(Mode m) {
        return new RenderOptions(m, planted, jfrBlockingAudit, maxRunBlocks, progress);
    }

    public RenderOptions planting(PlantedDefect d) {
        EnumSet<PlantedDefect> s = planted.isEmpty() ? EnumSet.noneOf(PlantedDefect.class) : EnumSet.copyOf(planted);
        s.add(d);
        return new RenderOptions(mode, s, jfrBlockingAudit, maxRunBlocks, progress);
    }
}
