package io.blockwise.dsp;

/**
 * A parameter that glides linearly to a new target over a fixed time, so a jump never clicks
 * (JUCE's SmoothedValue, linear flavour). Owned by one thread: the audio thread once the owning
 * stage is live, the control thread before.
 */
public final class LinearSmoother {
    /** Glide time used by the stages unless they say otherwise. */
    public static final double DEFAULT_RAMP_SECONDS = 0.02;

    private int rampFrames = 1;
    private double current;
    private double target;
    private double step;
    private int remaining;

    /** Control thread. Sets the glide length for this rate. */
    public void prepare(int sampleRate, double rampSeconds) {
        rampFrames = Math.max(1, (int) Math.round(sampleRate * rampSeconds));
    }

    /** Owner thread. Jumps to {@code value} without a glide. */
    public void snap(double value) {
        current = value;
        target = value;
        remaining = 0;
        step = 0;
    }

    /** Owner thread. Starts a glide from the current value to {@code value}. */
    public void setTarget(double value) {
        if (value == target) {
            return;
        }
        target = value;
        remaining = rampFrames;
        step = (target - current) / rampFrames;
    }

    /** Owner thread. The value for the next frame. */
    public double next() {
        if (remaining > 0) {
            remaining--;
            current = remaining == 0 ? target : current + step;
        }
        return current;
    }

    /** Owner thread. Advances {@code frames} frames at once; returns the value reached. */
    public double skip(int frames) {
        if (remaining > 0) {
            if (frames >= remaining) {
                remaining = 0;
                current = target;
            } else {
                remaining -= frames;
                current += step * frames;
            }
        }
        return current;
    }

    /**
     * Audio thread only (a state hand-over, {@link Stage#takeStateFrom}). Continues {@code from}'s
     * glide, which ran at another rate: this smoother takes {@code from}'s current value times
     * {@code scale} (1, or the rate ratio for a value counted in frames) and glides from it to its
     * own target with the same fraction of the glide left. A {@code from} that is not gliding
     * hands nothing over (this one keeps its own value and glide).
     */
    public void continueFrom(LinearSmoother from, double scale) {
        if (from.remaining == 0) {
            return;
        }
        int left = (int) Math.max(1, Math.round((double) from.remaining * rampFrames / from.rampFrames));
        current = from.current * scale;
        remaining = left;
        step = (target - current) / left;
    }

    /** Audio thread only. {@link #continueFrom} (scale 1) for each smoother of {@code to} from the one at its index in {@code from}. */
    public static void continueAll(LinearSmoother[] to, LinearSmoother[] from) {
        for (int i = 0; i < to.length; i++) {
            to[i].continueFrom(from[i], 1);
        }
    }

    /** Owner thread. Frames left in the glide (0 when not gliding). */
    public int remainingFrames() {
        return remaining;
    }

    /** Owner thread. True while a glide is in progress. */
    public boolean isSmoothing() {
        return remaining > 0;
    }

    /** Owner thread. */
    public double current() {
        return current;
    }

    /** Owner thread. */
    public double target() {
        return target;
    }
}
