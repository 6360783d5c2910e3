package io.blockwise.render;

import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioException;
import io.blockwise.scenario.SourceSpec;
import java.util.List;

/**
 * The engine's input: the sum of a scenario's sources, produced block by block. The result is a
 * function of the scenario alone: every source is either computed from the absolute frame index
 * (sine, sweep, impulse, file) or a state machine advanced strictly in frame order (noise, pluck),
 * and the sources are summed in list order for every frame, so filling one frame at a time or 4096
 * at a time gives identical doubles.
 *
 * <p>Random sources draw from their own stream, {@code Seeds.derive(seed, index in the input list)},
 * so adding a source never changes another's noise.
 *
 * <p>Control thread (the driver fills each block before handing it to the audio thread); not thread
 * safe. {@link #fill} allocates nothing.
 */
public final class InputSignal {
    private final SourceGenerator[] generators;
    private long nextFrame;

    private InputSignal(SourceGenerator[] generators) {
        this.generators = generators;
    }

    /**
     * Control thread. Builds the sources of {@code scenario}, reading file sources now; a file at
     * another rate than the scenario's, or unreadable, is a {@link ScenarioException} at the
     * position of its path.
     */
    public static InputSignal of(Scenario scenario) {
        List<SourceSpec> inputs = scenario.inputs();
        SourceGenerator[] gens = new SourceGenerator[inputs.size()];
        int count = 0;
        for (int i = 0; i < inputs.size(); i++) {
            SourceGenerator g = generator(scenario, inputs.get(i), Seeds.derive(scenario.seed(), i));
            if (g != null) {
                gens[count++] = g;
            }
        }
        return new InputSignal(java.util.Arrays.copyOf(gens, count));
    }

    private static SourceGenerator generator(Scenario sc, SourceSpec spec, long seed) {
        int sr = sc.sampleRate();
        if (spec instanceof SourceSpec.Sine s) {
            return new SineSource(s.freq(), s.amp(), s.phase(), sr);
        } else if (spec instanceof SourceSpec.Sweep s) {
            return new SweepSource(s.from(), s.to(), s.amp(), s.curve(), sr, sc.durationFrames());
        } else if (spec instanceof SourceSpec.Noise s) {
            return new NoiseSource(seed, s.color() == SourceSpec.NoiseColor.PINK, s.amp());
        } else if (spec instanceof SourceSpec.Impulse s) {
            return new ImpulseSource(s.atFrame(), s.amp());
        } else if (spec instanceof SourceSpec.Pluck s) {
            return new PluckSource(s, sr, seed);
        } else if (spec instanceof SourceSpec.File s) {
            WavData data = WavReader.readChecked(s.path(), s.position(), sc.file());
            if (data.sampleRate() != sr) {
                throw ScenarioException.at(sc.file(), s.position(), s.path() + ": sample rate "
                        + data.sampleRate() + " Hz does not match the scenario's sampleRate " + sr
                        + " Hz; allowed: a WAV at " + sr + " Hz");
            }
            return new FileSource(data.mono());
        } else if (spec instanceof SourceSpec.Silence) {
            return null;
        }
        throw new IllegalArgumentException("unknown source " + spec);
    }

    /**
     * Control thread. Writes the input for frames {@code [startFrame, startFrame + frames)} into
     * {@code buf[off .. off + frames)}. Calls must cover consecutive ranges starting at frame 0.
     */
    public void fill(double[] buf, int off, long startFrame, int frames) {
        if (startFrame != nextFrame) {
            throw new IllegalStateException("fill must be called with consecutive ranges: expected frame "
                    + nextFrame + ", got " + startFrame);
        }
        if (off < 0 || frames < 0 || off + frames > buf.length) {
            throw new IndexOutOfBoundsException("off " + off + ", frames " + frames + ", length " + buf.length);
        }
        java.util.Arrays.fill(buf, off, off + frames, 0.0);
        for (SourceGenerator g : generators) {
            g.add(buf, off, startFrame, frames);
        }
        nextFrame = startFrame + frames;
    }
}
