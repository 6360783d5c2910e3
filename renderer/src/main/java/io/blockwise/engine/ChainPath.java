package io.blockwise.engine;

import io.blockwise.dsp.Oversampler;
import io.blockwise.rt.Retirer;
import io.blockwise.rt.RtEventRing;

/**
 * One way through the chain: an oversampler (or none) around a chain of stages, with the scratch
 * buffers it needs at the largest factor. The engine has a few of these so that an oversampling
 * change can run the old path beside the new one while they are crossfaded
 * ({@link ChainPaths}). Audio thread only once the engine runs; allocates only in its constructor.
 */
final class ChainPath {
    final Chain chain;
    Oversampler oversampler;
    // The path's gain in the crossfade, in steps of 1 / crossfadeFrames (crossfadeFrames when
    // alone): integers, so a fade ends exactly when it reaches 0.
    long gainSteps;
    private final double[] upsampled;
    private final double[] bypassScratch;
    final double[] out;

    ChainPath(int maxChainLength, int maxBlockFrames, Retirer retirer) {
        chain = new Chain(maxChainLength, maxBlockFrames * Engine.MAX_OVERSAMPLING, retirer);
        upsampled = new double[maxBlockFrames * Engine.MAX_OVERSAMPLING];
        bypassScratch = new double[maxBlockFrames * Engine.MAX_OVERSAMPLING];
        out = new double[maxBlockFrames];
    }

    /** Runs {@code buf[0, frames)} through the oversampler and chain in place. */
    void process(double[] buf, int frames, RtEventRing events) {
        Oversampler os = oversampler;
        if (os == null) {
            chain.process(buf, bypassScratch, 0, frames, events);
        } else {
            os.upsample(buf, 0, frames, upsampled);
            chain.process(upsampled, bypassScratch, 0, frames * os.factor(), events);
            os.downsample(upsampled, buf, 0, frames);
        }
    }

    /** Whether {@code r} is this path's oversampler or one of its stages. */
    boolean reaches(Object r) {
        if (r == null) {
            return false;
        }
        return r == oversampler || chain.holds(r);
    }

    /** Retires the oversampler and every stage, leaving the path empty. */
    void retireAll(Engine retirer) {
        chain.clear(retirer);
        if (oversampler != null) {
            retirer.retire(oversampler);
            oversampler = null;
        }
    }
}
