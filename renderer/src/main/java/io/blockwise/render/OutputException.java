package io.blockwise.render;

/**
 * An output folder that cannot be used (it holds files a render does not write, it is a file, the
 * disk lacks room, it cannot be created): one line saying so and that nothing was written. The
 * command line treats it as bad input (exit 2).
 */
public final class OutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutputException(String message) {
        super(message);
    }
}
