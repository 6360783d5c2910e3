package io.blockwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.dsp.StageType;
import io.blockwise.render.JvmPrimer;
import io.blockwise.render.RtThread;
import io.blockwise.rt.Collector;
import io.blockwise.rt.EventLog;
import io.blockwise.rt.LogEvent;
import io.blockwise.rt.ResourceRegistry;
import io.blockwise.rt.RetireQueue;
import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.StageSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One test per message kind: a FRESH engine on the real audio thread, the message sent inside
 * the measured scope before block 0, every block measured from block 0. The JVM is primed by
 * {@link JvmPrimer} (a throwaway engine), never the engine under test. Runs in the default
 * Surefire execution and again interpreted-only (-Xint), where escape analysis cannot hide an
 * allocation.
 */
class EngineAllocationTest {
    static final int BLOCK = 128;
    static final int BLOCKS = 300;

    @BeforeAll
    static void primeTheJvmNotTheEngine() {
        io.blockwise.testing.AllocationGuard.primeJvm();
    }

    static StageSpec preamp() {
        return StageSpec.defaults(StageType.PREAMP);
    }

    static StageSpec level(double gain) {
        return StageSpec.defaults(StageType.LEVEL).with(0, gain);
    }

    static EngineSetup twoStages() {
        return new EngineSetup(null, null, 1, List.of(preamp(), level(0.5)), null, 1, 0, false,
                EngineSetup.Metronome.OFF);
    }

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("setChain", (Supplier<Message>) () -> new Message.SetChain(List.of(level(1.5), preamp(), preamp()))),
                Arguments.of("setInputFilters", (Supplier<Message>) () -> new Message.SetInputFilters(100.0, 8000.0)),
                Arguments.of("setParameter", (Supplier<Message>) () -> new Message.SetParameter(1, "gain", 1.8)),
                Arguments.of("setParameter refused", (Supplier<Message>) () -> new Message.SetParameter(1, "feedback", 0.5)),
                Arguments.of("replaceStage", (Supplier<Message>) () -> new Message.ReplaceStage(0, level(0.3))),
                Arguments.of("replaceStage refused", (Supplier<Message>) () -> new Message.ReplaceStage(7, level(0.3))),
                Arguments.of("addStage", (Supplier<Message>) () -> new Message.AddStage(1, preamp())),
                Arguments.of("addStage refused", (Supplier<Message>) () -> new Message.AddStage(9, preamp())),
                Arguments.of("removeStage", (Supplier<Message>) () -> new Message.RemoveStage(0)),
                Arguments.of("swapStages", (Supplier<Message>) () -> new Message.SwapStages(0, 1)),
                Arguments.of("setStageBypassed", (Supplier<Message>) () -> new Message.SetStageBypassed(0, true)));
    }

    @ParameterizedTest(name = "{0} allocates nothing on the audio thread from block 0")
    @MethodSource("messages")
    void messageAllocatesNothingOnTheAudioThreadFromBlockZero(String name, Supplier<Message> message) {
        RetireQueue retireQueue = new RetireQueue();
        EventLog log = new EventLog();
        ResourceRegistry registry = new ResourceRegistry();
        Engine engine = new Engine(new EngineConfig(48000, BLOCK, 64, 64, 64), retireQueue);
        EngineHandle handle = new EngineHandle(engine, registry, log);
        Collector collector = new Collector(retireQueue, registry, log);
        handle.installSetup(twoStages());
        double[] in = new double[BLOCK];
        double[] out = new double[BLOCK];
        List<Long> allocations = new ArrayList<>();
        try (RtThread rt = new RtThread(engine)) {
            assertTrue(handle.send(handle.build(message.get())));
            for (int b = 0; b < BLOCKS; b++) {
                for (int i = 0; i < BLOCK; i++) {
                    in[i] = 0.5 * StrictMath.sin(2 * Math.PI * 220 * (b * BLOCK + i) / 48000.0);
                }
                allocations.add(rt.processBlock(in, out, BLOCK, (long) b * BLOCK));
                handle.drainRtEvents();
                collector.drain(b, (long) b * BLOCK);
            }
            allocations.add(rt.shutdownEngine());
        }
        handle.drainRtEvents();
        collector.drain(BLOCKS, 0);
        long total = allocations.stream().mapToLong(Long::longValue).sum();
        assertEquals(0, total, name + ": bytes allocated on the audio thread per block: " + allocations);
        long handled = log.events().stream().map(LogEvent::event)
                .filter(e -> e.equals("apply") || e.equals("reject")).count();
        assertEquals(1, handled, "the message was handled inside the measured scope: " + log.events());
        assertEquals(List.of(), registry.unfreed(), "everything built was freed");
    }
}
