package io.blockwise.live.device;

import io.blockwise.dsp.StageType;
import io.blockwise.live.ChurnSource;
import io.blockwise.scenario.IrSpec;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.StageSpec;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Churn that goes through every part of the message path (the many-to-one queue, the order lock,
 * stages built, applied, refused, retired and freed) yet leaves the sound of a chain whose stage 0
 * is a level stage at gain {@link #GAIN} alone: it sets that gain to the value it has, replaces the
 * stage with an equal one, and adds and removes unity-gain level stages after it (index 1 and up,
 * so stage 0 is never moved or removed; an index past the chain's end is refused). So a glitch
 * heard through the device is the device path's, not an edit's. Control thread (one instance per
 * churn thread).
 */
final class InaudibleChurn implements ChurnSource {
    static final double GAIN = 0.5;

    private final SplittableRandom random;
    private final int maxChainLength;

    InaudibleChurn(long seed, int sampleRate, int maxChainLength, long irFrames) {
        this.random = new SplittableRandom(seed);
        this.maxChainLength = maxChainLength;
    }

    @Override
    public Message next() {
        int roll = random.nextInt(100);
        if (roll < 35) {
            return new Message.SetParameter(0, "gain", GAIN);
        } else if (roll < 45) {
            return new Message.ReplaceStage(0, StageSpec.defaults(StageType.LEVEL).with(0, GAIN));
        } else if (roll < 75) {
            return new Message.AddStage(1 + random.nextInt(maxChainLength), StageSpec.defaults(StageType.LEVEL));
        } else {
            return new Message.RemoveStage(1 + random.nextInt(maxChainLength - 1));
        }
    }

    @Override
    public List<IrSpec> irs() {
        return List.of();
    }
}
