package io.blockwise.scenario;

/**
 * A scenario feature that loads and validates but whose engine side is not built yet. Its
 * message is one line: {@code not supported yet: swapIr}.
 */
public final class UnsupportedFeatureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedFeatureException(String feature) {
        super("not supported yet: " + feature);
    }
}
