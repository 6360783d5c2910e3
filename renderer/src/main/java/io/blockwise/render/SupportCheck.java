package io.blockwise.render;

import io.blockwise.dsp.StageFactory;
import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.StageSpec;
import io.blockwise.scenario.TimedMessage;
import io.blockwise.scenario.UnsupportedFeatureException;
import java.util.List;
import java.util.Set;

/**
 * Refuses, before block 0, a scenario that uses a feature whose engine side does not exist yet,
 * with a one-line {@code not supported yet: FEATURE} error. Control thread.
 */
final class SupportCheck {
    private static final Set<String> SUPPORTED_MESSAGES = Set.of("setChain", "setInputFilters",
            "setParameter", "replaceStage", "addStage", "removeStage", "swapStages", "setStageBypassed");

    private SupportCheck() {
    }

    static void check(Scenario s) {
        EngineSetup setup = s.setup();
        if (setup.oversampling() != 1) {
            throw new UnsupportedFeatureException("setup.oversampling");
        }
        if (setup.ir() != null) {
            throw new UnsupportedFeatureException("setup.ir");
        }
        if (setup.irGain() != 1.0) {
            throw new UnsupportedFeatureException("setup.irGain");
        }
        if (setup.pitchShift() != 0) {
            throw new UnsupportedFeatureException("setup.pitchShift");
        }
        if (setup.tuner()) {
            throw new UnsupportedFeatureException("setup.tuner");
        }
        if (setup.metronome().enabled()) {
            throw new UnsupportedFeatureException("setup.metronome");
        }
        stages(setup.chain());
        for (TimedMessage t : s.events()) {
            Message m = t.message();
            if (!SUPPORTED_MESSAGES.contains(m.name())) {
                throw new UnsupportedFeatureException(m.name());
            }
            if (m instanceof Message.SetChain c) {
                stages(c.chain());
            } else if (m instanceof Message.AddStage a) {
                stages(List.of(a.stage()));
            } else if (m instanceof Message.ReplaceStage r) {
                stages(List.of(r.stage()));
            }
        }
    }

    private static void stages(List<StageSpec> specs) {
        for (StageSpec spec : specs) {
            if (!StageFactory.supports(spec.type())) {
                throw new UnsupportedFeatureException("stage type " + spec.type().formatName());
            }
        }
    }
}
