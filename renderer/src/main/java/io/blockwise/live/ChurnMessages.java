package io.blockwise.live;

import io.blockwise.dsp.ParamSpec;
import io.blockwise.dsp.StageType;
import io.blockwise.scenario.IrSpec;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.StageSpec;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random valid messages for a churn thread: parameter changes, stage adds, removes, replaces,
 * swaps and bypasses, IR swaps (synthetic IRs of {@code irSeconds}), pitch and oversampling
 * changes. Valid means the scenario reader would accept them (indices non-negative, values in the
 * range of a stage type having that parameter); the audio thread may still refuse one (an index
 * past the chain's end, a chain at {@code maxChainLength}), which is part of the churn. Drawn from
 * a seeded stream, but which of them the engine takes when depends on the threads' timing; the
 * capture records what happened. One instance per churn thread.
 */
public final class ChurnMessages implements ChurnSource {
    private static final StageType[] TYPES = StageType.values();
    private static final int[] FACTORS = {1, 2, 4};

    private final SplittableRandom random;
    private final int maxChainLength;
    private final List<IrSpec> irs;
    private final int irCrossfadeFrames;

    /**
     * Control thread. Messages for a chain of at most {@code maxChainLength} stages, IRs of
     * {@code irFrames} frames at {@code sampleRate}, drawn from {@code seed}.
     */
    public ChurnMessages(long seed, int sampleRate, int maxChainLength, long irFrames) {
        this.random = new SplittableRandom(seed);
        this.maxChainLength = maxChainLength;
        // Two IRs, so that swaps alternate between different responses; each is prepared once.
        this.irs = List.of(new IrSpec.Synthetic(irFrames, Math.max(1, irFrames / 4)),
                new IrSpec.Synthetic(irFrames, Math.max(1, irFrames / 8)));
        this.irCrossfadeFrames = Math.max(1, sampleRate / 100);
    }

    /** Control thread. The IRs the churn swaps in (to prepare before the session starts). */
    @Override
    public List<IrSpec> irs() {
        return irs;
    }

    /** Control thread (the churn thread that owns this instance). The next message. */
    @Override
    public Message next() {
        int roll = random.nextInt(100);
        if (roll < 30) {
            return parameter();
        } else if (roll < 42) {
            return new Message.AddStage(index(true), stage());
        } else if (roll < 54) {
            return new Message.RemoveStage(index(false));
        } else if (roll < 66) {
            return new Message.ReplaceStage(index(false), stage());
        } else if (roll < 71) {
            return new Message.SwapStages(index(false), index(false));
        } else if (roll < 76) {
            return new Message.SetStageBypassed(index(false), random.nextBoolean());
        } else if (roll < 86) {
            return new Message.SwapIr(irs.get(random.nextInt(irs.size())), irCrossfadeFrames);
        } else if (roll < 89) {
            return new Message.SetIrGain(0.5 + random.nextDouble());
        } else if (roll < 95) {
            return new Message.SetPitchShift(random.nextInt(25) - 12);
        } else {
            return new Message.SetOversampling(FACTORS[random.nextInt(FACTORS.length)]);
        }
    }

    private int index(boolean insert) {
        return random.nextInt(maxChainLength + (insert ? 1 : 0));
    }

    private Message parameter() {
        StageType type = TYPES[random.nextInt(TYPES.length)];
        ParamSpec p = type.param(random.nextInt(type.paramCount()));
        return new Message.SetParameter(index(false), p.name(), value(p));
    }

    private StageSpec stage() {
        StageType type = TYPES[random.nextInt(TYPES.length)];
        StageSpec spec = StageSpec.defaults(type);
        int i = random.nextInt(type.paramCount());
        return spec.with(i, value(type.param(i)));
    }

    private double value(ParamSpec p) {
        // Rounded to 1/1000 of the range: exact in the capture's JSON and easy to read.
        double steps = 1000;
        double v = p.min() + Math.round(random.nextDouble() * steps) / steps * (p.max() - p.min());
        return Math.min(p.max(), Math.max(p.min(), v));
    }
}
