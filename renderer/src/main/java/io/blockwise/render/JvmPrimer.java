package io.blockwise.render;

import io.blockwise.dsp.ImpulseResponses;
import io.blockwise.dsp.StageType;
import io.blockwise.engine.Command;
import io.blockwise.engine.Engine;
import io.blockwise.engine.EngineConfig;
import io.blockwise.engine.EngineHandle;
import io.blockwise.engine.RigMonitor;
import io.blockwise.record.Encoding;
import io.blockwise.record.Recorder;
import io.blockwise.record.TakeSink;
import io.blockwise.record.TakeWriter;
import io.blockwise.rt.Collector;
import io.blockwise.rt.EventLog;
import io.blockwise.rt.ResourceRegistry;
import io.blockwise.rt.RetireQueue;
import io.blockwise.rt.StringConstantInterner;
import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.IrSpec;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.StageSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the JVM ready for an audio thread that must allocate nothing from its first block, without
 * touching the engine that will be measured. Two steps, once per JVM, on the control thread:
 * <ol>
 *   <li>Intern the string constants of every class that can run on the audio thread (the
 *       packages {@code io.blockwise.dsp, engine, rt, render}, JTransforms and JLargeArrays, each
 *       jar read once, and the JDK classes behind StrictMath, VarHandles and the allocation
 *       counter): a C2 compile requested by the audio thread resolves its class's
 *       string constants on that thread, which otherwise allocates them there.</li>
 *   <li>Run every command kind and every stage kind through a throwaway engine, on this thread
 *       and then on a throwaway audio thread, so that class loading, initialisation and
 *       constant-pool linking (which allocate on whichever thread gets there first) are done.</li>
 * </ol>
 * DESIGN-NOTES.md records the measurements behind this.
 */
public final class JvmPrimer {
    private static final int PRIMING_BLOCK = 64;
    /**
     * The classes that can run on the audio thread, as class-file resource prefixes: the engine's
     * packages (with recording and its {@code Encoding}), JTransforms and JLargeArrays.
     */
    static final List<String> AUDIO_REACHABLE_PACKAGES = List.of("io/blockwise/dsp/", "io/blockwise/engine/",
            "io/blockwise/rt/", "io/blockwise/record/", "io/blockwise/render/", "org/jtransforms/",
            "pl/edu/icm/jlargearrays/");
    // Written and read under the class lock.
    private static boolean primed;

    private JvmPrimer() {
    }

    /** Control thread. Idempotent; the first call takes a few hundred milliseconds. */
    public static synchronized void ensurePrimed() {
        if (primed) {
            return;
        }
        internStringConstants();
        primeOnThisThread();
        primeOnAnAudioThread();
        primed = true;
    }

    private static void internStringConstants() {
        // Only what the audio thread can reach (RtForensicsTest names any class this misses), and
        // each jar once: in the shaded CLI jar all three anchors are one jar of ~5000 classes.
        StringConstantInterner.internPackages(
                List.of(Engine.class, org.jtransforms.fft.DoubleFFT_1D.class, pl.edu.icm.jlargearrays.ConcurrencyUtils.class),
                AUDIO_REACHABLE_PACKAGES);
        String[][] jdk = {
            {"java.base", "java/lang/StrictMath"}, {"java.base", "java/lang/FdLibm"},
            {"java.base", "java/lang/Math"}, {"java.base", "java/lang/Thread"},
            {"java.base", "java/lang/System"}, {"java.base", "java/lang/Double"},
            {"java.base", "java/lang/invoke/VarHandle"}, {"java.base", "java/lang/invoke/VarForm"},
            {"java.base", "java/util/Arrays"}, {"java.base", "jdk/internal/misc/Unsafe"},
            {"java.base", "java/util/concurrent/atomic/"},
            // Libraries that reach Unsafe through sun.misc (found with JFR, see RtForensicsTest).
            {"jdk.unsupported", "sun/misc/Unsafe"},
            {"java.management", "sun/management/"},
            {"jdk.management", "com/sun/management/internal/"},
        };
        for (String[] entry : jdk) {
            StringConstantInterner.internJdk(entry[0], entry[1]);
        }
    }

