package io.blockwise.dsp;

import io.blockwise.rt.Resource;

/**
 * One input filter (kind {@code filter}): a second-order Butterworth high-pass or low-pass
 * (RBJ design, Q = 1/sqrt 2). Built on the control thread by {@code setInputFilters} and swapped
 * in whole; the old one is retired.
 */
public final class InputFilter extends Resource {
    /** Which side of the band the filter removes. */
    public enum Kind { HIGHPASS, LOWPASS }

    private static final double BUTTERWORTH_Q = 1 / StrictMath.sqrt(2);

    private final Kind filterKind;
    private final double cutoffHz;
    private final Biquad biquad = new Biquad();

    /** Control thread. */
    public InputFilter(Kind filterKind, double cutoffHz, int sampleRate) {
        super("filter");
        this.filterKind = filterKind;
        this.cutoffHz = cutoffHz;
        if (filterKind == Kind.HIGHPASS) {
            biquad.designHighpass(sampleRate, cutoffHz, BUTTERWORTH_Q);
        } else {
            biquad.designLowpass(sampleRate, cutoffHz, BUTTERWORTH_Q);
        }
    }

    /** Any thread. */
    public Kind filterKind() {
        return filterKind;
    }

    /** Any thread. */
    public double cutoffHz() {
        return cutoffHz;
    }

    @Override
    public long bytes() {
        return 0;
    }

    /** Audio thread only. In place. */
    public void process(double[] buf, int off, int len) {
        biquad.process(buf, off, len);
    }

    /** Audio thread only. */
    public void reset() {
        biquad.reset();
    }
}
