package io.blockwise.cli;

/** A check that ran and failed (exit code 1); its message is the one-line summary. */
final class CheckFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CheckFailedException(String message) {
        super(message, null, false, false);
    }
}
