package io.blockwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.dsp.ImpulseResponses;
import io.blockwise.dsp.ParamSpec;
import io.blockwise.dsp.StageType;
import io.blockwise.dsp.TunerSnapshot;
import io.blockwise.record.Encoding;
import io.blockwise.record.FramePool;
import io.blockwise.record.Recorder;
import io.blockwise.record.TakeSink;
import io.blockwise.record.TakeWriter;
import io.blockwise.render.RtThread;
import io.blockwise.rt.Collector;
import io.blockwise.rt.EventLog;
import io.blockwise.rt.LogEvent;
import io.blockwise.rt.ResourceRegistry;
import io.blockwise.rt.RetireQueue;
import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.IrSpec;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.StageSpec;
import io.blockwise.testing.AllocationGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message of the format (and every stage type, with a {@code setParameter} of each of its
 * parameters) on a FRESH engine running on the real audio thread: the first message is built and
 * sent before block 0, later ones before the block they name, and every block is measured from
 * block 0 until the engine's shutdown. The JVM is primed by {@link AllocationGuard#primeJvm()}
 * (a throwaway engine), never the engine under test. Surefire runs this class twice, the second
 * time C1-only ({@code -XX:TieredStopAtLevel=1}), where escape analysis cannot hide an allocation.
 *
 * <p>Each case also checks that every message was applied or refused (as expected) inside the
 * measured scope, that the code path it opens actually ran (tuner readings, overruns), and that
 * every resource built was freed by the collector at the end.
 */
class MessageAllocationTest {
    static final int RATE = 48000;
    static final int BLOCK = 128;
    static final int BLOCKS = 300;
    static final long IR_SEED = 7;

    @BeforeAll
    static void primeTheJvmNotTheEngine() {
        AllocationGuard.primeJvm();
    }

    /** How the writer role treats recorder takes during the measured blocks. */
    enum Writer { DRAINS_EVERY_BLOCK, NEVER_DRAINS }

    /** One message, sent before block {@code block}, expected to be applied or refused. */
    record Step(int block, Message message, boolean applied) { }

    /** What happened in a case, for its own postconditions. */
    record Outcome(List<LogEvent> events, long tunerReadings) { }

    /** A case: the set-up state, the messages, the writer's behaviour and a postcondition. */
    record Case(EngineSetup setup, List<Step> steps, Writer writer, Consumer<Outcome> check) { }

    static Step apply(int block, Message m) {
        return new Step(block, m, true);
    }

    static Step refuse(int block, Message m) {
        return new Step(block, m, false);
    }

    static StageSpec preamp() {
        return StageSpec.defaults(StageType.PREAMP);
    }

    static StageSpec level(double gain) {
        return StageSpec.defaults(StageType.LEVEL).with(0, gain);
    }

    static EngineSetup setup(List<StageSpec> chain, IrSpec ir) {
        return new EngineSetup(null, null, 1, chain, ir, 1, 0, false, EngineSetup.Metronome.OFF);
    }

    static EngineSetup twoStages() {
        return setup(List.of(preamp(), level(0.5)), null);
    }

    static IrSpec synthetic(long length, long decay) {
        return new IrSpec.Synthetic(length, decay);
    }

    static Consumer<Outcome> nothingMore() {
        return o -> { };
    }

    static Arguments of(String name, EngineSetup setup, Step... steps) {
        return Arguments.of(name, new Case(setup, List.of(steps), Writer.DRAINS_EVERY_BLOCK, nothingMore()));
    }

