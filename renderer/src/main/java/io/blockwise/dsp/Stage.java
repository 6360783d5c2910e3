package io.blockwise.dsp;

import io.blockwise.rt.Resource;

/**
 * One processor of the amp chain, with JUCE's lifecycle: {@link #prepare} (control thread) is the
 * only place that allocates; {@link #process} and {@link #reset} (audio thread) never allocate,
 * lock or throw; parameters arrive through {@link #setParameter} and glide (each stage smooths
 * every continuous parameter so that a jump does not click).
 *
 * <p>Stages are built by the engine side's {@code StageFactory}: constructed, prepared, given their initial values
 * (without a glide), registered as resources, then shipped to the audio thread inside a command.
 *
 * <p>Bypass is handled here, not by each stage: the flag is crossfaded over
 * {@link #BYPASS_RAMP_SECONDS} so that toggling it does not click. A fully bypassed stage is not
 * processed at all: fading out, it runs up to the frame where the ramp reaches dry, so its state
 * is the same at every block size.
 *
 * <p>State hand-over: when {@code setOversampling} rebuilds the chain at a new rate, each new stage
 * takes the long-lived state of the old stage it replaces ({@link #takeStateFrom}), so that delay
 * lines, reverb tails, LFO phases and envelopes carry on instead of restarting. What a stage hands
 * over is its own rule ({@link #onTakeState}, said in each stage's Javadoc); the bypass ramp's
 * position is handed over here for every stage.
 *
 * <p>A stage with rings (delay line, reverb lines) copies them at the hand-over, up to about 1.5
 * M samples for a long delay at 16x: too much for one block. So the copy is planned when the
 * stages are paired ({@link #planHandOver}, which says what it costs), done ahead in parts of a
 * bounded size while both stages run towards the hand-over's frame T ({@link #handOverAhead}),
 * oldest ages first, only where a value copied now is the value the copy at T would write; and
 * {@link #takeStateFrom} at T does what is left, the youngest ages. The rings end bit for bit as
 * a one-shot copy at T leaves them, as long as both stages run every frame until T as they did
 * when the work was done ahead (a stage whose bypass flag changes or that faults meanwhile
 * starts its copy over: still exact, but then the work at T is not bounded). When the bypass
 * flags differ at T, nothing is handed over, but what was copied ahead stays: those ages of the
 * new stage's rings hold the old stage's content instead of its own warm-up.
 */
public abstract class Stage extends Resource {

    /** Result codes of {@link #setParameter}. Zero means applied. */
    public static final int PARAM_APPLIED = 0, PARAM_UNKNOWN = 1, PARAM_OUT_OF_RANGE = 2;

    /** Length of the bypass crossfade. */
    public static final double BYPASS_RAMP_SECONDS = 0.01;

    private final StageType type;

    // Owned by control until the stage is shipped, then by rt (the command queue publishes it).
    private boolean bypassed;
    private double wet = 1.0;
    private double wetStep;
    private ProcessSpec spec;

    /** Control thread. */
    protected Stage(StageType type) {
        super(type.formatName());
        this.type = type;
    }

    /** Any thread. */
    public final StageType type() {
        return type;
    }

    /** Any thread (after prepare). */
    public final ProcessSpec spec() {
        return spec;
    }

    /**
     * Control thread. Allocates every array the stage needs at this rate and block size and
     * computes rate-dependent constants. Called once, before the stage is shipped.
     */
    public final void prepare(ProcessSpec processSpec) {
        this.spec = processSpec;
        wetStep = 1.0 / Math.max(1, Math.round(processSpec.sampleRate() * BYPASS_RAMP_SECONDS));
        onPrepare(processSpec);
    }

    /** Control thread. The stage's own allocation and set-up. */
    protected abstract void onPrepare(ProcessSpec processSpec);

    /** Audio thread only. Processes {@code len} frames of {@code buf} from {@code off}, in place. */
    public abstract void process(double[] buf, int off, int len);

    /** Audio thread only. Clears the stage's state (delay lines, envelopes, filter memories). */
    public abstract void reset();

    /**
     * Audio thread only (control before shipping). Sets numeric parameter {@code localIndex} of
     * this type, already range-checked. With {@code glide}, the value is reached by smoothing.
     */
    protected abstract void onParameter(int localIndex, double value, boolean glide);

    /**
     * Control thread, before shipping. Sets the type's enumerated setting to value index
     * {@code valueIndex} of {@link StageType#choice()}. Stages with a choice override it.
     */
    protected void onChoice(int valueIndex) {
        throw new IllegalStateException(type.formatName() + " has no enumerated setting");
    }

