package io.blockwise.engine;

import io.blockwise.scenario.IrSpec;

/**
 * Where the control thread gets the samples of an impulse response, prepared for the engine's
 * rate (read, resampled, mixed to mono, trimmed, normalised; or synthesised from the seed).
 */
public interface IrSource {
    /** Control thread. The prepared IR for {@code spec}. */
    double[] samples(IrSpec spec);
}
