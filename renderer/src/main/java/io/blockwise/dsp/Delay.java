package io.blockwise.dsp;

import java.util.Arrays;

/**
 * {@code delay}: a feedback delay line of up to {@link #MAX_SECONDS}, allocated in prepare.
 *
 * <p>Per frame: {@code d = line(t - D)}, {@code line(t) = x + feedback * d},
 * {@code out = (1 - mix) x + mix d}, where {@code D = round(time * sampleRate / 1000)} frames
 * (at least 1). So an impulse's first echo arrives exactly {@code D} frames later and each repeat
 * is {@code feedback} times the one before.
 *
 * <p>A change of {@code time} glides the delay itself (a moving read head, read with 4-point
 * Catmull-Rom interpolation), linearly over {@link #TIME_GLIDE_SECONDS}: no jump, so no click,
 * and the wet signal is pitch-bent by the head's speed ({@code -dD/dt}) while it moves, as on a
 * tape delay. At rest {@code D} is a whole number of frames and the interpolation returns stored
 * samples exactly. {@code feedback} and {@code mix} glide over the default time.
 *
 * <p>Hand-over ({@link Stage#takeStateFrom}, at an oversampling change): the line as far back as
 * the read head reaches (the delay, or the far end of a {@code time} glide in progress, plus the
 * interpolator's neighbours), resampled to this rate by age ({@link RingResampler}, Catmull-Rom),
 * so the echoes and repeats of what was played before the change carry on; and any glide of
 * {@code time} (in frames, scaled by the rate ratio), {@code feedback} or {@code mix} in progress.
 * Older content is not handed over (it costs the audio thread the most: the line is allocated for
 * {@link #MAX_SECONDS}): a {@code time} raised after the change glides into the new line's own
 * content there, silence before the change, instead of what was played that long ago.
 *
 * <p>The copy is spread over the warm-up ({@link Stage#planHandOver}, {@link Stage#handOverAhead}):
 * its reach is fixed when the change pairs the stages, as it would be at T if nothing glided in
 * between ({@code ceil(max(current, target)) + 3} of the delay in frames, the old stage's current
 * delay scaled to this rate while it glides). So a {@code time} raised on the new path during the
 * warm-up also glides into the new line's own content beyond that reach, and when the old delay
 * glides shorter during the warm-up, the ages between the reach at T and the planned one hold the
 * old line's content instead of the new stage's own (both beyond where the read head is at T).
 * The ages from this stage's own delay up to the reach are left to T with the youngest: the read
 * head reads them in the warm-up's last frames, and copied ahead they would change what the stage
 * plays then (unheard, but it feeds the stages after it and its own feedback). That is 4 ages
 * where nothing glides; after a {@code time} edited on the new path during the warm-up, the
 * glide's span. Where nothing glides, the line and everything the stage plays are bit for bit
 * the one-shot copy's.
 */
public final class Delay extends Stage {
    /** Longest delay. */
    public static final double MAX_SECONDS = 2.0;
    /** Glide time of a {@code time} change. */
    public static final double TIME_GLIDE_SECONDS = 0.1;
    static final int TIME = 0, FEEDBACK = 1, MIX = 2;

    private final LinearSmoother delayFrames = new LinearSmoother();
    private final LinearSmoother feedback = new LinearSmoother();
    private final LinearSmoother mix = new LinearSmoother();
    private int sampleRate = 48000;
    private double maxDelayFrames;
    private double[] line;
    private int write;
    private final RingHandOver handOver = new RingHandOver(1);

    /** Control thread. */
    public Delay() {
        super(StageType.DELAY);
    }

    /** Any thread. Delay in frames for {@code timeMs} at {@code sampleRate}. */
    public static double framesFor(double timeMs, int sampleRate, double maxFrames) {
        return Math.min(maxFrames, Math.max(1, Math.round(timeMs * sampleRate / 1000)));
    }

    @Override
    protected void onPrepare(ProcessSpec processSpec) {
        sampleRate = processSpec.sampleRate();
        maxDelayFrames = Math.ceil(MAX_SECONDS * sampleRate);
        // Room for the longest delay plus the interpolator's neighbours on both sides.
        line = new double[(int) maxDelayFrames + 4];
        write = 0;
        delayFrames.prepare(sampleRate, TIME_GLIDE_SECONDS);
        feedback.prepare(sampleRate, LinearSmoother.DEFAULT_RAMP_SECONDS);
        mix.prepare(sampleRate, LinearSmoother.DEFAULT_RAMP_SECONDS);
        delayFrames.snap(framesFor(type().param(TIME).defaultValue(), sampleRate, maxDelayFrames));
        feedback.snap(type().param(FEEDBACK).defaultValue());
        mix.snap(type().param(MIX).defaultValue());
    }

    @Override
    public long bytes() {
        return doubles(line);
    }

    @Override
    public void process(double[] buf, int off, int len) {
        double[] l = line;
        int size = l.length;
        int w = write;
        boolean gliding = delayFrames.isSmoothing() || feedback.isSmoothing() || mix.isSmoothing();
        double d = delayFrames.current();
        double fb = feedback.current();
        double m = mix.current();
        for (int i = off, end = off + len; i < end; i++) {
            if (gliding) {
                d = delayFrames.next();
                fb = feedback.next();
                m = mix.next();
            }
            double x = buf[i];
            double wet = read(l, size, w, d);
            double v = x + fb * wet;
            l[w] = Math.abs(v) < 1e-30 ? 0 : v;
            buf[i] = x + m * (wet - x);
            if (++w == size) {
                w = 0;
            }
        }
        write = w;
        handOver.ran(len);
    }

