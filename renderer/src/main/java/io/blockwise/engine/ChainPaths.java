package io.blockwise.engine;

import io.blockwise.dsp.Oversampler;
import io.blockwise.dsp.Stage;
import io.blockwise.rt.RtEventRing;

/**
 * The chain section of the signal path, whose oversampling factor changes without a click. The
 * stages of a new factor are new objects built at the new rate, so the old path (old oversampler,
 * old stages) can keep running beside the new one. The new path starts empty (its filters' state is
 * zero), so it is first fed, unheard, for {@link #warmUpFrames} (twice its oversampler's latency
 * plus 5 ms) while the older paths hold their gains; then every fading path's gain falls linearly to 0
 * over {@code crossfadeFrames} from where it stood, the current path gets what is left (the gains
 * always sum to 1, an equal-gain crossfade of two versions of the same signal), and a path whose
 * gain reached 0 is retired in that block. Up to {@link #MAX_FADING} changes can overlap; one more
 * ends the quietest fading path at once (a step of at most its remaining gain times the
 * difference of the paths).
 *
 * <p>Chain edits always act on the current path. Audio thread only once the engine runs
 * ({@link #install} is for the set-up). Never allocates: every path is built in the constructor.
 */
final class ChainPaths {
    /** Paths that can be fading out at once. */
    static final int MAX_FADING = 2;

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
    }

    /** Frames a new path is fed before it is heard: twice its oversampler's latency plus 5 ms. */
    long warmUpFrames(Oversampler oversampler) {
        return (oversampler == null ? 0 : 2L * oversampler.latencyFrames()) + Math.round(0.005 * sampleRate);
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
        fill(current, oversampler, stages);
    }

    /** Audio thread only. Crossfades from the current path to {@code stages} at {@code oversampler}'s rate. */
    void change(Oversampler oversampler, Stage[] stages) {
        Engine.install(oversampler);
        if (spareCount == 0) {
            endQuietestFade();
        }
        ChainPath next = spare[--spareCount];
        spare[spareCount] = null;
        fill(next, oversampler, stages);
        fading[fadingCount++] = current;
        current = next;
        current.gainSteps = 0;
        warmLeft = warmUpFrames(oversampler);
    }

    private void fill(ChainPath path, Oversampler oversampler, Stage[] stages) {
        path.oversampler = oversampler;
        for (int i = 0; i < stages.length; i++) {
            Engine.install(stages[i]);
            path.chain().insert(i, stages[i]);
        }
    }

    /** Audio thread only. Runs {@code buf[0, frames)} through the chain section in place. */
    void process(double[] buf, int frames, RtEventRing events) {
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
        current.retireAll(engine);
        while (fadingCount > 0) {
            retireFading(fadingCount - 1);
        }
    }
}
