package io.blockwise.fuzz.plant;

import io.blockwise.dsp.ProcessSpec;
import io.blockwise.dsp.Stage;
import io.blockwise.dsp.StageType;
import java.util.concurrent.locks.LockSupport;

/**
 * A planted defect (see {@code PlantedDefect.BLOCKING_STAGE}): a {@code preamp} stage that parks
 * the audio thread for 20 us in every {@code process} call, as a stage waiting on a lock would.
 * Only built when a render asks for the defect on purpose; it passes audio through unchanged.
 */
final class ParkingPreamp extends Stage {
    ParkingPreamp() {
        super(StageType.PREAMP);
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
        LockSupport.parkNanos(20_000);
    }

    @Override
    public void reset() {
    }

    @Override
    protected void onParameter(int localIndex, double value, boolean glide) {
    }

    @Override
    protected void onChoice(int valueIndex) {
    }
}
