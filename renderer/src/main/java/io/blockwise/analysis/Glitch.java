package io.blockwise.analysis;

/**
 * One glitch found by {@link GlitchDetector}: the first frame of the fault, the channel, what kind
 * of fault it looks like and its size. {@code size} is in the kind's {@link GlitchKind#unit() unit}:
 * for a click (discontinuity, spike, DC step) the prediction error at that frame in full-scale
 * units (1.0 = full scale); for a dropout its length in milliseconds.
 */
public record Glitch(int frame, int channel, GlitchKind kind, double size) {
}