    private static void primeOnThisThread() {
        for (int round = 0; round < 2; round++) {
            Rig rig = new Rig();
            long frame = 0;
            for (Message m : primingMessages()) {
                rig.send(m);
                for (int b = 0, n = blocksAfter(m); b < n; b++) {
                    int frames = PRIMING_BLOCK - b % 3;
                    rig.engine.process(rig.in, rig.out, frames, frame);
                    frame += frames;
                    rig.afterBlock();
                }
            }
            rig.engine.shutdown();
            rig.afterBlock();
            primeRecorderOverrun(rig.in);
        }
    }

    /** The path where a take's frame pool runs dry (a stalled writer): overruns, then a drain. */
    private static void primeRecorderOverrun(double[] block) {
        Recorder r = Recorder.withPool(1, Encoding.PCM16, PRIMING_BLOCK, 2);
        for (int i = 0; i < 6; i++) {
            r.record(block, 0, PRIMING_BLOCK, (long) i * PRIMING_BLOCK);
        }
        r.stop();
        TakeWriter w = new TakeWriter(r, DISCARD);
        while (!Rig.drain(w)) {
            Thread.onSpinWait();
        }
    }

    /**
     * Blocks to run after a message: enough for every code path it opens to run at least once
     * (the tuner analyses and the pitch shifter hops only every few thousand frames).
     */
    private static int blocksAfter(Message m) {
        return m.accept(BlocksAfter.INSTANCE);
    }

    /** {@link #blocksAfter}, per kind of message: 160 for the slow analysers, 3 otherwise. */
    private static final class BlocksAfter implements Message.Visitor<Integer> {
        static final BlocksAfter INSTANCE = new BlocksAfter();
        private static final int FEW = 3;
        private static final int ANALYSER = 160;

        @Override
        public Integer visit(Message.SetChain m) {
            return FEW;
        }

        @Override
        public Integer visit(Message.SetInputFilters m) {
            return FEW;
        }

        @Override
        public Integer visit(Message.SetParameter m) {
            return FEW;
        }

        @Override
        public Integer visit(Message.ReplaceStage m) {
            return FEW;
        }

        @Override
        public Integer visit(Message.AddStage m) {
            return FEW;
        }

        @Override
        public Integer visit(Message.RemoveStage m) {
            return FEW;
        }

        @Override
        public Integer visit(Message.SwapStages m) {
            return FEW;
        }

        @Override
        public Integer visit(Message.SetStageBypassed m) {
            return FEW;
        }

        @Override
        public Integer visit(Message.SwapIr m) {
            return FEW;
        }

        @Override
        public Integer visit(Message.ClearIr m) {
            return FEW;
        }

        @Override
        public Integer visit(Message.SetIrBypass m) {
            return FEW;
        }

        @Override
        public Integer visit(Message.SetIrGain m) {
            return FEW;
        }

        @Override
        public Integer visit(Message.SetPitchShift m) {
            return m.semitones() != 0 ? ANALYSER : FEW;
        }

        @Override
        public Integer visit(Message.SetOversampling m) {
            return FEW;
        }

        @Override
        public Integer visit(Message.SetTunerEnabled m) {
            return m.enabled() ? ANALYSER : FEW;
        }

        @Override
        public Integer visit(Message.SetMetronome m) {
            return ANALYSER;
        }

        @Override
        public Integer visit(Message.StartRecording m) {
            return FEW;
        }

        @Override
        public Integer visit(Message.StopRecording m) {
            return FEW;
        }
    }

    private static void primeOnAnAudioThread() {
        Rig rig = new Rig();
        try (RtThread rt = new RtThread(rig.engine)) {
            long frame = 0;
            for (Message m : primingMessages()) {
                rig.send(m);
                for (int b = 0, n = blocksAfter(m); b < n; b++) {
                    rt.processBlock(rig.in, rig.out, PRIMING_BLOCK, frame);
                    frame += PRIMING_BLOCK;
                    rig.afterBlock();
                }
            }
            rt.shutdownEngine();
            rig.afterBlock();
        }
    }

