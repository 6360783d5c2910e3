package io.blockwise.engine;

import io.blockwise.dsp.Oversampler;
import io.blockwise.dsp.Stage;
import io.blockwise.rt.RtEventRing;

/**
 * The chain section of the signal path, whose oversampling factor changes without a click. The
 * stages of a new factor are new objects built at the new rate, so the old path (old oversampler,
 * old stages) can keep running beside the new one. The new path starts empty (its filters' state is
 * zero), so it is first fed, unheard, for {@link #warmUpFrames} (twice its oversampler's latency
 * plus 5 ms, longer when the state hand-over has much to copy: below) while the older paths hold
 * their gains; then every fading path's gain falls linearly to 0
 * over {@code crossfadeFrames} from where it stood, the current path gets what is left (the gains
 * always sum to 1, an equal-gain crossfade of two versions of the same signal), and a path whose
 * gain reached 0 is retired in that block. Up to {@link #MAX_FADING} changes can overlap; one more
 * ends the quietest fading path at once (a step of at most its remaining gain times the
 * difference of the paths).
 *
 * <p>State hand-over: at the frame T the new path's warm-up ends (the block is run in two parts
 * around it, so the frame does not depend on the block size), each new stage takes the state of
 * the stage it replaces ({@link Stage#takeStateFrom}): the heard stage of the same index in the
 * path that was the truth when the change came (the current path, or, if that was still warming
 * up, the one it was to take over from), when their types match. Pairs are made when the change
 * is applied, so an edit during the warm-up (which acts on the new path only) does not shift
 * them; a pair whose new stage was retired meanwhile, or whose old path was cut short, is skipped.
 * Handing over after the warm-up, not when the path is installed, lets the new oversampler and
 * the short filters before a stage fill from the real signal first, so the stage's input after the
 * hand-over is clean; handed over at installation, a delay line would record the new
 * oversampler's start-up (about its latency of silence) and repeat it as a dropout in the echo.
 * The new path hears each input frame later than the old one by the difference of their
 * up-path latencies ({@link Oversampler#upLatencyFrames}), and the stages take their state
 * shifted by that lag.
 *
 * <p>The hand-over's work is spread over the warm-up, so that no block does unbounded work: the
 * copy of a delay's or reverb's lines (up to 1.5 M samples for a 2 s delay at 16x) is planned
 * when the pairs are made ({@link Stage#planHandOver}, which says what it costs), and the
 * warm-up lasts long enough for it at {@link #HAND_OVER_SAMPLES_PER_FRAME}: {@code max(2 *
 * latency + 5 ms, ceil(work / HAND_OVER_SAMPLES_PER_FRAME))} frames, {@code work} the samples
 * of all pairs. At the start of each block of the warm-up, the pairs, in chain order, copy ahead
 * ({@link Stage#handOverAhead}) at most {@code HAND_OVER_SAMPLES_PER_FRAME} samples per frame of
 * the block in all, oldest ages first and only what the copy at T would write the same; at T
 * each stage does the rest. A line's youngest ages become safe to copy only as T nears, as fast
 * as the stages write them (the new factor's ages per frame, per line: they are the ones the new
 * stage still writes itself, or the old one has not heard yet), so the budget per frame is
 * raised to the number of lines times the new factor when that is more (more than 16 lines at
 * 16x: two reverbs); with 256 alone, four reverbs taken to 16x would leave 478 k samples to T.
 * Then what is left at T is the ages younger than the last block's start (at most its frames
 * times the factor per line, plus the lag's few frames) and the 4 a delay's read head reads in
 * the warm-up's last frames (see {@link io.blockwise.dsp.Delay}): the budget over the warm-up covers the
 * work, and the copy keeps up with the young ages, so it reaches everything else, as long as
 * both stages run every frame until T (a stage bypassed or faulted during the warm-up starts its
 * copy over; see {@link Stage}). The stages' state at T is bit for bit the one-shot copy's.
 *
 * <p>Chain edits always act on the current path. Audio thread only once the engine runs
 * ({@link #install} is for the set-up). Never allocates: every path is built in the constructor.
 */
final class ChainPaths {
    /** Paths that can be fading out at once. */
    static final int MAX_FADING = 2;

    /**
     * Samples of hand-over copy done ahead per engine frame of the warm-up, at most (unless the
     * lines' young ages need more: see the class comment). The copy runs at 7 to 10 ns a sample
     * on the shared 2-core machine under load (the 1.5 M of a 2 s delay taken to 16x in 11 to 16
     * ms, best of 30 at load 14; BENCHMARKS.md), so a 128-frame block at 48 kHz (2.67 ms) spends
     * 0.23 to 0.33 ms, about a tenth of its period, on the 32,768 it may copy ahead; and a 2 s
     * delay taken to 16x lengthens the warm-up to 6,001 frames, 125 ms, which delays the
     * crossfade by as much (nothing is heard of the new path until then). Doubling it would halve
     * that wait at a fifth of the block.
     */
    static final int HAND_OVER_SAMPLES_PER_FRAME = 256;

