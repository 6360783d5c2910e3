package io.blockwise.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Note names and MIDI numbers in equal temperament with A4 = MIDI 69 = 440 Hz; octaves change at
 * C, so C4 = MIDI 60 and E2 = MIDI 40 (the low string of a guitar).
 */
public final class NoteNames {
    /** Lowest and highest MIDI note. */
    public static final int MIN_MIDI = 0;
    public static final int MAX_MIDI = 127;

    private static final Pattern NAME = Pattern.compile("([A-G])(#|b)?(-1|[0-9])");
    // Semitones above C of each natural note letter A..G.
    private static final int[] LETTER_SEMITONES = {9, 11, 0, 2, 4, 5, 7};

    private NoteNames() {
    }

    /**
     * Control thread. MIDI number of a name such as {@code "E2"}, {@code "C#3"}, {@code "Bb1"},
     * {@code "C-1"}; -1 when the text is not a note name or lies outside MIDI 0..127.
     */
    public static int midi(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return -1;
        }
        int semitone = LETTER_SEMITONES[m.group(1).charAt(0) - 'A'];
        if (m.group(2) != null) {
            semitone += m.group(2).equals("#") ? 1 : -1;
        }
        int midi = (Integer.parseInt(m.group(3)) + 1) * 12 + semitone;
        return midi >= MIN_MIDI && midi <= MAX_MIDI ? midi : -1;
    }

    /** Any thread. Frequency of MIDI note {@code midi}: 440 × 2^((midi − 69) / 12), StrictMath. */
    public static double hz(int midi) {
        return 440.0 * StrictMath.pow(2.0, (midi - 69) / 12.0);
    }
}
