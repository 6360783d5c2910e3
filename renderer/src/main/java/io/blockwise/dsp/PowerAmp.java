package io.blockwise.dsp;

/**
 * {@code powerAmp}: a push-pull output stage with supply sag.
 *
 * <p>Transfer: the input is driven by {@code drive} (0..1 maps to -6..+24 dB, {@link #driveGain}),
 * then shaped by {@code y = sign(u) * h * tanh(c(|u|) / h)}, where {@code h} is the headroom
 * (1 without sag) and {@code c} is the class's crossover curve
 * {@code c(a) = a - k * w * (1 - exp(-a / w))}:
 * <ul>
 *   <li>class A ({@code k = 0}): both devices always conduct, no crossover: {@code c(a) = a};
 *   <li>class AB ({@code k = 0.5, w = 0.02}): the small-signal gain halves near zero;
 *   <li>class B ({@code k = 1, w = 0.05}): each device is cut off at rest, so the gain near zero
 *       is 0 and rises as {@code a / w} (square law): the crossover notch.
 * </ul>
 * The output never exceeds the headroom in magnitude, so it is bounded by 1.
 *
 * <p>Sag: an envelope of the output's magnitude (attack 5 ms, release {@code sagRelease} ms)
 * lowers the headroom to {@code h = 1 - 0.5 * sag * min(1, envelope)}, like a supply whose
 * voltage drops under load and recovers as its capacitors recharge. A sustained, hard-driven
 * (near-square) output of height h settles where {@code h = 1 - 0.5 sag h}: 2/3 (-3.5 dB) at
 * full sag. Every
 * continuous parameter glides.
 *
 * <p>Hand-over ({@link Stage#takeStateFrom}, at an oversampling change): the sag envelope, as it
 * is, so the supply stays sagged; and any glide of the parameters in progress.
 */
public final class PowerAmp extends Stage {
    static final int DRIVE = 0, SAG = 1, SAG_RELEASE = 2;
    /** Per class (choice order A, AB, B): crossover depth k and width w. */
    static final double[] CROSSOVER_DEPTH = {0, 0.5, 1};
    static final double[] CROSSOVER_WIDTH = {0.02, 0.02, 0.05};
    static final double SAG_ATTACK_SECONDS = 0.005;
    static final double MAX_SAG_DEPTH = 0.5;

    private final LinearSmoother[] p = new LinearSmoother[3];
    private int sampleRate = 48000;
    private double depth = CROSSOVER_DEPTH[1];
    private double width = CROSSOVER_WIDTH[1];
    private double gain;
    private double sagAttack;
    private double sagRelease;
    private double envelope;

    /** Control thread. */
    public PowerAmp() {
        super(StageType.POWER_AMP);
        for (int i = 0; i < p.length; i++) {
            p[i] = new LinearSmoother();
        }
    }

    /** Any thread. Linear gain before the output stage for a {@code drive} value. */
    public static double driveGain(double drive) {
        return DynamicsDetector.dbToGain(30 * drive - 6);
    }

    /** Any thread. The static transfer with crossover depth {@code k}, width {@code w}, headroom {@code h}. */
    static double transfer(double u, double k, double w, double h) {
        double a = Math.abs(u);
        double c = k == 0 ? a : a - k * w * (1 - StrictMath.exp(-a / w));
        double y = h * RtMath.tanh(c / h);
        return u < 0 ? -y : y;
    }

    @Override
    protected void onPrepare(ProcessSpec processSpec) {
        sampleRate = processSpec.sampleRate();
        for (int i = 0; i < p.length; i++) {
            p[i].prepare(sampleRate, LinearSmoother.DEFAULT_RAMP_SECONDS);
            p[i].snap(type().param(i).defaultValue());
        }
        sagAttack = DynamicsDetector.onePole(SAG_ATTACK_SECONDS, sampleRate);
        derive();
        envelope = 0;
    }

    @Override
    public long bytes() {
        return 0;
    }

    @Override
    public void process(double[] buf, int off, int len) {
        boolean gliding = p[0].isSmoothing() || p[1].isSmoothing() || p[2].isSmoothing();
        double k = depth;
        double w = width;
        double env = envelope;
        for (int i = off, end = off + len; i < end; i++) {
            if (gliding) {
                glideOneSample();
            }
            double h = 1 - MAX_SAG_DEPTH * p[SAG].current() * Math.min(1, env);
            double y = transfer(gain * buf[i], k, w, h);
            double a = Math.abs(y);
            env += (a - env) * (a > env ? sagAttack : sagRelease);
            buf[i] = y;
        }
        envelope = env < 1e-30 ? 0 : env;
    }

    @Override
    protected void onTakeState(Stage from, double lagSeconds) {
        PowerAmp a = (PowerAmp) from;
        LinearSmoother.continueAll(p, a.p);
        derive();
        envelope = a.envelope;
    }

    @Override
    public void reset() {
        for (LinearSmoother s : p) {
            s.snap(s.target());
        }
        derive();
        envelope = 0;
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

    @Override
    protected void onChoice(int valueIndex) {
        depth = CROSSOVER_DEPTH[valueIndex];
        width = CROSSOVER_WIDTH[valueIndex];
    }

    private void glideOneSample() {
        if (p[DRIVE].isSmoothing()) {
            gain = driveGain(p[DRIVE].next());
        }
        p[SAG].next();
        if (p[SAG_RELEASE].isSmoothing()) {
            sagRelease = DynamicsDetector.onePole(p[SAG_RELEASE].next() / 1000, sampleRate);
        }
    }

    private void derive() {
        gain = driveGain(p[DRIVE].current());
        sagRelease = DynamicsDetector.onePole(p[SAG_RELEASE].current() / 1000, sampleRate);
    }
}
