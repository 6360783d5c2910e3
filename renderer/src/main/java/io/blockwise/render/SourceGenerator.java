package io.blockwise.render;

/**
 * One input source, as the {@link InputSignal} runs it. Implementations are either pure functions
 * of the absolute frame index or state machines that are only ever advanced in order, so the
 * signal does not depend on how the render is cut into blocks.
 */
interface SourceGenerator {

    /**
     * Control thread. Adds this source's frames {@code [startFrame, startFrame + frames)} to
     * {@code buf[off .. off + frames)}. Called with consecutive ranges from frame 0; allocates
     * nothing.
     */
    void add(double[] buf, int off, long startFrame, int frames);
}
