package io.blockwise.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class FuzzConsoleTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void offATerminalThereIsNoStatusLineAndResultLinesGoToOut() {
        FuzzConsole c = new FuzzConsole(new PrintWriter(out), new PrintWriter(err), false);
        assertNull(c.progress());
        c.lines().accept("3 tries, 0 failures, seed 1");
        assertEquals("3 tries, 0 failures, seed 1" + System.lineSeparator(), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void onATerminalTheStatusLineIsRewrittenInPlaceAndErasedBeforeAResultLine() {
        FuzzConsole c = new FuzzConsole(new PrintWriter(out), new PrintWriter(err), true);
        c.progress().accept(new FuzzStatus(1, 2, 0, 30_000_000_000L, 11, 3, 0.5));
        c.progress().accept(new FuzzStatus(2, 2, 1, 60_000_000_000L, 10, 3, 0.5));
        c.lines().accept("2 tries, 0 failures, seed 1");
        assertEquals("\r\u001b[Ktry 1/2  50%  2 tries/min  30 s left  0 failures"
                + "\r\u001b[Ktry 2/2  100%  2 tries/min  0 s left  1 failure\r\u001b[K", err.toString());
        assertEquals("2 tries, 0 failures, seed 1" + System.lineSeparator(), out.toString());
    }

    @Test
    void verboseAddsThePropertiesStillCheckedAndTheLastScenario() {
        FuzzStatus s = new FuzzStatus(40, 2000, 0, 8_000_000_000L, 11, 7, 1.25);
        assertEquals("try 40/2000  2%  300 tries/min  6 min 32 s left  0 failures", s.line(false));
        assertEquals("try 40/2000  2%  300 tries/min  6 min 32 s left  0 failures"
                + "  (11 of " + FuzzProperty.values().length + " properties still checked; last try: 7 events, 1.25 s)",
                s.line(true));
    }
}
