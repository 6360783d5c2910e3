package io.blockwise.render;

import io.blockwise.dsp.ImpulseResponses;
import io.blockwise.engine.IrSource;
import io.blockwise.scenario.IrSpec;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioException;
import io.blockwise.scenario.TimedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The impulse responses a scenario names, prepared for its rate before block 0 (so that a bad IR
 * file is an error before the render starts, with its file, line and column): file IRs are read,
 * mixed to mono, resampled, trimmed and normalised once per path; synthetic IRs are generated
 * from the scenario seed (stream {@link #SYNTHETIC_STREAM}), so the same length and decay always
 * give the same IR. Any control thread: live mode's senders build IRs at once, each outside any
 * lock; two threads asking for the same new IR may both prepare it (the result is the same), and
 * the first stored wins.
 */
public final class IrLibrary implements IrSource {
    /** IR files are taken at these rates: resampling cost grows with the ratio to the engine's rate. */
    static final int MIN_FILE_RATE = 1000;
    static final int MAX_FILE_RATE = 768000;

    /** The seed stream of synthetic IRs, derived from the scenario seed. */
    static final long SYNTHETIC_STREAM = 0x4952L; // "IR"

    private final Scenario scenario;
    // Written and read by any control thread (a concurrent map: no lock spans a preparation).
    private final Map<IrSpec, double[]> prepared = new ConcurrentHashMap<>();

    private IrLibrary(Scenario scenario) {
        this.scenario = scenario;
    }

    /** Control thread. Prepares every IR of {@code scenario}. */
    public static IrLibrary of(Scenario scenario) {
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

    /** Any control thread. The samples of {@code spec}, prepared on first use. */
    @Override
    public double[] samples(IrSpec spec) {
        double[] ir = prepared.get(spec);
        if (ir == null) {
            double[] fresh = prepare(spec);
            ir = prepared.putIfAbsent(spec, fresh);
            if (ir == null) {
                ir = fresh;
            }
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
        String sizeProblem = sizeProblem(wav);
        if (sizeProblem != null) {
            throw ScenarioException.at(scenario.file(), f.position(), f.path().getFileName() + ": " + sizeProblem);
        }
        try {
            return ImpulseResponses.prepare(wav.mono(), wav.sampleRate(), rate);
        } catch (IllegalArgumentException e) {
            throw ScenarioException.at(scenario.file(), f.position(), f.path().getFileName() + ": " + e.getMessage());
        }
    }

    /**
     * Checked before resampling, whose cost grows with the length and the rate ratio: the file's
     * rate, and its length without trailing silence (below -120 dB of the peak, as
     * {@link ImpulseResponses#prepare} trims it) at its own rate. Null when both are fine.
     */
    static String sizeProblem(WavData wav) {
        int rate = wav.sampleRate();
        if (rate < MIN_FILE_RATE || rate > MAX_FILE_RATE) {
            return "IR sample rate " + rate + " Hz; allowed: " + MIN_FILE_RATE + ".." + MAX_FILE_RATE + " Hz";
        }
        double[][] ch = wav.channelData();
        double peak = 0;
        for (double[] c : ch) {
            for (double v : c) {
                peak = Math.max(peak, Math.abs(v));
            }
        }
        double floor = peak * 1e-6;
        int end = wav.frames();
        while (end > 1 && below(ch, end - 1, floor)) {
            end--;
        }
        if (end > (long) ImpulseResponses.MAX_SECONDS * rate) {
            return "IR is " + end + " frames at " + rate + " Hz (" + (end / rate) + " s without its trailing silence)"
                    + "; allowed: at most " + ImpulseResponses.MAX_SECONDS + " s";
        }
        return null;
    }

    private static boolean below(double[][] ch, int frame, double floor) {
        for (double[] c : ch) {
            if (Math.abs(c[frame]) >= floor) {
                return false;
            }
        }
        return true;
    }
}