    /**
     * Audio thread only. Sets global parameter {@code globalParamId} to {@code value}, gliding.
     * Returns {@link #PARAM_APPLIED}, or the reason it was refused.
     */
    public final int setParameter(int globalParamId, double value) {
        int local = type.localIndex(globalParamId);
        if (local < 0) {
            return PARAM_UNKNOWN;
        }
        if (!type.param(local).accepts(value)) {
            return PARAM_OUT_OF_RANGE;
        }
        onParameter(local, value, true);
        return PARAM_APPLIED;
    }

    /** Control thread, before shipping. Sets local parameter {@code localIndex} without a glide. */
    public final void initParameter(int localIndex, double value) {
        onParameter(localIndex, value, false);
    }

    /** Control thread, before shipping. */
    public final void initChoice(int valueIndex) {
        onChoice(valueIndex);
    }

    /** Control thread, before shipping: sets the flag with no crossfade. */
    public final void initBypassed(boolean value) {
        bypassed = value;
        wet = value ? 0.0 : 1.0;
    }

    /**
     * Audio thread only, before the stage's first block. Starts it dry, so that a stage inserted
     * into a running chain fades in over the bypass ramp instead of switching in (a click); a
     * bypassed stage stays dry.
     */
    public final void startDry() {
        wet = 0.0;
    }

    /** Audio thread only. Bypasses the stage at once, without a crossfade (after a fault). */
    public final void forceBypassed() {
        bypassed = true;
        wet = 0.0;
    }

    /** Audio thread only. Starts the bypass crossfade towards {@code value}. */
    public final void setBypassed(boolean value) {
        bypassed = value;
    }

    /** Audio thread only (control before shipping). */
    public final boolean isBypassed() {
        return bypassed;
    }

    /**
     * Audio thread only. Runs the stage honouring its bypass flag: in place when active, not at
     * all when fully bypassed, and crossfaded between dry ({@code scratch}) and wet while the flag
     * is changing. {@code scratch} holds at least {@code off + len} frames.
     */
    public final void processWithBypass(double[] buf, double[] scratch, int off, int len) {
        double target = bypassed ? 0.0 : 1.0;
        if (wet == target) {
            if (!bypassed) {
                process(buf, off, len);
            }
            return;
        }
        // Fading out, the stage runs up to and including the frame where the ramp reaches dry and
        // not after it, wherever that frame falls in the block: its state when it is un-bypassed
        // later (a delay line, a reverb tail) must not depend on the block size.
        int run = len;
        if (target == 0.0) {
            double w = wet;
            run = 0;
            while (run < len && w > 0.0) {
                w = Math.max(0.0, w - wetStep);
                run++;
            }
        }
        System.arraycopy(buf, off, scratch, off, len);
        process(buf, off, run);
        double w = wet;
        for (int i = off, end = off + run; i < end; i++) {
            w = w < target ? Math.min(target, w + wetStep) : Math.max(target, w - wetStep);
            buf[i] = scratch[i] + w * (buf[i] - scratch[i]);
        }
        wet = w;
    }

    /**
     * Audio thread only. Takes over the long-lived state of {@code from}, the stage this one
     * replaces in a chain rebuilt at another rate (same type, built from the same description):
     * the bypass ramp's position and whatever {@link #onTakeState} hands over. This stage hears
     * each input sample {@code lagSeconds} later than {@code from} did (the difference of the two
     * oversamplers' up-path latencies; negative when earlier), so time-domain state is taken as
     * {@code from}'s was {@code lagSeconds} ago. Nothing is handed over, and false returned, when
     * the types or the bypass flags differ (a stage bypassed after a fault is rebuilt fresh).
     * Never allocates: everything it writes was allocated in {@link #prepare}.
     */
    public final boolean takeStateFrom(Stage from, double lagSeconds) {
        RingHandOver rings = ringHandOver();
        if (from.type != type || from.bypassed != bypassed) {
            if (rings != null) {
                rings.clear();
            }
            return false;
        }
        wet = from.wet;
        if (rings != null) {
            // Work done ahead stands only if both rings ran the frames it expected.
            rings.arrive(rings.frames(), from.ringHandOver().frames());
        }
        onTakeState(from, lagSeconds);
        if (rings != null) {
            rings.clear();
        }
        return true;
    }

    /**
     * Audio thread only. Arranges a hand-over from {@code from} (an oversampling change has just
     * paired the two; the hand-over is at the end of the new path's warm-up): fixes what
     * {@link #takeStateFrom} will copy and forgets any plan made before. Returns the samples the
     * copy costs, which the caller spreads over the warm-up with {@link #handOverAhead}: 0 for a
     * stage without rings (the default: its hand-over is a few fields) or of another type. The
     * plan is forgotten by the next {@code planHandOver} or {@code takeStateFrom}; a plan never
     * followed by either (the hand-over was dropped) does no harm.
     */
    public final long planHandOver(Stage from) {
        RingHandOver rings = ringHandOver();
        if (rings == null || from.type != type) {
            return 0;
        }
        rings.start();
        onPlanHandOver(from);
        return rings.work();
    }

