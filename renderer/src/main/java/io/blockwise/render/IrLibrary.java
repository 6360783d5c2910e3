package io.blockwise.render;

import io.blockwise.dsp.ImpulseResponses;
import io.blockwise.engine.IrSource;
import io.blockwise.scenario.IrSpec;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioException;
import io.blockwise.scenario.TimedMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The impulse responses a scenario names, prepared for its rate before block 0 (so that a bad IR
 * file is an error before the render starts, with its file, line and column): file IRs are read,
 * mixed to mono, resampled, trimmed and normalised once per path; synthetic IRs are generated
 * from the scenario seed (stream {@link #SYNTHETIC_STREAM}), so the same length and decay always
 * give the same IR. Control thread.
 */
final class IrLibrary implements IrSource {
    /** The seed stream of synthetic IRs, derived from the scenario seed. */
    static final long SYNTHETIC_STREAM = 0x4952L; // "IR"

    private final Scenario scenario;
    private final Map<IrSpec, double[]> prepared = new LinkedHashMap<>();

    private IrLibrary(Scenario scenario) {
        this.scenario = scenario;
    }

    /** Control thread. Prepares every IR of {@code scenario}. */
    static IrLibrary of(Scenario scenario) {
        IrLibrary lib = new IrLibrary(scenario);
        List<IrSpec> specs = new ArrayList<>();
        if (scenario.setup().ir() != null) {
            specs.add(scenario.setup().ir());
        }
        for (TimedMessage t : scenario.events()) {
            if (t.message() instanceof Message.SwapIr s) {
                specs.add(s.ir());
            }
        }
        for (IrSpec spec : specs) {
            lib.samples(spec);
        }
        return lib;
    }

    @Override
    public double[] samples(IrSpec spec) {
        double[] ir = prepared.get(spec);
        if (ir == null) {
            ir = prepare(spec);
            prepared.put(spec, ir);
        }
        return ir;
    }

    private double[] prepare(IrSpec spec) {
        int rate = scenario.sampleRate();
        if (spec instanceof IrSpec.Synthetic s) {
            return ImpulseResponses.synthetic(Seeds.derive(scenario.seed(), SYNTHETIC_STREAM), rate,
                    s.lengthFrames(), s.decayFrames());
        }
        IrSpec.File f = (IrSpec.File) spec;
        WavData wav = WavReader.readChecked(f.path(), f.position(), scenario.file());
        try {
            return ImpulseResponses.prepare(wav.mono(), wav.sampleRate(), rate);
        } catch (IllegalArgumentException e) {
            throw ScenarioException.at(scenario.file(), f.position(), f.path().getFileName() + ": " + e.getMessage());
        }
    }
}
