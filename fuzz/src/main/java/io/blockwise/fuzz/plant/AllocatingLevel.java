package io.blockwise.fuzz.plant;

import io.blockwise.dsp.ProcessSpec;
import io.blockwise.dsp.Stage;
import io.blockwise.dsp.StageType;

/**
 * A planted defect (see {@code PlantedDefect.ALLOCATING_STAGE}): a {@code level} stage that
 * allocates on the audio thread in every {@code process} call, as a careless stage would. Only
 * built when a render asks for the defect on purpose.
 */
final class AllocatingLevel extends Stage {
    // rt only: keeps the allocation observable (escape analysis cannot remove it).
    private double[] last;
    private double gain = 1;

    AllocatingLevel() {
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
        last = new double[2];
        last[0] = gain;
        for (int i = off, end = off + len; i < end; i++) {
            buf[i] *= last[0];
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
