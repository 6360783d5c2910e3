package io.blockwise.scenario;

import java.util.Objects;

/**
 * One entry of {@code events}: the frame it is due at, its position in the file (for messages and
 * to keep file order among equal frames) and its payload.
 *
 * <p>Equality ignores {@code position}: it says where the event was written, not what it is, so
 * the same scenario read from JSON, from YAML or from its canonical copy compares equal.
 */
public record TimedMessage(long atFrame, int fileIndex, SourcePosition position, Message message) {

    @Override
    public boolean equals(Object o) {
        return o instanceof TimedMessage t && atFrame == t.atFrame && fileIndex == t.fileIndex
                && message.equals(t.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(atFrame, fileIndex, message);
    }
}
