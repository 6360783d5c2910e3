package io.blockwise.render;

/** {@code file}: the decoded (mono-mixed) samples, then silence after their end. */
final class FileSource implements SourceGenerator {
    private final double[] samples;

    FileSource(double[] samples) {
        this.samples = samples;
    }

    @Override
    public void add(double[] buf, int off, long startFrame, int frames) {
        long end = Math.min(startFrame + frames, samples.length);
        for (long n = startFrame; n < end; n++) {
            buf[off + (int) (n - startFrame)] += samples[(int) n];
        }
    }
}
