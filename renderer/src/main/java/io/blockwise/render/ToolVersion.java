package io.blockwise.render;

/**
 * The tool's version for reports: the renderer jar's implementation version (from its manifest)
 * or {@code dev} when running from classes. Any thread.
 */
public final class ToolVersion {
    private ToolVersion() {
    }

    /** E.g. {@code 0.1.0-SNAPSHOT}, or {@code dev}. */
    public static String describe() {
        String v = ToolVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
