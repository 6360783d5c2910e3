package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.blockwise.engine.StageFactory;
import io.blockwise.scenario.StageSpec;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Every stage type and the oversampler allocate nothing on the audio thread: on a FRESH prepared
 * instance, a {@code setParameter} of each parameter and 200 blocks of 128 frames read exactly 0
 * bytes on this thread's allocation counter. The same path first runs on a throwaway instance,
 * to load and link the classes (which allocates on whichever thread gets there first) without
 * warming the instance under test.
 */
class StageAllocationTest {
    private static final int SR = 48000;
    private static final int BLOCK = 128;
    private static final int BLOCKS = 200;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** A value for each parameter that differs from its default, so every glide starts. */
    private static double[] newValues(StageType type) {
        double[] v = new double[type.paramCount()];
        for (int i = 0; i < v.length; i++) {
            ParamSpec p = type.param(i);
            v[i] = p.defaultValue() == p.max() ? p.min() + 0.3 * (p.max() - p.min()) : p.max() - 0.1 * (p.max() - p.min());
        }
        return v;
    }

    private static int[] globalIds(StageType type) {
        int[] ids = new int[type.paramCount()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = StageType.globalParamId(type.param(i).name());
        }
        return ids;
    }

    private static double[] signal() {
        double[] x = new double[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            x[i] = 0.5 * Math.sin(i * 0.07) + 0.1 * Math.sin(i * 1.3);
        }
        return x;
    }

    @Test
    void everyStageTypeProcessesAndTakesParametersWithoutAllocating() {
        double[] source = signal();
        double[] buf = new double[BLOCK];
        StringBuilder failures = new StringBuilder();
        for (StageType type : StageType.values()) {
            int[] ids = globalIds(type);
            double[] values = newValues(type);
            ProcessSpec spec = new ProcessSpec(SR, BLOCK);
            // Every value of the enumerated setting (clipper, model, class): each is its own path.
            int choices = type.choice() == null ? 1 : type.choice().values().size();
            for (int c = 0; c < choices; c++) {
                StageSpec stageSpec = type.choice() == null ? StageSpec.defaults(type) : StageSpec.defaults(type).withChoice(c);
                // Prime the JVM on a throwaway instance.
                AudioPaths.stage(StageFactory.build(stageSpec, spec), ids, values, source, buf);
                Stage fresh = StageFactory.build(stageSpec, spec);
                THREADS.getCurrentThreadAllocatedBytes();
                long before = THREADS.getCurrentThreadAllocatedBytes();
                AudioPaths.stage(fresh, ids, values, source, buf);
                long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
                if (allocated != 0) {
                    failures.append(type.formatName()).append(type.choice() == null ? "" : "/" + type.choice().values().get(c))
                            .append(": ").append(allocated).append(" bytes; ");
                }
            }
        }
        assertEquals("", failures.toString());
    }

    @Test
    void theOversamplerAtEveryFactorRunsWithoutAllocating() {
        double[] source = signal();
        double[] out = new double[BLOCK];
        StringBuilder failures = new StringBuilder();
        for (int factor : new int[] {2, 4, 8, 16}) {
            double[] up = new double[BLOCK * factor];
            AudioPaths.oversampler(new Oversampler(factor, BLOCK), source, up, out);
            Oversampler fresh = new Oversampler(factor, BLOCK);
            THREADS.getCurrentThreadAllocatedBytes();
            long before = THREADS.getCurrentThreadAllocatedBytes();
            AudioPaths.oversampler(fresh, source, up, out);
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            if (allocated != 0) {
                failures.append(factor).append("x: ").append(allocated).append(" bytes; ");
            }
        }
        assertEquals("", failures.toString());
    }

    /**
     * The measured audio-thread paths, in a class of their own with no string constant: when a
     * thread's call counter requests a C2 compile, HotSpot first resolves (creates) every
     * not-yet-resolved string constant of the method's class on that thread, which would show
     * up as a one-off allocation here if these methods lived in the test class with its messages.
     */
    static final class AudioPaths {
        private AudioPaths() {
        }

        /** Sets every parameter, then processes the blocks. */
        static void stage(Stage stage, int[] ids, double[] values, double[] source, double[] buf) {
            for (int i = 0; i < ids.length; i++) {
                stage.setParameter(ids[i], values[i]);
            }
            for (int b = 0; b < BLOCKS; b++) {
                System.arraycopy(source, 0, buf, 0, BLOCK);
                stage.process(buf, 0, BLOCK);
            }
        }

        /** Up, hard clip, down for every block; then a reset. */
        static void oversampler(Oversampler os, double[] source, double[] up, double[] out) {
            for (int b = 0; b < BLOCKS; b++) {
                os.upsample(source, 0, BLOCK, up);
                for (int i = 0; i < BLOCK * os.factor(); i++) {
                    up[i] = Clipper.HARD.shape(2 * up[i]);
                }
                os.downsample(up, out, 0, BLOCK);
            }
            os.reset();
        }
    }
}
