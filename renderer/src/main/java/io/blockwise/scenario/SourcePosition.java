package io.blockwise.scenario;

/** Where something is in a scenario file: 1-based line and column, and its JSON path. */
public record SourcePosition(int line, int column, String path) {
    /** {@code line:column}. */
    public String lineColumn() {
        return line + ":" + column;
    }
}
