package io.blockwise.engine;

/**
 * The output's mute while the tuner is on, faded rather than cut: switching the tuner on fades the
 * output to silence over the crossfade length, switching it off fades it back (a cut from a
 * signal to zero is a click). The gain moves in whole steps of {@code 1 / fadeFrames}, so it
 * reaches exactly 0 and exactly 1. Audio thread only (control before the first block).
 */
final class TunerMute {
    private final int fadeFrames;
    // Audio thread only: the gain in steps, 0 (muted) .. fadeFrames (open).
    private int steps;
    private boolean muted;

    TunerMute(int fadeFrames) {
        this.fadeFrames = fadeFrames;
        this.steps = fadeFrames;
    }

    /** Control thread, before the first block: muted or open from the start, no fade. */
    void setImmediately(boolean mute) {
        muted = mute;
        steps = mute ? 0 : fadeFrames;
    }

    /** Audio thread only. Fades toward muted or open from the next frame on. */
    void set(boolean mute) {
        muted = mute;
    }

    /** Audio thread only. Applies the mute to {@code buf[0, frames)}. */
    void apply(double[] buf, int frames) {
        if (!muted && steps == fadeFrames) {
            return;
        }
        if (muted && steps == 0) {
            java.util.Arrays.fill(buf, 0, frames, 0.0);
            return;
        }
        int s = steps;
        double unit = 1.0 / fadeFrames;
        for (int i = 0; i < frames; i++) {
            if (muted && s > 0) {
                s--;
            } else if (!muted && s < fadeFrames) {
                s++;
            }
            buf[i] = s == 0 ? 0.0 : buf[i] * (s * unit); // exactly +0 once muted, never -0
        }
        steps = s;
    }
}
