package io.blockwise.scenario;

/**
 * One entry of {@code events}: the frame it is due at, its position in the file (for messages and
 * to keep file order among equal frames) and its payload.
 */
public record TimedMessage(long atFrame, int fileIndex, SourcePosition position, Message message) { }