    private final Engine engine;
    private final int crossfadeFrames;
    private final ChainPath[] fading = new ChainPath[MAX_FADING];
    private int fadingCount;
    // Spare path objects, reused: `current` is always one of the MAX_FADING + 1 built here.
    private final ChainPath[] spare = new ChainPath[MAX_FADING];
    private int spareCount;
    private ChainPath current;
    private final double[] dry;
    // Frames the current path is still fed unheard after a change; 0 once it fades in.
    private long warmLeft;
    private final int sampleRate;
    // The hand-over waiting for the current path's warm-up to end (audio thread only): its old
    // path and the pairs (old stage, new stage) made when the change was applied.
    private boolean handOverPending;
    private ChainPath handSource;
    private final Stage[] handFrom;
    private final Stage[] handTo;
    private int handCount;
    // Samples the pairs may copy ahead per frame of a block: HAND_OVER_SAMPLES_PER_FRAME, or
    // more when their rings' youngest ages become safe faster (rings times the new factor).
    private long handBudgetPerFrame;
    // The second part of a block split at the end of a warm-up.
    private final double[] part;

    ChainPaths(Engine engine, int sampleRate, int maxChainLength, int maxBlockFrames, int crossfadeFrames) {
        this.engine = engine;
        this.sampleRate = sampleRate;
        this.crossfadeFrames = crossfadeFrames;
        current = new ChainPath(sampleRate, maxChainLength, maxBlockFrames, engine);
        current.gainSteps = crossfadeFrames;
        for (int i = 0; i < MAX_FADING; i++) {
            spare[spareCount++] = new ChainPath(sampleRate, maxChainLength, maxBlockFrames, engine);
        }
        dry = new double[maxBlockFrames];
        part = new double[maxBlockFrames];
        handFrom = new Stage[maxChainLength];
        handTo = new Stage[maxChainLength];
    }

    /** Frames a new path without a hand-over to copy is fed before it is heard ({@link Oversampler#warmUpFrames}). */
    long warmUpFrames(Oversampler oversampler) {
        return Oversampler.warmUpFrames(oversampler, sampleRate);
    }

    /** The chain that edits act on. */
    Chain chain() {
        return current.chain();
    }

    /** Audio thread only. {@code setChain}: the current path's chain becomes {@code stages} ({@link ChainPath#replaceChain}). */
    void replaceChain(Stage[] stages) {
        current.replaceChain(stages);
    }

    /** Control thread before the first block: {@code stages} at {@code oversampler}'s rate, heard at once. */
    void install(Oversampler oversampler, Stage[] stages) {
        Engine.install(oversampler);
        current.retireAll(engine);
        dropHandOver();
        fill(current, oversampler, stages);
    }

    /** Audio thread only. Crossfades from the current path to {@code stages} at {@code oversampler}'s rate. */
    void change(Oversampler oversampler, Stage[] stages) {
        Engine.install(oversampler);
        // The state the new stages are to take: the current path's, or, while that is still
        // warming up, the state it was itself to take.
        ChainPath source = handOverPending ? handSource : current;
        dropHandOver();
        if (spareCount == 0) {
            endQuietestFade();
        }
        ChainPath next = spare[--spareCount];
        spare[spareCount] = null;
        fill(next, oversampler, stages);
        fading[fadingCount++] = current;
        current = next;
        current.gainSteps = 0;
        long work = 0;
        int rings = 0;
        if (isFading(source)) {
            pairStages(source.chain(), next.chain());
            handSource = source;
            handOverPending = true;
            for (int i = 0; i < handCount; i++) {
                work += handTo[i].planHandOver(handFrom[i]);
                rings += handTo[i].handOverRings();
            }
        }
        warmLeft = warmUpFrames(oversampler, work);
        handBudgetPerFrame = Math.max(HAND_OVER_SAMPLES_PER_FRAME, (long) rings * (oversampler == null ? 1 : oversampler.factor()));
    }

    /**
     * Frames a new path is fed before it is heard when its hand-over copies {@code work} samples:
     * the {@linkplain #warmUpFrames(Oversampler) warm-up}, or as long as the copy takes at
     * {@link #HAND_OVER_SAMPLES_PER_FRAME}.
     */
    long warmUpFrames(Oversampler oversampler, long work) {
        return Math.max(warmUpFrames(oversampler),
                (work + HAND_OVER_SAMPLES_PER_FRAME - 1) / HAND_OVER_SAMPLES_PER_FRAME);
    }

    /** Pairs each new stage with the old path's heard stage of the same index and type. */
    private void pairStages(Chain from, Chain to) {
        int n = Math.min(from.length(), to.length());
        for (int i = 0; i < n; i++) {
            Stage f = from.get(i);
            Stage t = to.get(i);
            if (f.type() == t.type()) {
                handFrom[handCount] = f;
                handTo[handCount] = t;
                handCount++;
            }
        }
    }

    private boolean isFading(ChainPath path) {
        for (int p = 0; p < fadingCount; p++) {
            if (fading[p] == path) {
                return true;
            }
        }
        return false;
    }

