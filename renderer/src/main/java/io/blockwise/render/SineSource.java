package io.blockwise.render;

/**
 * {@code sine}: {@code amp * sin(2 pi freq n / sr + phase)}, computed from the frame index {@code n}
 * (no accumulated phase, so no drift). The cycle count {@code freq n / sr} is reduced to its
 * fractional part before the sine so that the argument stays small and precise for long renders.
 */
final class SineSource implements SourceGenerator {
    private final double freq;
    private final double amp;
    private final double phase;
    private final double sampleRate;

    SineSource(double freq, double amp, double phase, int sampleRate) {
        this.freq = freq;
        this.amp = amp;
        this.phase = phase;
        this.sampleRate = sampleRate;
    }

    @Override
    public void add(double[] buf, int off, long startFrame, int frames) {
        for (int i = 0; i < frames; i++) {
            double cycles = freq * (startFrame + i) / sampleRate;
            double frac = cycles - StrictMath.floor(cycles);
            buf[off + i] += amp * StrictMath.sin(2 * StrictMath.PI * frac + phase);
        }
    }
}
