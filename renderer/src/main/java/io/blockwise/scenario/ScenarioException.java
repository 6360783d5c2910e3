package io.blockwise.scenario;

import java.nio.file.Path;

/**
 * Bad input: a scenario (or a file it names) that cannot be loaded. The message is one line,
 * {@code FILE:LINE:COLUMN: PATH: what is wrong; what is allowed}, and is what the CLI prints.
 */
public final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An error at a position of {@code file}. */
    public static ScenarioException at(Path file, SourcePosition pos, String what) {
        return new ScenarioException(file + ":" + pos.line() + ":" + pos.column() + ": "
                + pos.path() + ": " + what);
    }
}
