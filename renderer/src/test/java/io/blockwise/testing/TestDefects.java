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
 * {@code level} stage allocating in each {@code process} call, every {@code preamp} parking the
 * audio thread for 20 us, or every {@code level} stage taking a lock, sleeping and allocating.
 */
public final class TestDefects {
    private TestDefects() {
    }

    /** Hooks whose {@code level} stages allocate a {@code double[2]} per {@code process} call. */
    public static EngineHooks allocatingLevel() {
        return new EngineHooks() {
            @Override
            public Stage stage(StageSpec spec, ProcessSpec ps) {
                return spec.type() == StageType.LEVEL ? StageFactory.configure(
                        new Defective(StageType.LEVEL, Misdeed.ALLOCATE, null), spec, ps) : StageFactory.build(spec, ps);
            }
        };
    }

    /**
     * Hooks whose {@code level} stages, in each {@code process} call, enter {@code lock}'s monitor
     * (contended whenever another thread holds it), sleep 0.2 ms and allocate a {@code double[4096]}.
     */
    public static EngineHooks lockingSleepingAllocatingLevel(Object lock) {
        return new EngineHooks() {
            @Override
            public Stage stage(StageSpec spec, ProcessSpec ps) {
                return spec.type() == StageType.LEVEL ? StageFactory.configure(
                        new Defective(StageType.LEVEL, Misdeed.LOCK_SLEEP_ALLOCATE, lock), spec, ps)
                        : StageFactory.build(spec, ps);
            }
        };
    }

    /** Hooks whose {@code preamp} stages park the audio thread in each {@code process} call. */
    public static EngineHooks parkingPreamp() {
        return new EngineHooks() {
            @Override
            public Stage stage(StageSpec spec, ProcessSpec ps) {
                return spec.type() == StageType.PREAMP ? StageFactory.configure(
                        new Defective(StageType.PREAMP, Misdeed.PARK, null), spec, ps) : StageFactory.build(spec, ps);
            }
        };
    }

    /** What a {@link Defective} stage does wrong. */
    enum Misdeed { ALLOCATE, PARK, LOCK_SLEEP_ALLOCATE }

    /** Passes audio through, and allocates, parks, or locks, sleeps and allocates in each process call. */
    private static final class Defective extends Stage {
        private final Misdeed misdeed;
        private final Object lock;
        // rt only: keeps the allocation observable (escape analysis cannot remove it).
        private double[] last;

        Defective(StageType type, Misdeed misdeed, Object lock) {
            super(type);
            this.misdeed = misdeed;
            this.lock = lock;
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
            // No switch on the enum: that would load a synthetic class on the audio thread.
            if (misdeed == Misdeed.PARK) {
                LockSupport.parkNanos(20_000);
            } else if (misdeed == Misdeed.ALLOCATE) {
                last = new double[2];
                last[0] = len;
            } else {
                synchronized (lock) {
                    buf[off] *= 1;
                }
                try {
                    Thread.sleep(0, 200_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                last = new double[4 * 1024];
                last[0] = buf[off];
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
