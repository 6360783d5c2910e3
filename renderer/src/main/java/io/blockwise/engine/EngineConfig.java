package io.blockwise.engine;

/**
 * Fixed sizes of an engine, chosen on the control thread before it is built: everything the
 * audio thread will ever need is allocated from these.
 */
public record EngineConfig(int sampleRate, int maxBlockFrames, int queueCapacity,
        int maxMessagesPerBlock, int maxChainLength) {

    public EngineConfig {
        if (sampleRate <= 0 || maxBlockFrames <= 0 || queueCapacity <= 0 || maxMessagesPerBlock <= 0
                || maxChainLength <= 0) {
            throw new IllegalArgumentException("every engine size must be positive: " + this);
        }
    }

    /**
     * Capacity of the audio thread's event ring: per message an apply or reject plus every stage
     * it can retire (a whole chain), plus the events a block can raise on its own.
     */
    int eventRingCapacity() {
        return maxMessagesPerBlock * (maxChainLength + 4) + 4 * maxChainLength + 64;
    }
}
