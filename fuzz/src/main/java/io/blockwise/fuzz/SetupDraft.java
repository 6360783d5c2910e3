package io.blockwise.fuzz;

import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.StageSpec;
import java.util.List;

/** The {@code setup} before the timing is known (cut-offs fold below Nyquist, the chain to its limit). */
record SetupDraft(Double highpassHz, Double lowpassHz, int oversampling, List<StageSpec> chain,
        MessageDraft.Ir ir, double irGain, double pitchShift, boolean tuner, EngineSetup.Metronome metronome) {

    EngineSetup resolve(Timing t) {
        Double[] f = MessageDraft.filters(highpassHz, lowpassHz, t);
        return new EngineSetup(f[0], f[1], oversampling, MessageDraft.fit(chain, t),
                ir == null ? null : ir.resolve(t), irGain, pitchShift, tuner, metronome);
    }
}
