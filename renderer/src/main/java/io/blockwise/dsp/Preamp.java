package io.blockwise.dsp;

/**
 * {@code preamp}: drive, bias and a waveshaper. {@code gain} 0..10 maps to 0..40 dB of drive
 * before the clipper; {@code bias} shifts the operating point (asymmetry), and the static offset
 * it causes is subtracted so the stage adds no DC for silence. Drive and bias glide.
 * Hand-over ({@link Stage#takeStateFrom}, at an oversampling change): a glide in progress.
 */
public final class Preamp extends Stage {
    /** Drive in dB per unit of {@code gain}. */
    public static final double DB_PER_GAIN = 4.0;

    private final LinearSmoother gain = new LinearSmoother();
    private final LinearSmoother bias = new LinearSmoother();
    private Clipper clipper = Clipper.SOFT;

    /** Control thread. */
    public Preamp() {
        super(StageType.PREAMP);
    }

    @Override
    protected void onPrepare(ProcessSpec processSpec) {
        gain.prepare(processSpec.sampleRate(), LinearSmoother.DEFAULT_RAMP_SECONDS);
        bias.prepare(processSpec.sampleRate(), LinearSmoother.DEFAULT_RAMP_SECONDS);
    }

    @Override
    public long bytes() {
        return 0;
    }

    /** Any thread. Linear drive for a {@code gain} parameter value. */
    public static double drive(double gainParam) {
        return RtMath.pow10(gainParam * DB_PER_GAIN / 20);
    }

    @Override
    public void process(double[] buf, int off, int len) {
        Clipper c = clipper;
        if (!gain.isSmoothing() && !bias.isSmoothing()) {
            double d = drive(gain.current());
            double b = bias.current();
            double offset = c.shape(b);
            for (int i = off, end = off + len; i < end; i++) {
                buf[i] = c.shape(d * buf[i] + b) - offset;
            }
            return;
        }
        for (int i = off, end = off + len; i < end; i++) {
            double g = gain.next();
            double b = bias.next();
            buf[i] = c.shape(drive(g) * buf[i] + b) - c.shape(b);
        }
    }

    @Override
    protected void onTakeState(Stage from, double lagSeconds) {
        Preamp a = (Preamp) from;
        gain.continueFrom(a.gain, 1);
        bias.continueFrom(a.bias, 1);
    }

    @Override
    public void reset() {
        gain.snap(gain.target());
        bias.snap(bias.target());
    }

    @Override
    protected void onParameter(int localIndex, double value, boolean glide) {
        LinearSmoother s = localIndex == 0 ? gain : bias;
        if (glide) {
            s.setTarget(value);
        } else {
            s.snap(value);
        }
    }

    @Override
    protected void onChoice(int valueIndex) {
        clipper = Clipper.byChoiceIndex(valueIndex);
    }
}
