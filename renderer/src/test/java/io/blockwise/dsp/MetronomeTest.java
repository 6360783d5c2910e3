package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetronomeTest {

    /** One setMetronome message, applied at the start of the block containing {@code frame}. */
    record Set(long frame, boolean enabled, double bpm, double level) {
    }

    /** Renders {@code frames} of silence plus clicks in blocks of {@code block}, applying messages at block starts. */
    static double[] render(int rate, int frames, int block, Set... sets) {
        Metronome m = new Metronome(rate);
        double[] out = new double[frames];
        int next = 0;
        for (int off = 0; off < frames; off += block) {
            int len = Math.min(block, frames - off);
            while (next < sets.length && sets[next].frame < off + len) {
                Set s = sets[next++];
                m.set(s.enabled, s.bpm, s.level, off);
            }
            m.process(out, off, len, off);
        }
        return out;
    }

    /** Frames where sound starts after at least {@code gap} frames of exact silence. */
    static List<Long> onsets(double[] x, int gap) {
        List<Long> found = new ArrayList<>();
        int silent = gap;
        for (int i = 0; i < x.length; i++) {
            if (x[i] != 0) {
                if (silent >= gap) {
                    found.add((long) i);
                }
                silent = 0;
            } else {
                silent++;
            }
        }
        return found;
    }

    /** round(k * 60 * rate / bpm) for an integer bpm, in exact integer arithmetic. */
    static long beat(long k, int rate, int bpm) {
        long num = k * 60L * rate;
        return (2 * num + bpm) / (2L * bpm);
    }

    static List<Long> expectedBeats(long start, int rate, int bpm, long until) {
        List<Long> beats = new ArrayList<>();
        for (long k = 0; start + beat(k, rate, bpm) < until; k++) {
            beats.add(start + beat(k, rate, bpm));
        }
        return beats;
    }

    @Test
    void at120BpmAnd48kHzBeatsFallEvery24000FramesForAnyBlockSize() {
        for (int block : new int[] {1, 7, 128, 1000}) {
            double[] out = render(48000, 48000 * 5, block, new Set(0, true, 120, 0.5));
            assertEquals(List.of(0L, 24000L, 48000L, 72000L, 96000L, 120000L, 144000L, 168000L, 192000L, 216000L),
                    onsets(out, 48), "block " + block);
        }
    }

    @Test
    void at97BpmAnd44100HzBeatsFollowTheRoundedFormulaWithoutDrift() {
        int frames = 44100 * 30;
        List<Long> expected = expectedBeats(0, 44100, 97, frames);
        assertEquals(49, expected.size());
        double[] reference = null;
        for (int block : new int[] {1, 7, 128, 1000}) {
            double[] out = render(44100, frames, block, new Set(0, true, 97, 0.5));
            assertEquals(expected, onsets(out, 44), "block " + block);
            if (reference == null) {
                reference = out;
            } else {
                // Clicks straddling block boundaries continue exactly: the signal is bit-identical.
                assertArrayEquals(reference, out, "block " + block);
            }
        }
    }

    @Test
    void everyClickIsWholeAndTheFirstOfEachBarIsAccented() {
        int rate = 44100;
        double[] out = render(rate, rate * 12, 7, new Set(0, true, 97, 0.5));
        List<Long> beats = expectedBeats(0, rate, 97, rate * 12);
        int length = (int) Math.round(Metronome.CLICK_SECONDS * rate);
        for (int k = 0; k < beats.size(); k++) {
            int at = (int) (long) beats.get(k);
            int sameKind = (int) (long) beats.get(k % 4); // beat 0 is the accent; 1, 2, 3 are plain
            for (int i = 0; i < length; i++) {
                assertEquals(out[sameKind + i], out[at + i], 0.0, "beat " + k + " sample " + i);
            }
            for (int i = length; at + i < rate * 12 && i < beats.get(1) - beats.get(0); i++) {
                assertEquals(0.0, out[at + i], "silence after beat " + k);
            }
        }
        // The plain click is a 1.5 kHz tone, the accent a 2 kHz one.
        int b1 = (int) (long) beats.get(1);
        assertEquals(1500, FrequencyMeter.measure(out, b1, length, rate, 1000, 2500), 20);
        assertEquals(2000, FrequencyMeter.measure(out, 0, length, rate, 1000, 2500), 20);
        assertTrue(Math.abs(out[0]) > 0, "the click starts on its beat frame");
    }

    @Test
    void enablingLaterCountsFromThatFrame() {
        double[] out = render(48000, 48000 * 3, 1000, new Set(5000, true, 120, 0.5));
        assertEquals(List.of(5000L, 29000L, 53000L, 77000L, 101000L, 125000L), onsets(out, 48));
    }

    @Test
    void disablingStopsNewClicksAndLetsTheSoundingOneRingOut() {
        int rate = 48000;
        double[] full = render(rate, rate * 3, 500, new Set(0, true, 120, 0.5));
        // Disabled at 24500, 500 frames into the second click.
        double[] out = render(rate, rate * 3, 500, new Set(0, true, 120, 0.5), new Set(24500, false, 120, 0.5));
        assertEquals(List.of(0L, 24000L), onsets(out, 48));
        for (int i = 0; i < 48000; i++) {
            assertEquals(full[i], out[i], 0.0, "frame " + i);
        }
        for (int i = 48000; i < out.length; i++) {
            assertEquals(0.0, out[i]);
        }
        // Enabling again restarts the count there.
        double[] again = render(rate, rate * 3, 500, new Set(0, true, 120, 0.5), new Set(24500, false, 120, 0.5),
                new Set(60000, true, 120, 0.5));
        assertEquals(List.of(0L, 24000L, 60000L, 84000L, 108000L, 132000L), onsets(again, 48));
    }

    @Test
    void aNewTempoWhileEnabledRestartsCountingButANewLevelDoesNot() {
        int rate = 48000;
        double[] out = render(rate, rate * 4, 1000, new Set(0, true, 120, 0.5), new Set(30000, true, 90, 0.5));
        assertEquals(List.of(0L, 24000L, 30000L, 62000L, 94000L, 126000L, 158000L, 190000L), onsets(out, 48));
        double[] levelOnly = render(rate, rate * 4, 1000, new Set(0, true, 120, 0.5), new Set(30000, true, 120, 0.25));
        assertEquals(expectedBeats(0, rate, 120, rate * 4), onsets(levelOnly, 48));
        // Beat 1 (plain, before the change) is exactly twice beat 2 (plain, after it).
        for (int i = 0; i < 1440; i++) {
            assertEquals(levelOnly[24000 + i], 2 * levelOnly[48000 + i], 0.0);
        }
        assertTrue(levelOnly[24000] != 0);
    }

    @Test
    void clickLevelScalesTheClick() {
        double[] half = render(48000, 48000, 128, new Set(0, true, 120, 0.5));
        double[] quarter = render(48000, 48000, 128, new Set(0, true, 120, 0.25));
        for (int i = 0; i < half.length; i++) {
            assertEquals(half[i], 2 * quarter[i], 0.0);
        }
        double peak = 0;
        for (double v : half) {
            peak = Math.max(peak, Math.abs(v));
        }
        assertTrue(peak > 0.3 && peak <= 0.5, "peak " + peak);
    }

    @Test
    void settingAndProcessingAllocateNothing() {
        double[] buf = new double[128];
        Metronome throwaway = new Metronome(48000);
        throwaway.set(true, 97, 0.5, 0);
        for (int b = 0; b < 500; b++) {
            throwaway.process(buf, 0, 128, b * 128L);
        }
        throwaway.set(true, 120, 0.3, 64000);
        throwaway.set(false, 120, 0.3, 64000);
        Metronome m = new Metronome(48000);
        ThreadAllocation.internStringConstants(Metronome.class);
        ThreadAllocation.bytes();
        long before = ThreadAllocation.bytes();
        m.set(true, 97, 0.5, 0);
        for (int b = 0; b < 500; b++) {
            if (b == 250) {
                m.set(true, 120, 0.3, b * 128L);
            }
            m.process(buf, 0, 128, b * 128L);
        }
        m.set(false, 120, 0.3, 64000);
        long after = ThreadAllocation.bytes();
        assertEquals(0, after - before);
    }
}
