package io.blockwise.dsp;

/**
 * {@code level}: a linear gain 0..2 that glides. Hand-over ({@link Stage#takeStateFrom}, at an
 * oversampling change): a glide in progress.
 */
public final class Level extends Stage {
    private final LinearSmoother gain = new LinearSmoother();

    /** Control thread. */
    public Level() {
        super(StageType.LEVEL);
    }

    @Override
    protected void onPrepare(ProcessSpec processSpec) {
        gain.prepare(processSpec.sampleRate(), LinearSmoother.DEFAULT_RAMP_SECONDS);
    }

    @Override
    public long bytes() {
        return 0;
    }

    @Override
    public void process(double[] buf, int off, int len) {
        if (!gain.isSmoothing()) {
            double g = gain.current();
            for (int i = off, end = off + len; i < end; i++) {
                buf[i] *= g;
            }
            return;
        }
        for (int i = off, end = off + len; i < end; i++) {
            buf[i] *= gain.next();
        }
    }

    @Override
    protected void onTakeState(Stage from, double lagSeconds) {
        gain.continueFrom(((Level) from).gain, 1);
    }

    @Override
    public void reset() {
        gain.snap(gain.target());
    }

    @Override
    protected void onParameter(int localIndex, double value, boolean glide) {
        if (glide) {
            gain.setTarget(value);
        } else {
            gain.snap(value);
        }
    }
}
