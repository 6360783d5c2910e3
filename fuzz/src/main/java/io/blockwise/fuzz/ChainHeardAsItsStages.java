package io.blockwise.fuzz;

import io.blockwise.dsp.Oversampler;
import io.blockwise.dsp.ProcessSpec;
import io.blockwise.dsp.Stage;
import io.blockwise.engine.EngineHooks;
import io.blockwise.render.InputSignal;
import io.blockwise.render.RenderResult;
import io.blockwise.render.WavReader;
import io.blockwise.render.WavWriter;
import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.StageSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Property 12: the chain is heard as its stages in series. A scenario's setup chain, at its
 * oversampling factor, with nothing else around it (no input filters, cabinet, pitch shift,
 * tuner or metronome) and no message, must sound exactly like its stages run one after another on
 * the input, block by block, outside the engine.
 *
 * <p>The reference knows only the documented signal path: each block of input, up through an
 * {@link Oversampler} of the setup's factor, through every stage in the chain's order
 * ({@link Stage#processWithBypass}, so a stage bypassed from the setup passes its input), and
 * down again. It builds its stages with the same factory as the engine ({@link EngineHooks#stage},
 * planted stages included), so it judges the host, not the stages' DSP: the engine's slots,
 * paths, crossfade bookkeeping and block handling. It catches an engine that skips, repeats,
 * reorders or misroutes a stage, runs a block twice or not at all, or mixes in a path that should
 * be silent. Every other property compares the engine with itself (twice, at two block sizes, with
 * and without a message) and passes an engine that processes nothing.
 *
 * <p>Both outputs go through the scenario's own WAV encoding, so the comparison is exact. Control
 * thread (or a fuzz worker).
 */
final class ChainHeardAsItsStages {
    private ChainHeardAsItsStages() {
    }

    /**
     * Whether the engine's render of {@code s}'s setup chain alone ({@link #chainAlone}), made by
     * {@code render}, equals the stages run in series; {@code scratch} takes the reference's WAV.
     * Empty when it does, else one line: the chain, the first frame that differs and both values.
     */
    static Optional<String> heard(Scenario s, EngineHooks hooks, Function<Scenario, RenderResult> render, Path scratch) {
        Scenario alone = chainAlone(s);
        double[][] engine = WavReader.read(render.apply(alone).outputWav()).channelData();
        Path referenceWav = scratch.resolve("stages-in-series.wav");
        writeStagesInSeries(alone, hooks, referenceWav);
        double[][] reference = WavReader.read(referenceWav).channelData();
        for (int c = 0; c < engine.length; c++) {
            int n = Math.min(engine[c].length, reference[c].length);
            for (int i = 0; i < n; i++) {
                if (Double.doubleToLongBits(engine[c][i]) != Double.doubleToLongBits(reference[c][i])) {
                    return Optional.of(describe(alone.setup()) + " sounds as its stages run in series outside the engine; frame "
                            + i + " (channel " + c + ") differs: engine " + engine[c][i] + ", stages " + reference[c][i]);
                }
            }
            if (engine[c].length != reference[c].length) {
                return Optional.of("the render of the chain alone has " + engine[c].length + " frames; its duration is "
                        + reference[c].length);
            }
        }
        return Optional.empty();
    }

    /** {@code s} with its setup's chain and oversampling factor only, and no message. */
    static Scenario chainAlone(Scenario s) {
        EngineSetup setup = s.setup();
        EngineSetup alone = new EngineSetup(null, null, setup.oversampling(), setup.chain(), null, 1.0, 0.0, false,
                EngineSetup.Metronome.OFF);
        return ScenarioEdits.withSetup(ScenarioEdits.withEvents(s, List.of()), alone);
    }

    /** The reference: {@code alone}'s input through its chain's stages in series, block by block, into {@code target}. */
    private static void writeStagesInSeries(Scenario alone, EngineHooks hooks, Path target) {
        EngineSetup setup = alone.setup();
        int factor = setup.oversampling();
        int bs = alone.blockSize();
        ProcessSpec ps = new ProcessSpec(alone.sampleRate() * factor, bs * factor);
        Stage[] stages = new Stage[setup.chain().size()];
        for (int i = 0; i < stages.length; i++) {
            stages[i] = hooks.stage(setup.chain().get(i), ps);
        }
        Oversampler oversampler = factor == 1 ? null : new Oversampler(factor, bs);
        InputSignal input = InputSignal.of(alone);
        double[] block = new double[bs];
        double[] up = new double[bs * factor];
        double[] scratch = new double[bs * factor];
        try (WavWriter wav = WavWriter.open(target, alone.sampleRate(), alone.output().channels(),
                alone.output().encoding())) {
            for (long start = 0; start < alone.durationFrames(); start += bs) {
                int frames = (int) Math.min(bs, alone.durationFrames() - start);
                input.fill(block, 0, start, frames);
                if (oversampler == null) {
                    runInSeries(stages, block, scratch, frames);
                } else {
                    oversampler.upsample(block, 0, frames, up);
                    runInSeries(stages, up, scratch, frames * factor);
                    oversampler.downsample(up, block, 0, frames);
                }
                wav.write(block, 0, frames);
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
        StringBuilder b = new StringBuilder("the chain [");
        for (int i = 0; i < setup.chain().size(); i++) {
            StageSpec spec = setup.chain().get(i);
            b.append(i == 0 ? "" : ", ").append(spec.type().name().toLowerCase(java.util.Locale.ROOT))
                    .append(spec.bypassed() ? " (bypassed)" : "");
        }
        return b.append("] at oversampling ").append(setup.oversampling()).toString();
    }
}
