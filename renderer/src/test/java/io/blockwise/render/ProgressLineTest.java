package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress line says what is done, the speed and the time left, and cleans up after itself. */
class ProgressLineTest {
    @Test
    void aQuarterDoneAtTenTimesRealTimeHasThreeQuartersOfTheRestLeft() {
        // 15 s of 60 s at 48 kHz in 1.5 s of wall time: 10x real time, 45 s of audio = 4.5 s left.
        assertEquals("rig   25%  15.0 of 60.0 s  10.0x real time  4.5 s left",
                ProgressLine.format("rig", 15 * 48000, 60 * 48000, 48000, 1_500_000_000L));
    }

    @Test
    void theFinalLineIsAlwaysShownAndClearingLeavesNoText() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        line.update("rig", 10, 100, 48000);
        line.update("rig", 20, 100, 48000); // within 200 ms of the first: not printed
        line.update("rig", 100, 100, 48000); // the end: always printed
        line.clear();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(4, text.chars().filter(c -> c == '\r').count(), text); // two lines, and the clear's two
        assertEquals(true, text.endsWith("\r"));
    }
}
