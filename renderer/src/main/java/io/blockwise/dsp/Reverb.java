package io.blockwise.dsp;

import java.util.Arrays;

/**
 * {@code reverb}: Jezar's Freeverb, mono: eight parallel lowpass-feedback combs into four series
 * all-passes, with the original tuning.
 *
 * <p>Comb lengths 1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617 and all-pass lengths 556, 441,
 * 341, 225 (samples at 44.1 kHz) are scaled to the sample rate and rounded (at least 1). Input
 * gain 0.015, comb feedback {@code 0.7 + 0.28 * roomSize}, comb damping {@code 0.4 * damping},
 * all-pass feedback 0.5. {@code out = (1 - mix) x + mix r}, {@code r} the all-pass output (the
 * original's wet gain 1, dry 0). All three parameters glide.
 *
 * <p>Denormal safety: every value written into the state (comb lines, comb filter memories,
 * all-pass lines) below 1e-30 in magnitude is written as 0, so a decaying tail goes to exact zero
 * instead of through the subnormal range (which is slow and which the original guards against
 * with its {@code undenormalise} macro).
 *
 * <p>Hand-over ({@link Stage#takeStateFrom}, at an oversampling change): every comb and all-pass
 * line, each resampled to this rate by age ({@link RingResampler}, Catmull-Rom), and the comb
 * filter memories as they are, so the tail carries on; and any glide of the three parameters in
 * progress. The lines' copy is spread over the warm-up ({@link Stage#planHandOver},
 * {@link Stage#handOverAhead}: every line whole, oldest ages first, line after line), and the
 * lines end bit for bit as a one-shot copy at the hand-over leaves them.
 */
public final class Reverb extends Stage {
    static final int[] COMB_TUNING = {1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617};
    static final int[] ALLPASS_TUNING = {556, 441, 341, 225};
    static final double FIXED_GAIN = 0.015, SCALE_ROOM = 0.28, OFFSET_ROOM = 0.7;
    static final double SCALE_DAMP = 0.4, ALLPASS_FEEDBACK = 0.5;
    private static final double FLUSH = 1e-30;

    private static final int COMBS = COMB_TUNING.length, ALLPASSES = ALLPASS_TUNING.length;
    private static final int LINES = COMBS + ALLPASSES;

    private final LinearSmoother roomSize = new LinearSmoother();
    private final LinearSmoother damping = new LinearSmoother();
    private final LinearSmoother mix = new LinearSmoother();
    // The three, for what they share (reset, hand-over).
    private final LinearSmoother[] params = {roomSize, damping, mix};
    // Every line (combs first, then all-passes) back to back in one array: line j occupies
    // lines[start[j] .. start[j] + length[j]) and its read/write position is position[j].
    private double[] lines;
    private final int[] start = new int[LINES];
    private final int[] length = new int[LINES];
    private final int[] position = new int[LINES];
    private final double[] combStore = new double[COMBS];
    private final RingHandOver handOver = new RingHandOver(LINES);

    /** Control thread. */
    public Reverb() {
        super(StageType.REVERB);
    }

    /** Any thread. A 44.1 kHz Freeverb length scaled to {@code sampleRate}. */
    public static int scaledLength(int length44k, int sampleRate) {
        return Math.max(1, (int) Math.round(length44k * (sampleRate / 44100.0)));
    }

    @Override
    protected void onPrepare(ProcessSpec processSpec) {
        int sr = processSpec.sampleRate();
        int total = 0;
        for (int j = 0; j < LINES; j++) {
            length[j] = scaledLength(j < COMBS ? COMB_TUNING[j] : ALLPASS_TUNING[j - COMBS], sr);
            start[j] = total;
            total += length[j];
        }
        lines = new double[total];
        roomSize.prepare(sr, LinearSmoother.DEFAULT_RAMP_SECONDS);
        damping.prepare(sr, LinearSmoother.DEFAULT_RAMP_SECONDS);
        mix.prepare(sr, LinearSmoother.DEFAULT_RAMP_SECONDS);
        roomSize.snap(type().param(0).defaultValue());
        damping.snap(type().param(1).defaultValue());
        mix.snap(type().param(2).defaultValue());
        clear();
    }