    /**
     * The line {@code delay} frames before write position {@code w} (which is not yet written):
     * exact at whole frames, Catmull-Rom in between. Neighbours newer than the last written frame
     * are replaced by it (only for delays under 2 frames).
     */
    private static double read(double[] l, int size, int w, double delay) {
        int whole = (int) delay;
        double frac = delay - whole;
        int i1 = w - whole;
        if (i1 < 0) {
            i1 += size;
        }
        if (frac == 0) {
            return l[i1];
        }
        // Read position w - delay lies between i1 - 1 (older) and i1 (newer).
        double t = 1 - frac;
        int i0 = i1 - 1 < 0 ? i1 - 1 + size : i1 - 1;
        int im = i0 - 1 < 0 ? i0 - 1 + size : i0 - 1;
        int newest = w - 1 < 0 ? w - 1 + size : w - 1;
        int ip = whole <= 1 ? newest : (i1 + 1 == size ? 0 : i1 + 1);
        double xm = l[im], x0 = l[i0], x1 = l[i1], xp = l[ip];
        double c1 = 0.5 * (x1 - xm);
        double c2 = xm - 2.5 * x0 + 2 * x1 - 0.5 * xp;
        double c3 = 0.5 * (xp - xm) + 1.5 * (x0 - x1);
        return ((c3 * t + c2) * t + c1) * t + x0;
    }

    @Override
    RingHandOver ringHandOver() {
        return handOver;
    }

    @Override
    void onPlanHandOver(Stage from) {
        Delay d = (Delay) from;
        // The reach onTakeState would compute now: after continueFrom, the delay is the old
        // stage's scaled while that glides, and this stage's own otherwise.
        double current = d.delayFrames.isSmoothing()
                ? d.delayFrames.current() * ((double) sampleRate / d.sampleRate) : delayFrames.current();
        handOver.plan(0, Math.min(line.length, reach(current, delayFrames.target())));
        holdWhatTheHeadReads();
    }

    /**
     * Before T the read head, at {@code d} frames with {@code n} frames to go, reads the ages
     * {@code n + floor(d) - 1} to {@code n + floor(d) + 2} at T: copied ahead, they would change
     * what this stage plays before T (unheard, but it feeds the stages after it and the line's
     * own feedback), so the ages from {@code floor(d)} up (the top few of the reach) are left to
     * T. {@code d} is this stage's own delay, which glides only after an edit during the warm-up.
     */
    private void holdWhatTheHeadReads() {
        handOver.holdAbove(0, (int) Math.floor(Math.min(delayFrames.current(), delayFrames.target())) - 1);
    }

    @Override
    long onHandOverAhead(Stage from, double lagSeconds, long toAhead, long fromAhead, long budget) {
        Delay d = (Delay) from;
        holdWhatTheHeadReads();
        int next = handOver.next(0);
        int low = (int) Math.max(1, next - budget + 1);
        int stop = RingResampler.copyAhead(d.line, 0, d.line.length, d.write, d.sampleRate,
                line, 0, line.length, write, sampleRate, lagSeconds, low, next, toAhead, fromAhead);
        handOver.reached(0, stop);
        return next - Math.max(0, stop);
    }

    @Override
    protected void onTakeState(Stage from, double lagSeconds) {
        Delay d = (Delay) from;
        delayFrames.continueFrom(d.delayFrames, (double) sampleRate / d.sampleRate);
        feedback.continueFrom(d.feedback, 1);
        mix.continueFrom(d.mix, 1);
        // Only the ages the read head can reach: the delay (or the glide's far end) and the
        // interpolator's neighbours. The line is allocated for MAX_SECONDS whatever the delay.
        // With a plan, what it left (its reach was fixed when the stages were paired): the
        // youngest ages, and the oldest few the read head read before T.
        boolean planned = handOver.planned();
        int last = planned ? handOver.next(0) : reach(delayFrames.current(), delayFrames.target());
        RingResampler.copy(d.line, 0, d.line.length, d.write, d.sampleRate,
                line, 0, line.length, write, sampleRate, lagSeconds, last);
        if (planned) {
            RingResampler.copyAhead(d.line, 0, d.line.length, d.write, d.sampleRate,
                    line, 0, line.length, write, sampleRate, lagSeconds, handOver.top(0) + 1, handOver.oldest(0), 0, 0);
        }
    }

    /** For tests: the live state arrays (the line). */
    double[][] stateArrays() {
        return new double[][] {line};
    }

    /** The oldest age the read head reaches for a delay at {@code current} gliding to {@code target}. */
    private static int reach(double current, double target) {
        return (int) Math.ceil(Math.max(current, target)) + 3;
    }

    @Override
    public void reset() {
        delayFrames.snap(delayFrames.target());
        feedback.snap(feedback.target());
        mix.snap(mix.target());
        Arrays.fill(line, 0);
        write = 0;
        handOver.cleared();
    }

    @Override
    protected void onParameter(int localIndex, double value, boolean glide) {
        LinearSmoother s;
        double v = value;
        if (localIndex == TIME) {
            s = delayFrames;
            v = framesFor(value, sampleRate, maxDelayFrames);
        } else {
            s = localIndex == FEEDBACK ? feedback : mix;
        }
        if (glide) {
            s.setTarget(v);
        } else {
            s.snap(v);
        }
    }
}
