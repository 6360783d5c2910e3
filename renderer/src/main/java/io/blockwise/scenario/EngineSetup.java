package io.blockwise.scenario;

import java.util.List;

/**
 * The engine state of {@code setup}, built off the audio thread and installed before block 0.
 * {@code highpass}/{@code lowpass} and {@code ir} may be null (absent).
 */
public record EngineSetup(Double highpass, Double lowpass, int oversampling, List<StageSpec> chain,
        IrSpec ir, double irGain, double pitchShift, boolean tuner, Metronome metronome) {

    public EngineSetup {
        chain = List.copyOf(chain);
    }

    /** The defaults of the format: nothing. */
    public static EngineSetup empty() {
        return new EngineSetup(null, null, 1, List.of(), null, 1.0, 0.0, false, Metronome.OFF);
    }

    /** The metronome's settings. */
    public record Metronome(boolean enabled, double bpm, double level) {
        public static final Metronome OFF = new Metronome(false, 120, 0.5);
    }
}