    /** Payload bytes: the lines, the comb memories and the three int tables. */
    @Override
    public long bytes() {
        return doubles(lines, combStore) + 4L * (start.length + length.length + position.length);
    }

    @Override
    public void process(double[] buf, int off, int len) {
        boolean gliding = roomSize.isSmoothing() || damping.isSmoothing() || mix.isSmoothing();
        double fb = OFFSET_ROOM + SCALE_ROOM * roomSize.current();
        double damp = SCALE_DAMP * damping.current();
        double m = mix.current();
        double[] l = lines;
        for (int i = off, end = off + len; i < end; i++) {
            if (gliding) {
                fb = OFFSET_ROOM + SCALE_ROOM * roomSize.next();
                damp = SCALE_DAMP * damping.next();
                m = mix.next();
            }
            double x = buf[i];
            double in = x * FIXED_GAIN;
            double sum = 0;
            for (int c = 0; c < COMBS; c++) {
                int k = position[c];
                int at = start[c] + k;
                double y = l[at];
                double store = y * (1 - damp) + combStore[c] * damp;
                store = Math.abs(store) < FLUSH ? 0 : store;
                combStore[c] = store;
                double v = in + store * fb;
                l[at] = Math.abs(v) < FLUSH ? 0 : v;
                position[c] = ++k == length[c] ? 0 : k;
                sum += y;
            }
            for (int j = COMBS; j < LINES; j++) {
                int k = position[j];
                int at = start[j] + k;
                double b = l[at];
                double v = sum + b * ALLPASS_FEEDBACK;
                l[at] = Math.abs(v) < FLUSH ? 0 : v;
                position[j] = ++k == length[j] ? 0 : k;
                sum = b - sum;
            }
            buf[i] = x + m * (sum - x);
        }
        handOver.ran(len);
    }

    @Override
    RingHandOver ringHandOver() {
        return handOver;
    }

    @Override
    void onPlanHandOver(Stage from) {
        for (int j = 0; j < LINES; j++) {
            handOver.plan(j, length[j]);
        }
    }

    @Override
    long onHandOverAhead(Stage from, double lagSeconds, long toAhead, long fromAhead, long budget) {
        Reverb r = (Reverb) from;
        int fromRate = r.spec().sampleRate();
        int toRate = spec().sampleRate();
        long done = 0;
        for (int j = 0; j < LINES && done < budget; j++) {
            int next = handOver.next(j);
            if (next == 0) {
                continue;
            }
            int low = (int) Math.max(1, next - (budget - done) + 1);
            int stop = RingResampler.copyAhead(r.lines, r.start[j], r.length[j], r.position[j], fromRate,
                    lines, start[j], length[j], position[j], toRate, lagSeconds, low, next, toAhead, fromAhead);
            handOver.reached(j, stop);
            done += next - stop;
        }
        return done;
    }

    @Override
    protected void onTakeState(Stage from, double lagSeconds) {
        Reverb r = (Reverb) from;
        LinearSmoother.continueAll(params, r.params);
        int fromRate = r.spec().sampleRate();
        int toRate = spec().sampleRate();
        boolean planned = handOver.planned();
        for (int j = 0; j < LINES; j++) {
            // With a plan, only what it left (the youngest ages); without, the whole line.
            RingResampler.copy(r.lines, r.start[j], r.length[j], r.position[j], fromRate,
                    lines, start[j], length[j], position[j], toRate, lagSeconds, planned ? handOver.next(j) : length[j]);
        }
        System.arraycopy(r.combStore, 0, combStore, 0, COMBS);
    }

    @Override
    public void reset() {
        for (LinearSmoother s : params) {
            s.snap(s.target());
        }
        clear();
        handOver.cleared();
    }

    @Override
    protected void onParameter(int localIndex, double value, boolean glide) {
        LinearSmoother s = params[localIndex];
        if (glide) {
            s.setTarget(value);
        } else {
            s.snap(value);
        }
    }

    /** For tests: the live state arrays (every line, then the comb memories). */
    double[][] stateArrays() {
        return new double[][] {lines, combStore};
    }

    private void clear() {
        Arrays.fill(lines, 0);
        Arrays.fill(combStore, 0);
        Arrays.fill(position, 0);
    }
}
