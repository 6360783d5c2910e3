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
 * @param jfrBlockingAudit also record the audio thread's blocking calls with JFR and log them as
 *     {@code rt-block} ({@code render --jfr}; see {@code BlockingAudit})
 */
public record RenderOptions(Mode mode, Set<PlantedDefect> planted, boolean jfrBlockingAudit) {
    public static final RenderOptions DEFAULT = new RenderOptions(Mode.OFFLINE, Set.of(), false);

    public RenderOptions {
        planted = planted.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(planted));
    }

    /** Threading modes. */
    public enum Mode { OFFLINE, LOCKSTEP }

    public RenderOptions withJfrBlockingAudit(boolean on) {
        return new RenderOptions(mode, planted, on);
    }

    public boolean has(PlantedDefect d) {
        return planted.contains(d);
    }

    public RenderOptions withMode(Mode m) {
        return new RenderOptions(m, planted, jfrBlockingAudit);
    }

    public RenderOptions planting(PlantedDefect d) {
        EnumSet<PlantedDefect> s = planted.isEmpty() ? EnumSet.noneOf(PlantedDefect.class) : EnumSet.copyOf(planted);
        s.add(d);
        return new RenderOptions(mode, s, jfrBlockingAudit);
    }
}
