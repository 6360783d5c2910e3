package io.blockwise.engine;

import io.blockwise.dsp.Compressor;
import io.blockwise.dsp.Delay;
import io.blockwise.dsp.Eq;
import io.blockwise.dsp.Level;
import io.blockwise.dsp.MultibandSaturator;
import io.blockwise.dsp.NoiseGate;
import io.blockwise.dsp.PowerAmp;
import io.blockwise.dsp.Preamp;
import io.blockwise.dsp.ProcessSpec;
import io.blockwise.dsp.Reverb;
import io.blockwise.dsp.Stage;
import io.blockwise.dsp.StageType;
import io.blockwise.dsp.ToneStack;
import io.blockwise.dsp.Tremolo;
import io.blockwise.scenario.StageSpec;

/**
 * Builds stages from their scenario descriptions ({@link StageSpec}) on the control thread:
 * construct, prepare at the given spec, set every parameter and the enumerated setting without a
 * glide, set the bypass flag. The caller registers the result as a resource before shipping it.
 * (It lives on the engine side so that {@code dsp} knows nothing of the scenario format.)
 */
public final class StageFactory {
    private StageFactory() {
    }

    /** Control thread. A stage of {@code type}, constructed but not prepared. */
    public static Stage create(StageType type) {
        return switch (type) {
            case PREAMP -> new Preamp();
            case LEVEL -> new Level();
            case NOISE_GATE -> new NoiseGate();
            case COMPRESSOR -> new Compressor();
            case TONE_STACK -> new ToneStack();
            case POWER_AMP -> new PowerAmp();
            case MULTIBAND_SATURATOR -> new MultibandSaturator();
            case DELAY -> new Delay();
            case REVERB -> new Reverb();
            case EQ -> new Eq();
            case TREMOLO -> new Tremolo();
        };
    }

    /** Control thread. A prepared stage with the values of {@code spec}. */
    public static Stage build(StageSpec spec, ProcessSpec processSpec) {
        return configure(create(spec.type()), spec, processSpec);
    }

    /** Control thread. Prepares {@code stage} and gives it the values of {@code spec}. */
    public static Stage configure(Stage stage, StageSpec spec, ProcessSpec processSpec) {
        stage.prepare(processSpec);
        for (int i = 0; i < spec.type().paramCount(); i++) {
            stage.initParameter(i, spec.value(i));
        }
        if (spec.choice() >= 0) {
            stage.initChoice(spec.choice());
        }
        stage.initBypassed(spec.bypassed());
        return stage;
    }
}
