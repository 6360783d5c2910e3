package io.blockwise.dsp;

/**
 * {@code tremolo}: amplitude modulation by a low-frequency oscillator.
 *
 * <p>The LFO's phase starts at 0 on the stage's first frame (and again after {@link #reset}) and
 * advances by {@code rate / sampleRate} cycles per frame, so the same stage in the same session
 * always modulates the same way. Its waveform morphs continuously with {@code shape}:
 * {@code lfo = tanh(k sin(2 pi phase)) / tanh(k)} with {@code k = 30^shape - 1}, i.e. a sine at
 * 0 ({@code k = 0}, the limit) and at 1 ({@code k = 29}) a square that spends 95% of its period
 * within 2% of its extremes and the rest on soft edges: a square that cannot click. The gain is
 * {@code 1 - depth * (1 - lfo) / 2}: 1 at the LFO's top, {@code 1 - depth} at its bottom.
 * Rate, depth and shape glide; the phase never jumps.
 *
 * <p>Hand-over ({@link Stage#takeStateFrom}, at an oversampling change): the LFO's phase, moved
 * back by the lag ({@code rate * lag} cycles), so the new stage modulates every input sample as
 * the old one did and the LFO's period carries on; and any glide of rate, depth or shape in
 * progress.
 */
public final class Tremolo extends Stage {
    static final int RATE = 0, DEPTH = 1, SHAPE = 2;
    static final double SQUARENESS_BASE = 30;
    private static final double LN_SQUARENESS_BASE = StrictMath.log(SQUARENESS_BASE);

    private final LinearSmoother rate = new LinearSmoother();
    private final LinearSmoother depth = new LinearSmoother();
    private final LinearSmoother shape = new LinearSmoother();
    // The three, by local index, for what they share (reset, hand-over, parameters).
    private final LinearSmoother[] params = {rate, depth, shape};
    private double sampleRate = 48000;
    /** LFO phase in cycles, [0, 1). */
    private double phase;
    private double k;
    private double inverseTanhK = 1;

    /** Control thread. */
    public Tremolo() {
        super(StageType.TREMOLO);
    }

    /** Any thread. The LFO value (-1..1) at {@code phase} cycles for squareness {@code k}. */
    static double lfo(double phase, double k, double inverseTanhK) {
        double s = RtMath.sin(2 * StrictMath.PI * phase);
        return k < 1e-6 ? s : RtMath.tanh(k * s) * inverseTanhK;
    }

    /** Any thread. Squareness k for a {@code shape} value. */
    static double squareness(double shape) {
        return StrictMath.exp(shape * LN_SQUARENESS_BASE) - 1;
    }

    @Override
    protected void onPrepare(ProcessSpec processSpec) {
        sampleRate = processSpec.sampleRate();
        rate.prepare(processSpec.sampleRate(), LinearSmoother.DEFAULT_RAMP_SECONDS);
        depth.prepare(processSpec.sampleRate(), LinearSmoother.DEFAULT_RAMP_SECONDS);
        shape.prepare(processSpec.sampleRate(), LinearSmoother.DEFAULT_RAMP_SECONDS);
        rate.snap(type().param(RATE).defaultValue());
        depth.snap(type().param(DEPTH).defaultValue());
        shape.snap(type().param(SHAPE).defaultValue());
        deriveShape();
        phase = 0;
    }

    @Override
    public long bytes() {
        return 0;
    }

    @Override
    public void process(double[] buf, int off, int len) {
        boolean gliding = rate.isSmoothing() || depth.isSmoothing() || shape.isSmoothing();
        double inc = rate.current() / sampleRate;
        double d = depth.current();
        double ph = phase;
        for (int i = off, end = off + len; i < end; i++) {
            if (gliding) {
                inc = rate.next() / sampleRate;
                d = depth.next();
                if (shape.isSmoothing()) {
                    shape.next();
                    deriveShape();
                }
            }
            double g = 1 - d * (1 - lfo(ph, k, inverseTanhK)) * 0.5;
            buf[i] *= g;
            ph += inc;
            if (ph >= 1) {
                ph -= 1;
            }
        }
        phase = ph;
    }

    @Override
    protected void onTakeState(Stage from, double lagSeconds) {
        Tremolo t = (Tremolo) from;
        LinearSmoother.continueAll(params, t.params);
        deriveShape();
        double ph = t.phase - t.rate.current() * lagSeconds;
        ph -= Math.floor(ph);
        phase = ph >= 1 ? ph - 1 : ph;
    }

    @Override
    public void reset() {
        for (LinearSmoother s : params) {
            s.snap(s.target());
        }
        deriveShape();
        phase = 0;
    }

    @Override
    protected void onParameter(int localIndex, double value, boolean glide) {
        LinearSmoother s = params[localIndex];
        if (glide) {
            s.setTarget(value);
        } else {
            s.snap(value);
            deriveShape();
        }
    }

    private void deriveShape() {
        k = squareness(shape.current());
        inverseTanhK = k < 1e-6 ? 1 : 1 / RtMath.tanh(k);
    }
}
