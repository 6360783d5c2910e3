package io.blockwise.render;

/** {@code impulse}: one sample of {@code amp} at frame {@code at}, zero elsewhere. */
final class ImpulseSource implements SourceGenerator {
    private final long at;
    private final double amp;

    ImpulseSource(long at, double amp) {
        this.at = at;
        this.amp = amp;
    }

    @Override
    public void add(double[] buf, int off, long startFrame, int frames) {
        if (at >= startFrame && at < startFrame + frames) {
            buf[off + (int) (at - startFrame)] += amp;
        }
    }
}
