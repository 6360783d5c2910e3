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
        c.progress().accept("try 1/2");
        c.progress().accept("try 2/2");
        c.lines().accept("2 tries, 0 failures, seed 1");
        assertEquals("\r\u001b[Ktry 1/2\r\u001b[Ktry 2/2\r\u001b[K", err.toString());
        assertEquals("2 tries, 0 failures, seed 1" + System.lineSeparator(), out.toString());
    }
}
