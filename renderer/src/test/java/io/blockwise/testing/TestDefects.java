package io.blockwise.testing;

import io.blockwise.dsp.ProcessSpec;
import io.blockwise.dsp.Stage;
import io.blockwise.dsp.StageType;
import io.blockwise.engine.EngineHooks;
import io.blockwise.engine.StageFactory;
import io.blockwise.scenario.StageSpec;
import java.util.concurrent.locks.LockSupport;

/**
 * Defective stages for the renderer's own tests of its checks, planted through
 * {@link EngineHooks#stage} (the fuzzer's {@code --plant} has its own, in its module): every
 * {@code level} stage allocating in each {@code process} call, or every {@code preamp} parking the
 * audio thread for 20 us.
 */
public final class TestDefects {
    private TestDefects() {
    }

    /** Hooks whose {@code level} stages allocate a {@code double[2]} per {@code process} call. */
    public static EngineHooks allocatingLevel() {
        return new EngineHooks() {
            @Override
            public Stage stage(StageSpec spec, ProcessSpec ps) {
                return spec.type() == StageType.LEVEL ? StageFactory.configure(new Defective(StageType.LEVEL, false),
                        spec, ps) : StageFactory.build(spec, ps);
            }
        };
    }

    /** Hooks whose {@code preamp} stages park the audio thread in each {@code process} call. */
    public static EngineHooks parkingPreamp() {
        return new EngineHooks() {
            @Override
            public Stage stage(StageSpec spec, ProcessSpec ps) {
                return spec.type() == StageType.PREAMP ? StageFactory.configure(new Defective(StageType.PREAMP, true),
                        spec, ps) : StageFactory.build(spec, ps);
            }
        };
    }

    /** Passes audio through, and allocates or parks in each process call. */
    private static final class Defective extends Stage {
        private final boolean parks;
        // rt only: keeps the allocation observable (escape analysis cannot remove it).
        private double[] last;

        Defective(StageType type, boolean parks) {
            super(type);
            this.parks = parks;
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
            if (parks) {
                LockSupport.parkNanos(20_000);
            } else {
                last = new double[2];
                last[0] = len;
            }
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
}