    static Stream<Arguments> messages() {
        IrSpec ir = synthetic(4800, 1200);
        IrSpec other = synthetic(2400, 300);
        int pool = FramePool.framesFor(RATE, BLOCK);
        return Stream.of(
                of("setChain", twoStages(), apply(0, new Message.SetChain(List.of(level(1.5), preamp(), preamp()))),
                        apply(100, new Message.SetChain(List.of()))),
                of("setInputFilters", twoStages(), apply(0, new Message.SetInputFilters(100.0, 8000.0)),
                        apply(100, new Message.SetInputFilters(null, 5000.0)),
                        apply(200, new Message.SetInputFilters(null, null))),
                of("setParameter", twoStages(), apply(0, new Message.SetParameter(1, "gain", 1.8)),
                        refuse(1, new Message.SetParameter(0, "gain", 11)),
                        refuse(2, new Message.SetParameter(0, "feedback", 0.5)),
                        refuse(3, new Message.SetParameter(5, "gain", 1))),
                of("replaceStage", twoStages(), apply(0, new Message.ReplaceStage(0, level(0.3))),
                        refuse(1, new Message.ReplaceStage(7, level(0.3)))),
                of("addStage", twoStages(), apply(0, new Message.AddStage(1, preamp())),
                        apply(1, new Message.AddStage(3, level(0.9))),
                        refuse(2, new Message.AddStage(9, preamp()))),
                of("removeStage", twoStages(), apply(0, new Message.RemoveStage(0)),
                        refuse(1, new Message.RemoveStage(4))),
                of("swapStages", twoStages(), apply(0, new Message.SwapStages(0, 1)),
                        refuse(1, new Message.SwapStages(0, 2))),
                of("setStageBypassed", twoStages(), apply(0, new Message.SetStageBypassed(0, true)),
                        apply(50, new Message.SetStageBypassed(0, false)),
                        refuse(51, new Message.SetStageBypassed(2, true))),
                of("swapIr with a crossfade, and a second swapIr during the fade", setup(List.of(preamp()), ir),
                        apply(0, new Message.SwapIr(other, 2000)),
                        apply(5, new Message.SwapIr(ir, 2000)),
                        apply(100, new Message.SwapIr(other, 0))),
                of("swapIr from the pass-through", twoStages(), apply(0, new Message.SwapIr(ir, 480)),
                        apply(100, new Message.SwapIr(other, 480))),
                of("clearIr", setup(List.of(preamp()), ir), apply(0, new Message.ClearIr()),
                        apply(100, new Message.ClearIr())),
                of("clearIr during a swap's fade", setup(List.of(preamp()), ir),
                        apply(0, new Message.SwapIr(other, 4000)), apply(3, new Message.ClearIr())),
                of("setIrBypass", setup(List.of(preamp()), ir), apply(0, new Message.SetIrBypass(true)),
                        apply(100, new Message.SetIrBypass(false))),
                of("setIrGain", setup(List.of(preamp()), ir), apply(0, new Message.SetIrGain(0.3)),
                        apply(100, new Message.SetIrGain(1.7))),
                of("setPitchShift non-zero, another, then 0", twoStages(), apply(0, new Message.SetPitchShift(7)),
                        apply(100, new Message.SetPitchShift(-5)), apply(200, new Message.SetPitchShift(0))),
                of("setOversampling 2, 4, 8, 16, then 1", twoStages(), apply(0, new Message.SetOversampling(2)),
                        apply(40, new Message.SetOversampling(4)), apply(80, new Message.SetOversampling(8)),
                        apply(120, new Message.SetOversampling(16)), apply(160, new Message.SetOversampling(1))),
                of("setOversampling handing over every stateful stage's state",
                        setup(List.of(StageSpec.defaults(StageType.NOISE_GATE), StageSpec.defaults(StageType.COMPRESSOR),
                                StageSpec.defaults(StageType.POWER_AMP), StageSpec.defaults(StageType.DELAY),
                                StageSpec.defaults(StageType.REVERB), StageSpec.defaults(StageType.TREMOLO), level(0.5)), null),
                        apply(0, new Message.SetOversampling(2)), apply(40, new Message.SetOversampling(16)),
                        apply(80, new Message.SetOversampling(1)), apply(120, new Message.SetOversampling(4))),
                Arguments.of("setTunerEnabled", new Case(twoStages(),
                        List.of(apply(0, new Message.SetTunerEnabled(true)), apply(200, new Message.SetTunerEnabled(false))),
                        Writer.DRAINS_EVERY_BLOCK,
                        // 200 blocks = 25,600 frames: ~3,600 to fill the analysis, then one reading per 960.
                        o -> assertTrue(o.tunerReadings() >= 10, "tuner readings published: " + o.tunerReadings()))),
                of("setMetronome", twoStages(), apply(0, new Message.SetMetronome(true, 300, 0.5)),
                        apply(100, new Message.SetMetronome(true, 300, 0.9)),
                        apply(150, new Message.SetMetronome(true, 280, 0.9)),
                        apply(250, new Message.SetMetronome(false, 280, 0.9))),
                of("startRecording and stopRecording, the writer draining",
                        twoStages(), apply(0, new Message.StartRecording(Encoding.PCM16)),
                        apply(100, new Message.StartRecording(Encoding.FLOAT32)),
                        apply(290, new Message.StopRecording()),
                        refuse(291, new Message.StopRecording())),
                Arguments.of("startRecording and stopRecording, the writer never draining (overruns)",
                        new Case(twoStages(),
                                List.of(apply(0, new Message.StartRecording(Encoding.PCM16)),
                                        apply(290, new Message.StopRecording())),
                                Writer.NEVER_DRAINS,
                                // Blocks 0..289 recorded; the pool's frames last `pool` blocks.
                                o -> assertEquals(290 - pool, count(o.events(), "overrun"),
                                        "one overrun per block after the pool of " + pool + " frames ran dry"))));
    }

