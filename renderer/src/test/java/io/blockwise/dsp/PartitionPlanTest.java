package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The partitioning invariants the zero-latency schedule relies on, for any IR length up to
 * 10 s at 192 kHz: partitions tile the IR after the FIR without gaps or overlaps, the first
 * segment's result is due at once (first tap = its hop), every later segment's first tap is at
 * least twice its hop (a whole hop of slack to spread its work), sizes grow.
 */
class PartitionPlanTest {

    @Property(tries = 300)
    void partitionsTileTheIrAndLeaveEachLevelAHopOfSlack(
            @ForAll @IntRange(min = 1, max = Convolver.MAX_IR_LENGTH) int irLength) {
        PartitionPlan plan = PartitionPlan.of(irLength, 64, Convolver.DEFAULT_MAX_HOP, Convolver.DEFAULT_MAX_LEAF);
        List<PartitionPlan.Segment> segments = plan.segments();
        assertEquals(Math.min(64, irLength), plan.firLength());
        long tap = 64;
        int previousHop = 0;
        for (int i = 0; i < segments.size(); i++) {
            PartitionPlan.Segment s = segments.get(i);
            assertEquals(tap, s.firstTap(), "segment " + i + " starts where the previous ended");
            assertEquals(1, Integer.bitCount(s.hop()), "power-of-two hop");
            assertTrue(s.hop() > previousHop && s.hop() <= Convolver.DEFAULT_MAX_HOP, "sizes grow");
            assertTrue(s.count() >= 1);
            if (i == 0) {
                assertTrue(s.instant());
                assertEquals(64, s.hop());
                assertEquals(64, s.firstTap());
            } else {
                assertTrue(!s.instant());
                assertTrue(s.firstTap() >= 2L * s.hop(), "slack of a hop: " + plan.describe());
            }
            tap = s.endTap();
            previousHop = s.hop();
        }
        if (irLength <= 64) {
            assertTrue(segments.isEmpty());
        } else {
            PartitionPlan.Segment last = segments.get(segments.size() - 1);
            assertTrue(last.endTap() >= irLength, "covers the IR");
            assertTrue(last.endTap() - last.hop() < irLength, "no partition entirely past the end");
        }
    }

    @Test
    void aOneSecondIrNeedsFarFewerPartitionsThanUniform128() {
        PartitionPlan plan = PartitionPlan.of(48000, 64, Convolver.DEFAULT_MAX_HOP, Convolver.DEFAULT_MAX_LEAF);
        int partitions = 0;
        for (PartitionPlan.Segment s : plan.segments()) {
            partitions += s.count();
        }
        int uniform = (48000 + 127) / 128;
        assertTrue(partitions * 5 < uniform, plan.describe() + ": " + partitions + " vs " + uniform);
    }
}
