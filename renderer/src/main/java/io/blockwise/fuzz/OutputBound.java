package io.blockwise.fuzz;

import io.blockwise.dsp.StageType;
import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.IrSpec;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.SourceSpec;
import io.blockwise.scenario.StageSpec;
import io.blockwise.scenario.TimedMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The bound property 5 holds a render's output to: a healthy engine never exceeds it, an unstable
 * filter, a runaway feedback loop or an uninitialised buffer soon does.
 *
 * <p>{@code bound = 64 * (P + C) * A}, where
 * <ul>
 *   <li>{@code P} is the inputs' peak: the sum of each source's amplitude ({@code amp}), pink noise
 *       counted 4 times (it is near Gaussian, RMS equal to the white noise's), a pluck once per note
 *       (notes overlap), times 2 for each input filter side (a Butterworth section overshoots its
 *       input by far less than that);
 *   <li>{@code C} is the output the self-limiting stages can produce from nothing: 3 per preamp
 *       (every clipper stays within 1.43, minus the bias offset) and 1 per power amp (bounded by its
 *       headroom), plus 1 if a metronome is ever on;
 *   <li>{@code A} is the product, over every stage ever built in the scenario (setup and message
 *       payloads, each counted once since a stage sits in the chain at most once), of its largest
 *       gain over the whole parameter range: level 2, compressor 16 (+24 dB makeup), delay 20
 *       (1 / (1 - 0.95) feedback), eq 32 (a band's +12 dB plus its neighbours' overlap), tone stack
 *       16, multiband saturator 8 (three bands at level 2), reverb 8 (Freeverb's eight combs at
 *       gain 0.015 and feedback up to 0.98), 1 for the gate, tremolo and the clipping stages;
 *       times 2 sqrt(length) for the longest impulse response (irGain 2, peak-normalised noise),
 *       2 for oversampling and 2 for pitch shifting if used.
 * </ul>
 * The factor 64 leaves room for transients, glides and reordering, which the per-stage figures
 * (steady state) do not cover.
 */
final class OutputBound {
    private OutputBound() {
    }

    static double of(Scenario s) {
        double p = 0;
        for (SourceSpec src : s.inputs()) {
            p += peak(src);
        }
        List<StageSpec> stages = new ArrayList<>(s.setup().chain());
        EngineSetup setup = s.setup();
        int filterSides = (setup.highpass() != null ? 1 : 0) + (setup.lowpass() != null ? 1 : 0);
        boolean metronome = setup.metronome().enabled();
        boolean oversampling = setup.oversampling() != 1;
        boolean pitch = setup.pitchShift() != 0;
        long irLength = setup.ir() instanceof IrSpec.Synthetic syn ? syn.lengthFrames() : 0;
        for (TimedMessage t : s.events()) {
            Message m = t.message();
            if (m instanceof Message.SetChain c) {
                stages.addAll(c.chain());
            } else if (m instanceof Message.AddStage a) {
                stages.add(a.stage());
            } else if (m instanceof Message.ReplaceStage r) {
                stages.add(r.stage());
            } else if (m instanceof Message.SetInputFilters f) {
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
        p *= Math.pow(2, filterSides);
        double c = metronome ? 1 : 0;
        double a = 1;
        for (StageSpec st : stages) {
            c += st.type() == StageType.PREAMP ? 3 : (st.type() == StageType.POWER_AMP ? 1 : 0);
            a *= gain(st.type());
        }
        a *= irLength > 0 ? 2 * Math.sqrt(irLength) : 1;
        a *= oversampling ? 2 : 1;
        a *= pitch ? 2 : 1;
        return 64 * (p + c) * a;
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
