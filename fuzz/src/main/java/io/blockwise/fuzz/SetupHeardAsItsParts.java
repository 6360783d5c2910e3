package io.blockwise.fuzz;

import io.blockwise.dsp.Convolver;
import io.blockwise.dsp.InputFilter;
import io.blockwise.dsp.Metronome;
import io.blockwise.dsp.Oversampler;
import io.blockwise.dsp.PitchShifter;
import io.blockwise.dsp.ProcessSpec;
import io.blockwise.dsp.Stage;
import io.blockwise.engine.EngineHooks;
import io.blockwise.render.InputSignal;
import io.blockwise.render.IrLibrary;
import io.blockwise.render.RenderResult;
import io.blockwise.render.WavReader;
import io.blockwise.render.WavWriter;
import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.StageSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Property 12: the setup is heard as its parts in series. A scenario's setup, with no message,
 * must sound exactly like its parts, each built fresh, run one after another on the input, block
 * by block, outside the engine.
 *
 * <p>The reference knows only the signal path the design documents, in its order: the input
 * filters (high-pass, then low-pass), the chain (up through an {@link Oversampler} of the setup's
 * factor, every stage in order with {@link Stage#processWithBypass}, so a stage bypassed in the
 * setup passes its input, and down again), the cabinet (the IR's convolution times
 * {@code irGain}; without an IR, nothing), the pitch shifter, the metronome's clicks added, and
 * silence (exactly +0) while the tuner is on, as it is from the first frame when the setup turns it on.
 * It builds stages with the same factory as the engine ({@link EngineHooks#stage}, planted stages
 * included) and the other parts with their public constructors, so it judges the host, not the
 * DSP (the {@code dsp} tests hold each part to an analytic reference): the engine's routing,
 * slots, paths, crossfade bookkeeping and block handling. It catches an engine that skips,
 * repeats, reorders or misroutes a part, runs a block twice or not at all, or mixes in a path that
 * should be silent. Every other property compares the engine with itself (twice, at two block
 * sizes, with and without a message, against a model of its log) and passes an engine that
 * processes nothing.
 *
 * <p>Both outputs go through the scenario's own WAV encoding, so the comparison is exact. Control
 * thread (or a fuzz worker).
 */
final class SetupHeardAsItsParts {
    private SetupHeardAsItsParts() {
    }

    /**
     * Whether the engine's render of {@code s}'s setup alone ({@link #setupAlone}), made by
     * {@code render}, equals its parts run in series; {@code scratch} takes the reference's WAV.
     * Empty when it does, else one line: the setup, the first frame that differs and both values.
     */
    static Optional<String> heard(Scenario s, EngineHooks hooks, Function<Scenario, RenderResult> render, Path scratch) {
        Scenario alone = setupAlone(s);
        double[][] engine = WavReader.read(render.apply(alone).outputWav()).channelData();
        Path referenceWav = scratch.resolve("parts-in-series.wav");
        writePartsInSeries(alone, hooks, referenceWav);
        double[][] reference = WavReader.read(referenceWav).channelData();
        for (int c = 0; c < engine.length; c++) {
            int n = Math.min(engine[c].length, reference[c].length);
            for (int i = 0; i < n; i++) {
                if (Double.doubleToLongBits(engine[c][i]) != Double.doubleToLongBits(reference[c][i])) {
                    return Optional.of(describe(alone.setup()) + " sounds as its parts run in series outside the engine;"
                            + " frame " + i + " (channel " + c + ") differs: engine " + engine[c][i] + ", parts "
                            + reference[c][i]);
                }
            }
            if (engine[c].length != reference[c].length) {
                return Optional.of("the render of the setup alone has " + engine[c].length + " frames; its duration is "
                        + reference[c].length);
            }
        }
        return Optional.empty();
    }

    /** {@code s} with its setup and no message. */
    static Scenario setupAlone(Scenario s) {
        return ScenarioEdits.withEvents(s, List.of());
    }

    /** The reference: {@code alone}'s input through its parts in series, block by block, into {@code target}. */
    private static void writePartsInSeries(Scenario alone, EngineHooks hooks, Path target) {
        EngineSetup setup = alone.setup();
        int rate = alone.sampleRate();
        int bs = alone.blockSize();
        int factor = setup.oversampling();
        InputFilter highpass = setup.highpass() == null ? null
                : new InputFilter(InputFilter.Kind.HIGHPASS, setup.highpass(), rate);
        InputFilter lowpass = setup.lowpass() == null ? null
                : new InputFilter(InputFilter.Kind.LOWPASS, setup.lowpass(), rate);
        ProcessSpec ps = new ProcessSpec(rate * factor, bs * factor);
        Stage[] stages = new Stage[setup.chain().size()];
        for (int i = 0; i < stages.length; i++) {
            stages[i] = hooks.stage(setup.chain().get(i), ps);
        }
        Oversampler oversampler = factor == 1 ? null : new Oversampler(factor, bs);
        Convolver cabinet = setup.ir() == null ? null : new Convolver(IrLibrary.of(alone).samples(setup.ir()), bs);
        double irGain = Math.max(0.0, Math.min(2.0, setup.irGain()));
        PitchShifter pitch = setup.pitchShift() == 0 ? null : new PitchShifter(setup.pitchShift(), rate, bs);
        Metronome metronome = new Metronome(rate);
        EngineSetup.Metronome m = setup.metronome();
        metronome.set(m.enabled(), m.bpm(), m.level(), 0);
        InputSignal input = InputSignal.of(alone);
        double[] block = new double[bs];
        double[] dry = new double[bs];
        double[] up = new double[bs * factor];
        double[] scratch = new double[bs * factor];
        try (WavWriter wav = WavWriter.open(target, rate, alone.output().channels(), alone.output().encoding())) {
            for (long start = 0; start < alone.durationFrames(); start += bs) {
                int n = (int) Math.min(bs, alone.durationFrames() - start);
                input.fill(block, 0, start, n);
                if (highpass != null) {
                    highpass.process(block, 0, n);
                }
                if (lowpass != null) {
                    lowpass.process(block, 0, n);
                }
                if (oversampler == null) {
                    runInSeries(stages, block, scratch, n);
                } else {
                    oversampler.upsample(block, 0, n, up);
                    runInSeries(stages, up, scratch, n * factor);
                    oversampler.downsample(up, block, 0, n);
                }
                if (cabinet != null) {
                    System.arraycopy(block, 0, dry, 0, n);
                    cabinet.process(dry, block, 0, n);
                    for (int i = 0; i < n; i++) {
                        block[i] *= irGain;
                    }
                }
                if (pitch != null) {
                    pitch.process(block, 0, n);
                }
                metronome.process(block, 0, n, start);
                if (setup.tuner()) {
                    java.util.Arrays.fill(block, 0, n, 0.0);
                }
                wav.write(block, 0, n);
            }
            wav.commit();
        }
    }

    private static void runInSeries(Stage[] stages, double[] buf, double[] scratch, int n) {
        for (Stage stage : stages) {
            stage.processWithBypass(buf, scratch, 0, n);
        }
    }

    private static String describe(EngineSetup setup) {
        StringBuilder b = new StringBuilder("the setup (");
        if (setup.highpass() != null || setup.lowpass() != null) {
            b.append("input filters ").append(setup.highpass()).append(" / ").append(setup.lowpass()).append(", ");
        }
        b.append("chain [");
        for (int i = 0; i < setup.chain().size(); i++) {
            StageSpec spec = setup.chain().get(i);
            b.append(i == 0 ? "" : ", ").append(spec.type().name().toLowerCase(Locale.ROOT))
                    .append(spec.bypassed() ? " (bypassed)" : "");
        }
        b.append("] at oversampling ").append(setup.oversampling());
        if (setup.ir() != null) {
            b.append(", cabinet at gain ").append(setup.irGain());
        }
        if (setup.pitchShift() != 0) {
            b.append(", pitch ").append(setup.pitchShift());
        }
        if (setup.metronome().enabled()) {
            b.append(", metronome ").append(setup.metronome().bpm()).append(" bpm");
        }
        if (setup.tuner()) {
            b.append(", tuner on");
        }
        return b.append(")").toString();
    }
}
