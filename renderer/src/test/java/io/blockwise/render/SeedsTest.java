package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeedsTest {

    @Test
    void streamZeroOfSeedZeroIsSplitMix64sPublishedFirstOutput() {
        // First output of Vigna's splitmix64.c with x = 0.
        assertEquals(0xE220A8397B1DCDAFL, Seeds.derive(0, 0));
        assertEquals(0x6E789E6AA1B965F4L, Seeds.derive(0, 1));
    }

    @Test
    void streamKIsTheKPlusFirstOutputOfSplittableRandom() {
        for (long seed : new long[] {0, 1, -1, 42, Long.MIN_VALUE, 0x0123456789ABCDEFL}) {
            SplittableRandom r = new SplittableRandom(seed);
            for (int k = 0; k < 20; k++) {
                assertEquals(r.nextLong(), Seeds.derive(seed, k), "seed " + seed + " stream " + k);
            }
        }
    }

    @Test
    void neighbouringSeedsAndStreamsGiveDifferentSeeds() {
        assertNotEquals(Seeds.derive(1, 0), Seeds.derive(2, 0));
        assertNotEquals(Seeds.derive(1, 0), Seeds.derive(1, 1));
    }
}
