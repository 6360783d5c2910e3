package io.blockwise.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.dsp.ProcessSpec;
import io.blockwise.dsp.Stage;
import io.blockwise.dsp.StageType;
import io.blockwise.render.JvmPrimer;
import io.blockwise.render.RtSanitizer;
import io.blockwise.render.RtSanitizerReport;
import io.blockwise.render.RtThread;
import io.blockwise.rt.Collector;
import io.blockwise.rt.EventLog;
import io.blockwise.rt.ResourceRegistry;
import io.blockwise.rt.RetireQueue;
import io.blockwise.scenario.StageSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-time sanitizer ({@link RtSanitizer}) on a real engine and audio thread, with a stage
 * that misbehaves on purpose in its {@code process} (defined here, in test code): a contended lock,
 * a sleep and an allocation are each reported once per stack, with that stack, the blocks they
 * happened in and how often; a well-behaved stage gives a clean report.
 */
class RtSanitizerTest {
    static final int BLOCK = 64;
    static final String STAGE_FRAME = "io.blockwise.engine.RtSanitizerTest$Misbehaving.process:";

    @TempDir
    Path tmp;

    @BeforeAll
    static void prime() {
        JvmPrimer.ensurePrimed();
    }

    /** The monitor a misbehaving stage shares with another thread (a class of its own, so JFR names it). */
    static final class SharedState {
    }

    enum Misdeed { NONE, LOCK, SLEEP, ALLOCATE }

    /** A stage doing on the audio thread what no stage may: the misdeed it is built with. */
    static final class Misbehaving extends Stage {
        private final Misdeed misdeed;
        private final SharedState lock;
        // Audio thread only: keeps each allocation observable.
        double[] kept;

        Misbehaving(Misdeed misdeed, SharedState lock) {
            super(StageType.LEVEL);
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
            // No switch on the enum: that would load a synthetic class on the audio thread (file
            // reads the sanitizer reports too).
            if (misdeed == Misdeed.LOCK) {
                synchronized (lock) {
                    buf[off] *= 1;
                }
            } else if (misdeed == Misdeed.SLEEP) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (misdeed == Misdeed.ALLOCATE) {
                kept = new double[32 * 1024];
                kept[0] = buf[off];
            }
        }

        @Override
        public void reset() {
        }

        @Override
        protected void onParameter(int localIndex, double value, boolean glide) {
        }
    }

    /**
     * Runs {@code blocks} blocks through an engine whose chain is the misbehaving stage, under the
     * sanitizer; {@code beforeBlock} runs on the driver before each block.
     */
    private RtSanitizerReport run(Misdeed misdeed, SharedState lock, int blocks, IntConsumer beforeBlock) {
        RetireQueue retireQueue = new RetireQueue();
        EventLog log = new EventLog();
        ResourceRegistry registry = new ResourceRegistry();
        Engine engine = new Engine(new EngineConfig(8000, BLOCK, 16, 16, 8), retireQueue);
        EngineHandle handle = new EngineHandle(engine, registry, log);
        Collector collector = new Collector(retireQueue, registry, log);
        Stage stage = StageFactory.configure(new Misbehaving(misdeed, lock), StageSpec.defaults(StageType.LEVEL),
                new ProcessSpec(8000, BLOCK));
        registry.register(stage);
        double[] in = new double[BLOCK];
        double[] out = new double[BLOCK];
        RtSanitizerReport report;
        try (RtThread rt = new RtThread(engine); RtSanitizer sanitizer = RtSanitizer.start()) {
            assertTrue(handle.send(new Commands.AddStage(0, stage)));
            for (int b = 0; b < blocks; b++) {
                beforeBlock.accept(b);
                for (int i = 0; i < BLOCK; i++) {
                    in[i] = 0.25 * StrictMath.sin(2 * Math.PI * 440 * (b * BLOCK + i) / 8000.0);
                }
                long start = RtSanitizer.nowEpochNanos();
                rt.processBlock(in, out, BLOCK, (long) b * BLOCK);
                sanitizer.block(b, start, RtSanitizer.nowEpochNanos());
                handle.drainRtEvents();
            }
            rt.shutdownEngine();
            handle.drainRtEvents();
            collector.drain(blocks, (long) blocks * BLOCK);
            report = sanitizer.finish(rt.threadId(), tmp);
        }
        return report;
    }