    /** Every message kind, including ones the engine refuses, over every stage kind it has. */
    private static List<Message> primingMessages() {
        List<StageSpec> every = new ArrayList<>();
        for (StageType t : StageType.values()) {
            every.add(StageSpec.defaults(t));
            every.add(StageSpec.defaults(t).withBypassed(true));
        }
        StageSpec first = every.get(0);
        List<Message> ms = new ArrayList<>();
        ms.add(new Message.SetChain(every));
        ms.add(new Message.SetInputFilters(80.0, 6000.0));
        for (StageType t : StageType.values()) {
            for (int i = 0; i < t.paramCount(); i++) {
                ms.add(new Message.SetParameter(0, t.param(i).name(), t.param(i).max()));
                ms.add(new Message.SetParameter(0, t.param(i).name(), t.param(i).max() + 1));
            }
        }
        ms.add(new Message.ReplaceStage(1, first));
        ms.add(new Message.ReplaceStage(999, first));
        ms.add(new Message.AddStage(0, first));
        ms.add(new Message.AddStage(999, first));
        ms.add(new Message.RemoveStage(0));
        ms.add(new Message.RemoveStage(999));
        ms.add(new Message.SwapStages(0, 1));
        ms.add(new Message.SwapStages(0, 999));
        ms.add(new Message.SetStageBypassed(0, true));
        ms.add(new Message.SetStageBypassed(0, false));
        ms.add(new Message.SetStageBypassed(999, false));
        for (int i = 0; i < 40; i++) {
            ms.add(new Message.AddStage(0, first)); // fills the small priming chain: CHAIN_FULL
        }
        List<StageSpec> tooLong = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tooLong.add(first);
        }
        ms.add(new Message.SetChain(tooLong));
        ms.add(new Message.SetInputFilters(null, null));
        IrSpec ir = new IrSpec.Synthetic(2400, 480);
        for (int factor : new int[] {2, 4, 8, 16, 1}) {
            ms.add(new Message.SetOversampling(factor));
        }
        ms.add(new Message.SwapIr(ir, 32));
        ms.add(new Message.SwapIr(ir, 0));
        ms.add(new Message.SwapIr(ir, 200));
        ms.add(new Message.SetIrGain(0.5));
        ms.add(new Message.SetIrBypass(true));
        ms.add(new Message.SetIrBypass(false));
        ms.add(new Message.ClearIr());
        ms.add(new Message.SetPitchShift(3));
        ms.add(new Message.SetPitchShift(-5));
        ms.add(new Message.SetTunerEnabled(true));
        ms.add(new Message.SetTunerEnabled(false));
        ms.add(new Message.SetMetronome(true, 300, 0.5));
        ms.add(new Message.SetMetronome(false, 120, 0.5));
        ms.add(new Message.StartRecording(Encoding.PCM16));
        ms.add(new Message.StartRecording(Encoding.FLOAT32));
        ms.add(new Message.StopRecording());
        ms.add(new Message.StopRecording());
        ms.add(new Message.StartRecording(Encoding.PCM24));
        ms.add(new Message.SetPitchShift(0));
        ms.add(new Message.SetChain(List.of()));
        return ms;
    }

    private static final TakeSink DISCARD = new TakeSink() {
        @Override
        public void write(double[] samples, int len) {
        }

        @Override
        public void close() {
        }
    };

    /** A throwaway engine with its control-side parts. */
    private static final class Rig {
        final RetireQueue retireQueue = new RetireQueue();
        final EventLog log = new EventLog();
        final ResourceRegistry registry = new ResourceRegistry();
        final Engine engine = new Engine(new EngineConfig(48000, PRIMING_BLOCK, 8, 8, 32), retireQueue);
        final EngineHandle handle = new EngineHandle(engine, registry, log,
                spec -> ImpulseResponses.synthetic(1, 48000, 2400, 480), io.blockwise.engine.EngineHooks.NONE);
        final RigMonitor monitor = new RigMonitor(engine, log);
        final List<TakeWriter> takes = new ArrayList<>();
        final Collector collector = new Collector(retireQueue, registry, log);
        final double[] in = new double[PRIMING_BLOCK];
        final double[] out = new double[PRIMING_BLOCK];

        Rig() {
            for (int i = 0; i < PRIMING_BLOCK; i++) {
                in[i] = 0.5 * StrictMath.sin(i * 0.3);
            }
            handle.installSetup(EngineSetup.empty());
        }

        void send(Message m) {
            Command c = handle.build(m);
            handle.send(c);
        }

        void afterBlock() {
            handle.drainRtEvents();
            monitor.poll(0, 0);
            collector.drain(0, 0);
            for (Recorder r : handle.takeNewRecorders()) {
                takes.add(new TakeWriter(r, DISCARD));
            }
            takes.removeIf(Rig::drain);
        }

        private static boolean drain(TakeWriter w) {
            try {
                return w.drain();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
