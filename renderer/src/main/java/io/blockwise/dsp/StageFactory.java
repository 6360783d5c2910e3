package io.blockwise.dsp;

import io.blockwise.scenario.StageSpec;
import io.blockwise.scenario.UnsupportedFeatureException;

/**
 * Builds stages on the control thread: construct, prepare at the given spec, set every parameter
 * and the enumerated setting without a glide, set the bypass flag. The caller registers the result
 * as a resource before shipping it.
 */
public final class StageFactory {
    private StageFactory() {
    }

    /** Control thread. A stage of {@code type}, constructed but not prepared. */
    public static Stage create(StageType type) {
        switch (type) {
            case PREAMP: return new Preamp();
            case LEVEL: return new Level();
            case NOISE_GATE: return new NoiseGate();
            case COMPRESSOR: return new Compressor();
            case TONE_STACK: return new ToneStack();
            case POWER_AMP: return new PowerAmp();
            case MULTIBAND_SATURATOR: return new MultibandSaturator();
            case DELAY: return new Delay();
            case REVERB: return new Reverb();
            case EQ: return new Eq();
            case TREMOLO: return new Tremolo();
            default: throw new UnsupportedFeatureException("stage type " + type.formatName());
        }
    }

    /** Control thread. True when {@link #create} can build {@code type}. */
    public static boolean supports(StageType type) {
        switch (type) {
            case PREAMP:
            case LEVEL:
            case NOISE_GATE:
            case COMPRESSOR:
            case TONE_STACK:
            case POWER_AMP:
            case MULTIBAND_SATURATOR:
            case DELAY:
            case REVERB:
            case EQ:
            case TREMOLO:
                return true;
            default:
                return false;
        }
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
