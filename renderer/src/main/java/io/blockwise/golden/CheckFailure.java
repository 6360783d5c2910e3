package io.blockwise.golden;

/**
 * A check that ran and failed (a render with defects refused for blessing, say): one line, and
 * the command line's exit code 1, unlike bad input (2).
 */
public final class CheckFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CheckFailure(String message) {
        super(message, null, false, false);
    }
}
