package io.blockwise.render;

/**
 * Told how far a render has got, by the driver after each run of blocks (so at most a few hundred
 * times a second): for progress lines on a terminal. Never affects what is rendered. Control
 * thread (the driver's).
 */
@FunctionalInterface
public interface RenderProgress {
    /** Says nothing. */
    RenderProgress NONE = (name, framesDone, framesTotal, sampleRate) -> { };

    /** {@code framesDone} of {@code framesTotal} frames of {@code name} are rendered. */
    void update(String name, long framesDone, long framesTotal, int sampleRate);
}
