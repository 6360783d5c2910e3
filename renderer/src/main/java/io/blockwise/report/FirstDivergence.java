package io.blockwise.report;

import io.blockwise.render.WavData;

/** The first frame at which two renders' audio differs in any channel (or in length). */
final class FirstDivergence {
    private FirstDivergence() {
    }

    /** The first differing frame, or -1 when both hold the same samples. */
    static long frame(WavData a, WavData b) {
        int frames = Math.min(a.frames(), b.frames());
        int channels = Math.min(a.channels(), b.channels());
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                if (Double.doubleToRawLongBits(a.channelData()[c][i]) != Double.doubleToRawLongBits(b.channelData()[c][i])) {
                    return i;
                }
            }
        }
        return a.frames() == b.frames() && a.channels() == b.channels() ? -1 : frames;
    }
}