    /**
     * Audio thread only. Does up to {@code budget} samples of the planned copy from {@code from}
     * ahead of the hand-over, which is {@code framesLeft} frames away at the engine's rate
     * {@code engineRate} (this stage's and {@code from}'s rates are whole multiples of it), and
     * returns the samples done: at most {@code budget}, fewer when the rest is not yet safe to copy
     * (the youngest ages: the target still writes them, or the source has not heard them) or done.
     * Nothing is done while the types or the bypass flags differ, or while either stage's bypass
     * ramp moves (how many frames it will run until the hand-over is not known then). Never
     * allocates.
     */
    public final long handOverAhead(Stage from, double lagSeconds, long framesLeft, int engineRate, long budget) {
        RingHandOver rings = ringHandOver();
        if (rings == null || !rings.planned() || from.type != type || from.bypassed != bypassed || budget <= 0) {
            return 0;
        }
        long toAhead = framesToRun(framesLeft, engineRate);
        long fromAhead = from.framesToRun(framesLeft, engineRate);
        if (toAhead < 0 || fromAhead < 0) {
            return 0;
        }
        rings.expect(rings.frames() + toAhead, from.ringHandOver().frames() + fromAhead);
        return onHandOverAhead(from, lagSeconds, toAhead, fromAhead, budget);
    }

    /**
     * Audio thread only. Rings the planned copy writes (0 with none planned). The youngest ages of
     * a ring become safe to copy ahead only as the hand-over nears, as fast as the two stages
     * write them: this stage's rate over the engine's ages a frame, per ring. Work ahead that is
     * to keep up with them needs that much budget per frame.
     */
    public final int handOverRings() {
        RingHandOver rings = ringHandOver();
        return rings == null ? 0 : rings.rings();
    }

    /** Audio thread only. Samples of the planned hand-over copy not done yet (0 with none planned). */
    public final long handOverLeft() {
        RingHandOver rings = ringHandOver();
        return rings == null ? 0 : rings.left();
    }

    /**
     * Frames this stage runs (at its rate) in the next {@code engineFrames} at {@code engineRate}
     * if its bypass flag does not change: all of them when active, none when fully bypassed; -1
     * while the bypass ramp moves (it stops part-way when fading out) or at a rate that is not a
     * whole multiple.
     */
    private long framesToRun(long engineFrames, int engineRate) {
        if (wet != (bypassed ? 0.0 : 1.0)) {
            return -1;
        }
        if (bypassed) {
            return 0;
        }
        int rate = spec.sampleRate();
        return rate % engineRate != 0 ? -1 : engineFrames * (rate / engineRate);
    }

    /**
     * The progress of this stage's ring copy, for a stage with rings (it counts the frames its
     * rings ran and plans its copy there); null, the default, for the rest.
     */
    RingHandOver ringHandOver() {
        return null;
    }

    /**
     * Audio thread only. For a stage with rings: plans the copy from {@code from} (of this type)
     * with {@link RingHandOver#plan} for each ring, as {@link #onTakeState} would copy it now.
     */
    void onPlanHandOver(Stage from) {
    }

    /**
     * Audio thread only. For a stage with rings: copies up to {@code budget} samples of the plan
     * with {@link RingResampler#copyAhead}, the target ring to run {@code toAhead} more frames and
     * {@code from}'s {@code fromAhead} before the hand-over; returns the samples done.
     */
    long onHandOverAhead(Stage from, double lagSeconds, long toAhead, long fromAhead, long budget) {
        return 0;
    }

    /**
     * Audio thread only. The stage's own hand-over ({@link #takeStateFrom}): {@code from} is of
     * this stage's type, prepared at its own rate ({@code from.spec()}). The default hands over
     * nothing: the stage keeps the state its warm-up gave it (short filter memories, which the
     * warm-up fills from the real signal). A stage with rings copies there only what its plan
     * left ({@link RingHandOver#next}), or everything when no plan was made.
     */
    protected void onTakeState(Stage from, double lagSeconds) {
    }

    /** Helper for {@link #bytes()}: payload bytes of double arrays (8 per element). */
    protected static long doubles(double[]... arrays) {
        long n = 0;
        for (double[] a : arrays) {
            n += a == null ? 0 : 8L * a.length;
        }
        return n;
    }
}
