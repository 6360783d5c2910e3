package io.blockwise.scenario;

import io.blockwise.record.Encoding;
import java.nio.file.Path;
import java.util.List;

/**
 * A validated scenario: everything a render needs, immutable. Times are in frames. {@code events}
 * are in the order they are sent: by frame, then file order.
 */
public record Scenario(
        Path file,
        String name,
        String description,
        int sampleRate,
        int blockSize,
        long durationFrames,
        long seed,
        List<SourceSpec> inputs,
        Output output,
        EngineSetup setup,
        Schedule collector,
        Schedule writer,
        Limits limits,
        List<TimedMessage> events) {

    public Scenario {
        inputs = List.copyOf(inputs);
        events = List.copyOf(events);
    }

    /** Number of {@code process()} calls: ceil(duration / blockSize). */
    public long blockCount() {
        return (durationFrames + blockSize - 1) / blockSize;
    }

    /** {@code output}: encoding and channel count. */
    public record Output(Encoding encoding, int channels) {
        public static final Output DEFAULT = new Output(Encoding.FLOAT32, 1);
    }

    /** {@code limits}. */
    public record Limits(int queueCapacity, int maxMessagesPerBlock, int maxChainLength) {
        public static final Limits DEFAULT = new Limits(64, 64, 64);
    }

    /** When a background role runs: every {@code everyBlocks} blocks, never during a stall. */
    public record Schedule(int everyBlocks, List<Stall> stalls) {
        public static final Schedule EVERY_BLOCK = new Schedule(1, List.of());

        public Schedule {
            stalls = List.copyOf(stalls);
        }

        /** True when the role runs after the block starting at {@code startFrame}, number {@code block}. */
        public boolean runsAfter(long block, long startFrame) {
            if ((block + 1) % everyBlocks != 0) {
                return false;
            }
            for (Stall s : stalls) {
                if (startFrame >= s.fromFrame() && startFrame < s.toFrame()) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A stall: the role does nothing for blocks starting in {@code [fromFrame, toFrame)}. */
    public record Stall(long fromFrame, long toFrame) { }
}
