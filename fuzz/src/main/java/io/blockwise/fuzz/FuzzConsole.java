package io.blockwise.fuzz;

import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Where a fuzz run's lines go: result lines to {@code out}; on a terminal (and not {@code -q}, which
 * the command passes as "not a terminal"), also a status line (tries done, rate, time left) on
 * {@code err} rewritten in place after every try (erased before each result line, so the two never
 * share a line). Off a terminal (a pipe, a log, a test) there is no status line at all.
 */
public final class FuzzConsole {
    /** Back to the start of the line, and erase it. */
    static final String CLEAR_LINE = "\r\u001b[K";

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;

    /** Control thread. {@code terminal}: whether {@code err} is a terminal ({@code System.console() != null}). */
    public FuzzConsole(PrintWriter out, PrintWriter err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    /** Control thread. The consumer of result lines. */
    public Consumer<String> lines() {
        return line -> {
            if (terminal) {
                err.print(CLEAR_LINE);
                err.flush();
            }
            out.println(line);
            out.flush();
        };
    }

    /** Control thread. The consumer of status lines, or null off a terminal. */
    public Consumer<FuzzStatus> progress() {
        return progress(false);
    }

    /**
     * Control thread. The consumer of status lines ({@link FuzzStatus#line}, with more detail when
     * {@code verbose}), or null off a terminal.
     */
    public Consumer<FuzzStatus> progress(boolean verbose) {
        if (!terminal) {
            return null;
        }
        return status -> {
            err.print(CLEAR_LINE + status.line(verbose));
            err.flush();
        };
    }
}
