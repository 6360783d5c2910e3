package io.blockwise.fuzz;

import io.blockwise.dsp.StageType;
import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.IrSpec;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.SourceSpec;
import io.blockwise.scenario.TimedMessage;
import java.util.List;

/**
 * The bound property 5 holds a render's output to: a healthy engine stays far below it, an
 * unstable filter, a runaway feedback loop or a stage that amplifies garbage soon exceeds it.
 *
 * <p>{@code bound = 64 * max(1, max over chain states of (P + C) * A) * F}, where the chain states
 * are the setup chain and the chain after each chain message, as the engine applies them
 * ({@link ChainModel}), and
 * <ul>
 *   <li>{@code P} is the inputs' peak: the sum of each source's amplitude ({@code amp}), pink noise
 *       counted 4 times (it is near Gaussian, RMS equal to the white noise's), a pluck once per note
 *       (notes overlap), plus 1 if a metronome is ever on;
 *   <li>{@code C} is what the self-limiting stages of the state can put out whatever their input:
 *       3 per preamp (every clipper stays within 1.43, minus the bias offset), 1 per power amp
 *       (bounded by its headroom);
 *   <li>{@code A} is the product over the state's other stages of their largest steady-state gain
 *       over the whole parameter range: level 2, compressor 16 (+24 dB makeup), delay 20
 *       (1 / (1 - 0.95) feedback), eq 32 (a band's +12 dB plus its neighbours' overlap), tone stack
 *       16, multiband saturator 8 (three bands at level 2), reverb 8 (Freeverb's eight combs at gain
 *       0.015 and feedback up to 0.98); gate and tremolo 1;
 *   <li>{@code F} is 2 for each input filter side (a Butterworth section overshoots far less), 2
 *       sqrt(length) for the longest impulse response (irGain 2, peak-normalised noise), 2 for
 *       oversampling and 2 for pitch shifting if ever used.
 * </ul>
 * The factor 64 covers what steady-state figures miss: transients, glides, a crossfade summing old
 * and new, and energy a delay or reverb keeps while the chain is reordered around it. The floor
 * of 1 (full scale) keeps a silent scenario from demanding exact zeros.
 */
final class OutputBound {
    private OutputBound() {
    }

    static double of(Scenario s) {
        EngineSetup setup = s.setup();
        int filterSides = (setup.highpass() != null ? 1 : 0) + (setup.lowpass() != null ? 1 : 0);
        boolean metronome = setup.metronome().enabled();
        boolean oversampling = setup.oversampling() != 1;
        boolean pitch = setup.pitchShift() != 0;
        long irLength = setup.ir() instanceof IrSpec.Synthetic syn ? syn.lengthFrames() : 0;
        for (TimedMessage t : s.events()) {
            Message m = t.message();
            if (m instanceof Message.SetInputFilters f) {
                filterSides = Math.max(filterSides, (f.highpass() != null ? 1 : 0) + (f.lowpass() != null ? 1 : 0));
            } else if (m instanceof Message.SetMetronome mm) {
                metronome |= mm.enabled();
            } else if (m instanceof Message.SetOversampling o) {
                oversampling |= o.factor() != 1;
            } else if (m instanceof Message.SetPitchShift ps) {
                pitch |= ps.semitones() != 0;
            } else if (m instanceof Message.SwapIr sw && sw.ir() instanceof IrSpec.Synthetic syn) {
                irLength = Math.max(irLength, syn.lengthFrames());
            }
        }
        double p = metronome ? 1 : 0;
        for (SourceSpec src : s.inputs()) {
            p += peak(src);
        }
        ChainModel chain = new ChainModel(setup.chain(), s.limits().maxChainLength());
        double worst = state(p, chain.types());
        for (TimedMessage t : s.events()) {
            chain.apply(t.message());
            worst = Math.max(worst, state(p, chain.types()));
        }
        double f = Math.pow(2, filterSides) * (irLength > 0 ? 2 * Math.sqrt(irLength) : 1) * (oversampling ? 2 : 1)
                * (pitch ? 2 : 1);
        return 64 * Math.max(1, worst) * f;
    }

    /** {@code (P + C) * A} of one chain state. */
    private static double state(double p, List<StageType> types) {
        double c = 0;
        double a = 1;
        for (StageType t : types) {
            c += t == StageType.PREAMP ? 3 : (t == StageType.POWER_AMP ? 1 : 0);
            a *= gain(t);
        }
        return (p + c) * a;
    }

    private static double peak(SourceSpec src) {
        if (src instanceof SourceSpec.Sine x) {
            return x.amp();
        } else if (src instanceof SourceSpec.Sweep x) {
            return x.amp();
        } else if (src instanceof SourceSpec.Noise x) {
            return x.color() == SourceSpec.NoiseColor.PINK ? 4 * x.amp() : x.amp();
        } else if (src instanceof SourceSpec.Impulse x) {
            return x.amp();
        } else if (src instanceof SourceSpec.Pluck x) {
            return x.amp() * x.notes().size();
        } else if (src instanceof SourceSpec.File) {
            return 1;
        }
        return 0;
    }

    private static double gain(StageType type) {
        switch (type) {
            case LEVEL: return 2;
            case COMPRESSOR: return 16;
            case DELAY: return 20;
            case EQ: return 32;
            case TONE_STACK: return 16;
            case MULTIBAND_SATURATOR: return 8;
            case REVERB: return 8;
            default: return 1;
        }
    }
}
