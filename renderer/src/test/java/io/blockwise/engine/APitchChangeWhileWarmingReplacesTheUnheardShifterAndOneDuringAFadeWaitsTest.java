package io.blockwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.dsp.PitchShifter;
import io.blockwise.rt.Resource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link PitchPath}'s changes as its class comment documents them, checked by which shifter is
 * retired when: a new shifter is fed unheard for its warm-up (its latency plus one
 * {@link PitchShifter#FFT_SIZE} frame), then crossfaded in over 480 frames and the old one retired
 * in the block the fade ends; a change during a warm-up retires the unheard shifter at once; a
 * change during a crossfade waits for its end, and a second one waiting replaces the first, which
 * was never heard.
 */
class APitchChangeWhileWarmingReplacesTheUnheardShifterAndOneDuringAFadeWaitsTest {
    static final int RATE = 48000;
    static final int BLOCK = 64;
    static final int FADE = 480;

    final List<Resource> retired = new ArrayList<>();
    final PitchPath path = new PitchPath(retired::add, BLOCK, FADE);
    long frames;

    static PitchShifter shifter(double semitones) {
        return new PitchShifter(semitones, RATE, BLOCK);
    }

    static long warmUp(PitchShifter s) {
        return s.latencyFrames() + PitchShifter.FFT_SIZE;
    }

    /** Runs whole blocks until at least {@code target} frames have been processed since the start. */
    void runTo(long target) {
        while (frames < target) {
            path.process(new double[BLOCK], BLOCK);
            frames += BLOCK;
        }
    }

    @Test
    void aChangeDuringTheWarmUpRetiresTheShifterThatWasNeverHeardAtOnce() {
        PitchShifter a = shifter(3);
        PitchShifter b = shifter(-2);
        path.change(a);
        runTo(BLOCK);
        assertTrue(path.reaches(a));
        path.change(b);
        assertEquals(List.of(a), retired);
        assertFalse(path.reaches(a));
        assertTrue(path.reaches(b));
    }

    @Test
    void theOldShifterIsRetiredInTheBlockItsCrossfadeEndsNotBefore() {
        PitchShifter a = shifter(3);
        path.install(a);
        assertEquals(Resource.LIVE, a.state(), "installed");
        PitchShifter b = shifter(5);
        path.change(b);
        assertEquals(Resource.LIVE, b.state(), "installed");
        long end = warmUp(b) + FADE; // the fade's last frame is end - 1
        while (frames + BLOCK < end) { // every block before the one holding the fade's last frame
            path.process(new double[BLOCK], BLOCK);
            frames += BLOCK;
            assertEquals(List.of(), retired, "after " + frames + " of " + end + " frames a is still heard");
        }
        int rest = (int) (end - frames); // up to and including the fade's last frame, no further
        path.process(new double[BLOCK], rest);
        assertEquals(List.of(a), retired);
        assertTrue(path.reaches(b));
    }

    @Test
    void changesDuringACrossfadeWaitTheLatestReplacingTheOneWaitingAndItStartsWhenTheFadeEnds() {
        PitchShifter a = shifter(3);
        path.change(a); // from dry
        runTo(warmUp(a) + BLOCK); // into the crossfade
        PitchShifter b = shifter(5);
        PitchShifter c = shifter(-4);
        path.change(b);
        assertEquals(List.of(), retired, "b waits; a, crossfading in, is not replaced");
        path.change(c);
        assertEquals(List.of(b), retired, "b, waiting and never heard, gives way to c");
        assertTrue(path.reaches(a) && path.reaches(c));
        runTo(warmUp(a) + FADE);
        // The fade from dry to a ended: c starts warming up beside a; nothing else was retired.
        assertEquals(List.of(b), retired);
        runTo(warmUp(a) + FADE + warmUp(c) + FADE + BLOCK);
        assertEquals(List.of(b, a), retired, "c has crossfaded in and a is retired");
        assertTrue(path.reaches(c));
    }
}
