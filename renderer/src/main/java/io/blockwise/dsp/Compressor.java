package io.blockwise.dsp;

/**
 * {@code compressor}: a feed-forward, hard-knee downward compressor.
 *
 * <p>Static curve (levels in dBFS as {@link DynamicsDetector} reads them, i.e. a sine's peak
 * level): below the threshold {@code T} the output level is the input level plus makeup; above
 * it, {@code out = T + (in - T) / ratio + makeup}. So the gain computer asks for
 * {@code (T - in) (1 - 1/ratio)} dB above the threshold and 0 dB below.
 *
 * <p>Dynamics: that requested gain (in dB) is followed by a one-pole smoother whose time constant
 * is {@code attack} while the gain is falling (more reduction) and {@code release} while it
 * rises; after a level step the gain covers 63.2% (1 - 1/e) of its way in one time constant
 * (plus the detector's 2 ms average). Every parameter glides; the time constants are recomputed
 * per sample only while they glide.
 *
 * <p>Hand-over ({@link Stage#takeStateFrom}, at an oversampling change): the detector's level and
 * the smoothed gain change ({@link DynamicsDetector}'s rule, shared with {@link NoiseGate}), so the
 * compression in effect carries on; and any glide of the parameters in progress.
 */
public final class Compressor extends Stage {
    static final int THRESHOLD = 0, RATIO = 1, ATTACK = 2, RELEASE = 3, MAKEUP = 4;

    private final LinearSmoother[] p = new LinearSmoother[5];
    private final DynamicsDetector detector = new DynamicsDetector();
    private int sampleRate = 48000;
    // Derived from the smoothed parameters; recomputed while they glide.
    private double thresholdMeanSquare;
    private double attackCoefficient;
    private double releaseCoefficient;
    private double makeupGain = 1;

    /** Control thread. */
    public Compressor() {
        super(StageType.COMPRESSOR);
        for (int i = 0; i < p.length; i++) {
            p[i] = new LinearSmoother();
        }
    }

    @Override
    protected void onPrepare(ProcessSpec processSpec) {
        sampleRate = processSpec.sampleRate();
        detector.prepare(sampleRate);
        for (int i = 0; i < p.length; i++) {
            p[i].prepare(sampleRate, LinearSmoother.DEFAULT_RAMP_SECONDS);
            p[i].snap(type().param(i).defaultValue());
        }
        derive();
    }

    @Override
    public long bytes() {
        return 0;
    }

    @Override
    public void process(double[] buf, int off, int len) {
        boolean gliding = p[0].isSmoothing() || p[1].isSmoothing() || p[2].isSmoothing()
                || p[3].isSmoothing() || p[4].isSmoothing();
        for (int i = off, end = off + len; i < end; i++) {
            if (gliding) {
                glideOneSample();
            }
            double x = buf[i];
            double ms = detector.next(x);
            double target = 0;
            if (ms > thresholdMeanSquare) {
                double t = p[THRESHOLD].current();
                target = (t - DynamicsDetector.levelDb(ms)) * (1 - 1 / p[RATIO].current());
            }
            // Attack while the gain falls (more reduction), release while it rises.
            double gainDb = detector.followGain(target, attackCoefficient, releaseCoefficient);
            buf[i] = gainDb == 0 ? x * makeupGain : x * makeupGain * DynamicsDetector.dbToGain(gainDb);
        }
    }

    @Override
    protected void onTakeState(Stage from, double lagSeconds) {
        Compressor c = (Compressor) from;
        LinearSmoother.continueAll(p, c.p);
        derive();
        detector.takeStateFrom(c.detector);
    }

    @Override
    public void reset() {
        for (LinearSmoother s : p) {
            s.snap(s.target());
        }
        derive();
        detector.reset();
    }

    @Override
    protected void onParameter(int localIndex, double value, boolean glide) {
        if (glide) {
            p[localIndex].setTarget(value);
        } else {
            p[localIndex].snap(value);
            derive();
        }
    }

    private void glideOneSample() {
        if (p[THRESHOLD].isSmoothing()) {
            thresholdMeanSquare = DynamicsDetector.meanSquareOf(p[THRESHOLD].next());
        }
        p[RATIO].next();
        if (p[ATTACK].isSmoothing()) {
            attackCoefficient = DynamicsDetector.onePole(p[ATTACK].next() / 1000, sampleRate);
        }
        if (p[RELEASE].isSmoothing()) {
            releaseCoefficient = DynamicsDetector.onePole(p[RELEASE].next() / 1000, sampleRate);
        }
        if (p[MAKEUP].isSmoothing()) {
            makeupGain = DynamicsDetector.dbToGain(p[MAKEUP].next());
        }
    }

    private void derive() {
        thresholdMeanSquare = DynamicsDetector.meanSquareOf(p[THRESHOLD].current());
        attackCoefficient = DynamicsDetector.onePole(p[ATTACK].current() / 1000, sampleRate);
        releaseCoefficient = DynamicsDetector.onePole(p[RELEASE].current() / 1000, sampleRate);
        makeupGain = DynamicsDetector.dbToGain(p[MAKEUP].current());
    }
}
