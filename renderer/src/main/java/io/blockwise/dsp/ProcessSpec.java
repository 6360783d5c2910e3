package io.blockwise.dsp;

/**
 * What a processor is prepared for (JUCE's ProcessSpec): the rate it runs at (the oversampled
 * rate inside an oversampler) and the most frames one {@code process} call will pass.
 */
public record ProcessSpec(int sampleRate, int maxBlockFrames) {
    public ProcessSpec {
        if (sampleRate <= 0 || maxBlockFrames <= 0) {
            throw new IllegalArgumentException(
                    "sampleRate " + sampleRate + " and maxBlockFrames " + maxBlockFrames + " must be positive");
        }
    }
}
