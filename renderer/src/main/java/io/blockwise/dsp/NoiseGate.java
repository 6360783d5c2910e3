package io.blockwise.dsp;

/**
 * {@code noiseGate}: a downward expander with hold.
 *
 * <p>Static curve (levels in dBFS as {@link DynamicsDetector} reads them, a sine's peak level):
 * at or above the threshold {@code T} the gain is 0 dB; below it the output level is
 * {@code out = T + (in - T) * ratio}, i.e. the gain is {@code (in - T)(ratio - 1)} dB, never less
 * than {@link #FLOOR_DB}. Ratio 1 does nothing; ratio 100 is a gate in all but name.
 *
 * <p>Dynamics: after the level was last at or above the threshold the gate stays fully open for
 * {@code hold} ms; then the requested gain (in dB) is followed by a one-pole smoother with time
 * constant {@code attack} while the gain rises (opening) and {@code release} while it falls
 * (closing): 63.2% (1 - 1/e) of a gain step in one time constant, plus the detector's 2 ms
 * average. Every parameter glides.
 *
 * <p>Hand-over ({@link Stage#takeStateFrom}, at an oversampling change): the detector's level and
 * the smoothed gain ({@link DynamicsDetector}'s rule, shared with {@link Compressor}) and the time
 * since the level was last above the threshold (in frames, scaled by the rate ratio, not moved by
 * the lag), so a closed gate stays closed and an open one holds; and any glide of the parameters
 * in progress.
 */
public final class NoiseGate extends Stage {
    /** Lowest gain the gate applies, dB. */
    public static final double FLOOR_DB = -200;
    static final int THRESHOLD = 0, RATIO = 1, ATTACK = 2, HOLD = 3, RELEASE = 4;

    private final LinearSmoother[] p = new LinearSmoother[5];
    private final DynamicsDetector detector = new DynamicsDetector();
    private int sampleRate = 48000;
    private double thresholdMeanSquare;
    private double attackCoefficient;
    private double releaseCoefficient;
    private double holdFrames;
    /** Frames since the level was last at or above the threshold (saturates). */
    private int framesBelow = Integer.MAX_VALUE;

    /** Control thread. */
    public NoiseGate() {
        super(StageType.NOISE_GATE);
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
        clear();
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
            if (ms >= thresholdMeanSquare) {
                framesBelow = 0;
            } else {
                if (framesBelow < Integer.MAX_VALUE) {
                    framesBelow++;
                }
                if (framesBelow > holdFrames) {
                    double t = p[THRESHOLD].current();
                    target = Math.max(FLOOR_DB,
                            (DynamicsDetector.levelDb(ms) - t) * (p[RATIO].current() - 1));
                }
            }
            // Release while the gain falls (closing), attack while it rises (opening).
            double gainDb = detector.followGain(target, releaseCoefficient, attackCoefficient);
            buf[i] = gainDb == 0 ? x : x * DynamicsDetector.dbToGain(gainDb);
        }
    }

    @Override
    protected void onTakeState(Stage from, double lagSeconds) {
        NoiseGate g = (NoiseGate) from;
        LinearSmoother.continueAll(p, g.p);
        derive();
        detector.takeStateFrom(g.detector);
        framesBelow = g.framesBelow == Integer.MAX_VALUE ? Integer.MAX_VALUE
                : (int) Math.min(Integer.MAX_VALUE - 1L, Math.round((double) g.framesBelow * sampleRate / g.sampleRate));
    }

    @Override
    public void reset() {
        for (LinearSmoother s : p) {
            s.snap(s.target());
        }
        derive();
        clear();
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

    private void clear() {
        detector.reset();
        framesBelow = Integer.MAX_VALUE;
    }

    private void glideOneSample() {
        if (p[THRESHOLD].isSmoothing()) {
            thresholdMeanSquare = DynamicsDetector.meanSquareOf(p[THRESHOLD].next());
        }
        p[RATIO].next();
        if (p[ATTACK].isSmoothing()) {
            attackCoefficient = DynamicsDetector.onePole(p[ATTACK].next() / 1000, sampleRate);
        }
        if (p[HOLD].isSmoothing()) {
            holdFrames = p[HOLD].next() * sampleRate / 1000;
        }
        if (p[RELEASE].isSmoothing()) {
            releaseCoefficient = DynamicsDetector.onePole(p[RELEASE].next() / 1000, sampleRate);
        }
    }

    private void derive() {
        thresholdMeanSquare = DynamicsDetector.meanSquareOf(p[THRESHOLD].current());
        attackCoefficient = DynamicsDetector.onePole(p[ATTACK].current() / 1000, sampleRate);
        holdFrames = p[HOLD].current() * sampleRate / 1000;
        releaseCoefficient = DynamicsDetector.onePole(p[RELEASE].current() / 1000, sampleRate);
    }
}
