package io.blockwise.engine;

import io.blockwise.dsp.Oversampler;
import io.blockwise.dsp.Stage;
import io.blockwise.rt.Retirer;
import io.blockwise.rt.RtEventRing;

/**
 * One way through the chain: an oversampler (or none) around a chain of stages, with the scratch
 * buffers it needs at the largest factor. The engine has a few of these so that an oversampling
 * change can run the old path beside the new one while they are crossfaded
 * ({@link ChainPaths}). Audio thread only once the engine runs; allocates only in its constructor.
 *
 * <p>{@link #replaceChain} ({@code setChain}) does not switch chains at once (a click): the old
 * chain, whole (its removal and replace fades go on), is kept as a <em>leaving</em> chain and fed
 * the same input, at the same rate, beside the new one, whose stages fade in from the dry signal
 * as {@code addStage}'s do. The leaving chains' gains fall linearly to 0 over the crossfade length
 * at the stage rate from where they stood, the current chain gets what is left (the gains always
 * sum to 1), and a leaving chain whose gain reached 0 is retired, all its stages, in that block.
 * Up to {@link #MAX_LEAVING} chains can be leaving at once; one more ends the quietest at once (a
 * step of at most its remaining gain times the difference of the chains). A {@code setChain} on
 * an empty chain has nothing to fade out and is exactly a series of {@code addStage}s.
 */
final class ChainPath {
    /** Chains that can be fading out at once. */
    static final int MAX_LEAVING = 2;

    private final Retirer retirer;
    private final int sampleRate;
    private Chain chain;
    Oversampler oversampler;
    // The path's gain in the crossfade, in steps of 1 / crossfadeFrames (crossfadeFrames when
    // alone): integers, so a fade ends exactly when it reaches 0.
    long gainSteps;
    private final double[] upsampled;
    private final double[] bypassScratch;
    final double[] out;
    // Leaving chains (audio thread only): the first leavingCount are fading out, each with its
    // gain in steps of 1 / leavingFade and its own output buffer; spare chains are empty.
    private final Chain[] leaving = new Chain[MAX_LEAVING];
    private final long[] leavingSteps = new long[MAX_LEAVING];
    private final double[][] leavingOut = new double[MAX_LEAVING][];
    private int leavingCount;
    private int leavingFade;
    private final Chain[] spareChains = new Chain[MAX_LEAVING];
    private int spareCount;

    ChainPath(int sampleRate, int maxChainLength, int maxBlockFrames, Retirer retirer) {
        this.retirer = retirer;
        this.sampleRate = sampleRate;
        int maxFrames = maxBlockFrames * Engine.MAX_OVERSAMPLING;
        double[] outgoingOut = new double[maxFrames]; // the chains run one after the other
        double[] dipDry = new double[maxFrames];
        chain = new Chain(maxChainLength, outgoingOut, dipDry, retirer);
        for (int i = 0; i < MAX_LEAVING; i++) {
            spareChains[spareCount++] = new Chain(maxChainLength, outgoingOut, dipDry, retirer);
            leavingOut[i] = new double[maxFrames];
        }
        upsampled = new double[maxFrames];
        bypassScratch = new double[maxFrames];
        out = new double[maxBlockFrames];
    }

    /** The chain that edits act on. */
    Chain chain() {
        return chain;
    }

    /**
     * Replaces the chain with {@code stages} (installed, starting dry), fading the old chain out
     * beside it when it is not empty.
     */
    void replaceChain(Stage[] stages) {
        if (!chain.isEmpty()) {
            if (spareCount == 0) {
                endQuietestLeaving();
            }
            Chain next = spareChains[--spareCount];
            spareChains[spareCount] = null;
            leavingFade = Engine.crossfadeFrames(sampleRate * factor()); // the path's rate is fixed
            long others = 0;
            for (int p = 0; p < leavingCount; p++) {
                others += leavingSteps[p];
            }
            leaving[leavingCount] = chain;
            leavingSteps[leavingCount] = leavingFade - others; // the gain the old chain had
            leavingCount++;
            chain = next;
        }
        for (int i = 0; i < stages.length; i++) {
            Engine.install(stages[i]);
            stages[i].startDry(); // as addStage: every new stage fades in from the dry signal
            chain.insert(i, stages[i]);
        }
    }

    private int factor() {
        return oversampler == null ? 1 : oversampler.factor();
    }

    /** Runs {@code buf[0, frames)} through the oversampler and chain in place. */
    void process(double[] buf, int frames, RtEventRing events) {
        Oversampler os = oversampler;
        if (os == null) {
            runChains(buf, frames, events);
        } else {
            os.upsample(buf, 0, frames, upsampled);
            runChains(upsampled, frames * os.factor(), events);
            os.downsample(upsampled, buf, 0, frames);
        }
    }

    private void runChains(double[] buf, int n, RtEventRing events) {
        if (leavingCount == 0) {
            chain.process(buf, bypassScratch, 0, n, events);
            return;
        }
        for (int p = 0; p < leavingCount; p++) {
            System.arraycopy(buf, 0, leavingOut[p], 0, n);
            leaving[p].process(leavingOut[p], bypassScratch, 0, n, events);
        }
        chain.process(buf, bypassScratch, 0, n, events);
        double unit = 1.0 / leavingFade;
        for (int i = 0; i < n; i++) {
            long rest = leavingFade;
            double mix = 0;
            for (int p = 0; p < leavingCount; p++) {
                if (leavingSteps[p] > 0) {
                    leavingSteps[p]--;
                }
                rest -= leavingSteps[p];
                mix += leavingSteps[p] * unit * leavingOut[p][i];
            }
            buf[i] = rest * unit * buf[i] + mix;
        }
        for (int p = leavingCount - 1; p >= 0; p--) {
            if (leavingSteps[p] == 0) {
                retireLeaving(p);
            }
        }
    }

    private void endQuietestLeaving() {
        int quietest = 0;
        for (int p = 1; p < leavingCount; p++) {
            if (leavingSteps[p] < leavingSteps[quietest]) {
                quietest = p;
            }
        }
        retireLeaving(quietest);
    }

    private void retireLeaving(int p) {
        Chain c = leaving[p];
        c.clear(retirer);
        System.arraycopy(leaving, p + 1, leaving, p, leavingCount - p - 1);
        System.arraycopy(leavingSteps, p + 1, leavingSteps, p, leavingCount - p - 1);
        leavingCount--;
        leaving[leavingCount] = null;
        leavingSteps[leavingCount] = 0;
        spareChains[spareCount++] = c;
    }

    /** Whether {@code r} is this path's oversampler or one of its stages, heard or leaving. */
    boolean reaches(Object r) {
        if (r == null) {
            return false;
        }
        if (r == oversampler || chain.holds(r)) {
            return true;
        }
        for (int p = 0; p < leavingCount; p++) {
            if (leaving[p].holds(r)) {
                return true;
            }
        }
        return false;
    }

    /** Retires the oversampler and every stage (leaving chains too), leaving the path empty. */
    void retireAll(Engine retirer) {
        chain.clear(retirer);
        while (leavingCount > 0) {
            retireLeaving(leavingCount - 1);
        }
        if (oversampler != null) {
            retirer.retire(oversampler);
            oversampler = null;
        }
    }
}
