package io.blockwise.fuzz.plant;

import io.blockwise.dsp.ProcessSpec;
import io.blockwise.dsp.Stage;
import io.blockwise.dsp.StageType;

/**
 * A planted defect ({@link PlantedDefect#JUMPING_PARAMETER}): a {@code level} stage whose gain
 * jumps to a new value at the block a {@code setParameter} is applied, instead of gliding over
 * 20 ms as every stage's parameters do. Heard as a click; found by the click oracle.
 */
final class JumpingLevel extends Stage {
    // rt only once live.
    private double gain = 1;

    JumpingLevel() {
        super(StageType.LEVEL);
    }

    @Override
    protected void onPrepare(ProcessSpec processSpec) {
    }

    @Override
    public long bytes() {
        return 0;
    }

    @Override
    public void process(double[] buf, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            buf[i] *= gain;
        }
    }

    @Override
    public void reset() {
    }

    @Override
    protected void onParameter(int localIndex, double value, boolean glide) {
        gain = value;
    }
}