    /**
     * At the start of a block of the warm-up ({@code frames} long): the pairs copy ahead, in chain
     * order, at most {@link #handBudgetPerFrame} samples per frame in all.
     */
    private void handOverAhead(int frames) {
        ChainPath source = handSource;
        if (!isFading(source)) {
            return;
        }
        double lagSeconds = lagSeconds(source);
        long budget = handBudgetPerFrame * frames;
        for (int i = 0; i < handCount && budget > 0; i++) {
            if (handTo[i].handOverLeft() > 0 && current.reaches(handTo[i]) && source.reaches(handFrom[i])) {
                budget -= handTo[i].handOverAhead(handFrom[i], lagSeconds, warmLeft, sampleRate, budget);
            }
        }
    }

    /** Seconds the current path hears each input frame later than {@code source}. */
    private double lagSeconds(ChainPath source) {
        return (upLatency(current.oversampler) - upLatency(source.oversampler)) / sampleRate;
    }

    /** At the end of the current path's warm-up: every pair's new stage takes its old stage's state. */
    private void handOver() {
        ChainPath source = handSource;
        if (isFading(source)) {
            double lagSeconds = lagSeconds(source);
            for (int i = 0; i < handCount; i++) {
                if (current.reaches(handTo[i]) && source.reaches(handFrom[i])) {
                    handTo[i].takeStateFrom(handFrom[i], lagSeconds);
                }
            }
        }
        dropHandOver();
    }

    private void dropHandOver() {
        for (int i = 0; i < handCount; i++) {
            handFrom[i] = null;
            handTo[i] = null;
        }
        handCount = 0;
        handSource = null;
        handOverPending = false;
    }

    private static double upLatency(Oversampler oversampler) {
        return oversampler == null ? 0 : oversampler.upLatencyFrames();
    }

    private void fill(ChainPath path, Oversampler oversampler, Stage[] stages) {
        path.oversampler = oversampler;
        for (int i = 0; i < stages.length; i++) {
            Engine.install(stages[i]);
            path.chain().insert(i, stages[i]);
        }
    }

    /**
     * Audio thread only. Runs {@code buf[0, frames)} through the chain section in place; a block
     * in which a warm-up with a hand-over ends is run in two parts around that frame.
     */
    void process(double[] buf, int frames, RtEventRing events) {
        if (handOverPending) {
            handOverAhead(frames);
        }
        if (handOverPending && warmLeft <= frames) {
            int first = (int) warmLeft;
            processPart(buf, first, events);
            handOver();
            int rest = frames - first;
            if (rest > 0) {
                System.arraycopy(buf, first, part, 0, rest);
                processPart(part, rest, events);
                System.arraycopy(part, 0, buf, first, rest);
            }
            return;
        }
        processPart(buf, frames, events);
    }

    private void processPart(double[] buf, int frames, RtEventRing events) {
        if (fadingCount == 0) {
            current.process(buf, frames, events);
            return;
        }
        System.arraycopy(buf, 0, dry, 0, frames);
        current.process(buf, frames, events);
        for (int p = 0; p < fadingCount; p++) {
            ChainPath f = fading[p];
            System.arraycopy(dry, 0, f.out, 0, frames);
            f.process(f.out, frames, events);
        }
        double unit = 1.0 / crossfadeFrames;
        for (int i = 0; i < frames; i++) {
            boolean warming = warmLeft > 0;
            if (warming) {
                warmLeft--;
            }
            long rest = crossfadeFrames;
            double mix = 0;
            for (int p = 0; p < fadingCount; p++) {
                ChainPath f = fading[p];
                if (!warming && f.gainSteps > 0) {
                    f.gainSteps--;
                }
                rest -= f.gainSteps;
                mix += f.gainSteps * unit * f.out[i];
            }
            current.gainSteps = rest;
            buf[i] = rest * unit * buf[i] + mix;
        }
        for (int p = fadingCount - 1; p >= 0; p--) {
            if (fading[p].gainSteps == 0) {
                retireFading(p);
            }
        }
    }

    private void endQuietestFade() {
        int quietest = 0;
        for (int p = 1; p < fadingCount; p++) {
            if (fading[p].gainSteps < fading[quietest].gainSteps) {
                quietest = p;
            }
        }
        current.gainSteps += fading[quietest].gainSteps;
        retireFading(quietest);
    }

    private void retireFading(int p) {
        ChainPath f = fading[p];
        f.retireAll(engine);
        f.gainSteps = 0;
        System.arraycopy(fading, p + 1, fading, p, fadingCount - p - 1);
        fading[--fadingCount] = null;
        spare[spareCount++] = f;
    }

    /** Collector thread, audio thread idle. Whether {@code r} is a stage or oversampler of any path. */
    boolean reaches(Object r) {
        if (current.reaches(r)) {
            return true;
        }
        for (int p = 0; p < fadingCount; p++) {
            if (fading[p].reaches(r)) {
                return true;
            }
        }
        return false;
    }

    /** Audio thread only. At the end of a render: retires every path's oversampler and stages. */
    void retireAll() {
        dropHandOver();
        current.retireAll(engine);
        while (fadingCount > 0) {
            retireFading(fadingCount - 1);
        }
    }
}