    private static RtSanitizerReport.Site onlySite(RtSanitizerReport report, String kind) {
        System.out.print(report.text(kind)); // what a user reads on stderr
        List<RtSanitizerReport.Site> sites = report.sites();
        assertEquals(1, sites.size(), report.text("test"));
        RtSanitizerReport.Site site = sites.get(0);
        assertEquals(kind, site.kind(), report.text("test"));
        assertTrue(site.frames().stream().anyMatch(f -> f.startsWith(STAGE_FRAME)), site.frames().toString());
        assertTrue(site.frames().get(site.frames().size() - 1).startsWith("io.blockwise.engine.Engine.process:"),
                site.frames().toString());
        assertTrue(report.text("test").contains("      at " + STAGE_FRAME), report.text("test"));
        return site;
    }

    @Test
    void aSleepOnTheAudioThreadIsReportedOncePerBlockWithItsStack() {
        RtSanitizerReport report = run(Misdeed.SLEEP, null, 12, b -> { });
        RtSanitizerReport.Site site = onlySite(report, "ThreadSleep");
        assertEquals(12, site.count(), "one sleep per block");
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L), site.blocks());
        assertTrue(site.frames().get(0).startsWith("java.lang.Thread.sleep"), site.frames().toString());
        assertEquals(12, report.rtBlockEvents(BLOCK).size());
        assertEquals("ThreadSleep", report.rtBlockEvents(BLOCK).get(0).get("call"));
    }

    @Test
    void aLockHeldByAnotherThreadIsReportedInTheBlocksItWasContendedWithItsStack() throws Exception {
        SharedState lock = new SharedState();
        Thread[] holder = new Thread[1];
        // In blocks 3 and 7 another thread holds the lock for 20 ms while the audio thread
        // processes, so the stage's monitor enter is contended there and only there.
        RtSanitizerReport report = run(Misdeed.LOCK, lock, 10, b -> {
            if (holder[0] != null) {
                join(holder[0]);
                holder[0] = null;
            }
            if (b == 3 || b == 7) {
                CountDownLatch held = new CountDownLatch(1);
                holder[0] = new Thread(() -> {
                    synchronized (lock) {
                        held.countDown();
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }, "lock-holder");
                holder[0].start();
                await(held);
            }
        });
        RtSanitizerReport.Site site = onlySite(report, "JavaMonitorEnter");
        assertEquals(RtSanitizerTest.SharedState.class.getName(), site.detail());
        assertEquals(List.of(3L, 7L), site.blocks());
        assertEquals(2, site.count());
        assertTrue(site.frames().get(0).startsWith(STAGE_FRAME), "the monitor enter is the stage's own line: " + site.frames());
    }

    @Test
    void anAllocationOnTheAudioThreadIsReportedWithItsStackAndSize() {
        RtSanitizerReport report = run(Misdeed.ALLOCATE, null, 40, b -> { });
        RtSanitizerReport.Site site = onlySite(report, RtSanitizerReport.ALLOCATION);
        assertTrue(site.frames().get(0).startsWith(STAGE_FRAME), site.frames().toString());
        assertEquals("double[]", site.detail());
        assertTrue(site.count() >= 1 && site.count() <= 40, "JFR sees an allocation at TLAB refills: " + site.count());
        assertEquals(0, site.bytes() % (32 * 1024 * 8 + 16), "whole double[32768] arrays: " + site.bytes());
        assertTrue(site.blocks().stream().allMatch(b -> b >= 0 && b < 40), site.blocks().toString());
        assertEquals(List.of(), report.rtBlockEvents(BLOCK), "an allocation is not a blocking call");
    }

    @Test
    void aWellBehavedStageGivesACleanReport() {
        RtSanitizerReport report = run(Misdeed.NONE, null, 40, b -> { });
        assertTrue(report.recorded());
        assertEquals(List.of(), report.findings(), report.text("test"));
        assertEquals("", report.text("test"));
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
