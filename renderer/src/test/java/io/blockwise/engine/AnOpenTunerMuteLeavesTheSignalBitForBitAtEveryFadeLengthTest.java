package io.blockwise.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The tuner's mute, open, leaves the output untouched bit for bit whatever the crossfade length,
 * also lengths such as 103 frames (a 10.3 kHz render) where {@code 103 * (1.0 / 103)} is not
 * exactly 1, so that multiplying by a full gain would change the signal in its last bit.
 */
class AnOpenTunerMuteLeavesTheSignalBitForBitAtEveryFadeLengthTest {
    static final int FADE = 103;

    static double[] signal(int n) {
        SplittableRandom r = new SplittableRandom(5);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble(-1, 1);
        }
        return x;
    }

    @Test
    void theReferenceFullGainIsNotExactlyOneAtThisLength() {
        assertNotEquals(1.0, FADE * (1.0 / FADE)); // what makes the lengths below a real check
    }

    @Test
    void anOpenMuteAndOneOpenedAgainAfterItsFadeLeaveEverySampleAsItWas() {
        TunerMute m = new TunerMute(FADE);
        double[] x = signal(256);
        double[] buf = x.clone();
        m.apply(buf, buf.length);
        assertArrayEquals(x, buf, 0.0, "open from the start");

        m.set(true);
        m.apply(new double[2 * FADE], 2 * FADE); // muted fully
        m.set(false);
        m.apply(new double[2 * FADE], 2 * FADE); // opened fully again
        buf = x.clone();
        m.apply(buf, buf.length);
        assertArrayEquals(x, buf, 0.0, "open again after the fade");
    }
}