    /** Every stage type: every value of its enumerated setting added, then every parameter set. */
    static Stream<Arguments> stageTypes() {
        List<Arguments> cases = new ArrayList<>();
        for (StageType t : StageType.values()) {
            List<Step> steps = new ArrayList<>();
            steps.add(apply(0, new Message.AddStage(1, StageSpec.defaults(t))));
            if (t.choice() != null) {
                for (int c = 0; c < t.choice().values().size(); c++) {
                    steps.add(apply(1, new Message.AddStage(2, StageSpec.defaults(t).withChoice(c))));
                }
            }
            for (int i = 0; i < t.paramCount(); i++) {
                ParamSpec p = t.param(i);
                double value = p.min() + 0.8 * (p.max() - p.min());
                steps.add(apply(2 + 4 * i, new Message.SetParameter(1, p.name(), value)));
            }
            steps.add(refuse(2 + 4 * t.paramCount(), new Message.SetParameter(1, t.param(0).name(), t.param(0).max() + 1)));
            cases.add(Arguments.of("addStage " + t.formatName() + " and setParameter of each parameter",
                    new Case(setup(List.of(preamp()), null), steps, Writer.DRAINS_EVERY_BLOCK, nothingMore())));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} allocates nothing on the audio thread from block 0")
    @MethodSource("messages")
    void messageAllocatesNothingOnTheAudioThreadFromBlockZero(String name, Case c) {
        run(name, c);
    }

    @ParameterizedTest(name = "{0} allocates nothing on the audio thread from block 0")
    @MethodSource("stageTypes")
    void everyStageTypeAndParameterAllocatesNothingOnTheAudioThreadFromBlockZero(String name, Case c) {
        run(name, c);
    }

    /** What one measured run produced. */
    record Measured(long[] allocations, List<LogEvent> beforeShutdown, long tunerReadings,
            List<TakeWriter> unfinishedTakes, ResourceRegistry registry, Collector collector, Engine engine) {

        long total() {
            long t = 0;
            for (long a : allocations) {
                t += a;
            }
            return t;
        }

        List<String> allocatingBlocks() {
            List<String> r = new ArrayList<>();
            for (int b = 0; b < allocations.length; b++) {
                if (allocations[b] != 0) {
                    r.add((b == allocations.length - 1 ? "shutdown" : "block " + b) + ": " + allocations[b] + " B");
                }
            }
            return r;
        }
    }

    @org.junit.jupiter.api.Test
    void theMeasurementSeesAStageThatAllocatesFromBlockZero() {
        Case c = new Case(setup(List.of(preamp()), null), List.of(apply(0, new Message.AddStage(1, level(0.5)))),
                Writer.DRAINS_EVERY_BLOCK, nothingMore());
        Measured m = measure(c, io.blockwise.testing.TestDefects.allocatingLevel());
        for (int b = 0; b < BLOCKS; b++) {
            // The planted stage allocates a double[2] (32 bytes) in each process() call.
            assertTrue(m.allocations()[b] >= 32, "block " + b + " allocated " + m.allocations()[b] + " B");
        }
    }

    private static void run(String name, Case c) {
        Measured m = measure(c, EngineHooks.NONE);
        assertEquals(0, m.total(), name + ": bytes allocated on the audio thread: " + m.allocatingBlocks());
        List<String> expected = new ArrayList<>();
        for (Step s : c.steps()) {
            expected.add(s.message().name() + (s.applied() ? " apply" : " reject"));
        }
        List<String> handled = new ArrayList<>();
        for (LogEvent e : m.beforeShutdown()) {
            if (e.event().equals("apply") || e.event().equals("reject")) {
                handled.add(e.get("msg") + " " + e.event());
            }
        }
        assertEquals(expected, handled, "every message was handled, as expected, inside the measured scope");
        c.check().accept(new Outcome(m.beforeShutdown(), m.tunerReadings()));
        assertEquals(List.of(), m.unfinishedTakes().stream().map(t -> "take " + t.recorder().takeNumber()).toList(),
                "every take finished");
        assertEquals(List.of(), m.registry().unfreed(), "everything built was freed");
        assertEquals(List.of(), m.collector().violations(), "lifecycle violations");
        assertEquals(0, m.engine().events().dropped(), "audio-thread events lost");
    }

    /**
     * A fresh engine on the real audio thread: each step's message is built and sent before its
     * block, every block and the shutdown are measured, the collector drains after every block
     * (and after the shutdown), the writer as the case says (and once more at the end).
     */
    private static Measured measure(Case c, EngineHooks planted) {
        RetireQueue retireQueue = new RetireQueue();
        EventLog log = new EventLog();
        ResourceRegistry registry = new ResourceRegistry();
        Engine engine = new Engine(new EngineConfig(RATE, BLOCK, 64, 64, 64), retireQueue, planted);
        EngineHandle handle = new EngineHandle(engine, registry, log, MessageAllocationTest::irSamples, planted);
        RigMonitor monitor = new RigMonitor(engine, log);
        Collector collector = new Collector(retireQueue, registry, log);
        List<TakeWriter> takes = new ArrayList<>();
        handle.installSetup(c.setup());
        double[] in = new double[BLOCK];
        double[] out = new double[BLOCK];
        long[] allocations = new long[BLOCKS + 1];
        List<LogEvent> beforeShutdown;
        int next = 0;
        try (RtThread rt = new RtThread(engine)) {
            for (int b = 0; b < BLOCKS; b++) {
                handle.at(b, (long) b * BLOCK);
                while (next < c.steps().size() && c.steps().get(next).block() == b) {
                    assertTrue(handle.send(handle.build(c.steps().get(next).message())), "queued");
                    next++;
                }
                for (Recorder r : handle.takeNewRecorders()) {
                    takes.add(new TakeWriter(r, DISCARD));
                }
                for (int i = 0; i < BLOCK; i++) {
                    in[i] = 0.5 * StrictMath.sin(2 * StrictMath.PI * 110 * (b * BLOCK + i) / RATE);
                }
                allocations[b] = rt.processBlock(in, out, BLOCK, (long) b * BLOCK);
                handle.drainRtEvents();
                monitor.poll(b, (long) b * BLOCK);
                collector.drain(b, (long) b * BLOCK);
                if (c.writer() == Writer.DRAINS_EVERY_BLOCK) {
                    takes.removeIf(MessageAllocationTest::drain);
                }
            }
            assertEquals(c.steps().size(), next, "every step was sent");
            beforeShutdown = log.events();
            handle.at(BLOCKS, (long) BLOCKS * BLOCK);
            allocations[BLOCKS] = rt.shutdownEngine();
        }
        handle.drainRtEvents();
        collector.drain(BLOCKS, (long) BLOCKS * BLOCK);
        takes.removeIf(MessageAllocationTest::drain);
        TunerSnapshot tuner = new TunerSnapshot();
        engine.tuner().readings().read(tuner);
        return new Measured(allocations, beforeShutdown, tuner.readingCount(), takes, registry, collector, engine);
    }

    static long count(List<LogEvent> events, String kind) {
        return events.stream().filter(e -> e.event().equals(kind)).count();
    }

    private static double[] irSamples(IrSpec spec) {
        IrSpec.Synthetic s = (IrSpec.Synthetic) spec;
        return ImpulseResponses.synthetic(IR_SEED, RATE, s.lengthFrames(), s.decayFrames());
    }

    private static boolean drain(TakeWriter w) {
        try {
            return w.drain();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final TakeSink DISCARD = new TakeSink() {
        @Override
        public void write(double[] samples, int len) {
        }

        @Override
        public void close() {
        }
    };
}
