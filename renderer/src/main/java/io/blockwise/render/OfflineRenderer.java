package io.blockwise.render;

import io.blockwise.engine.Engine;
import io.blockwise.engine.EngineConfig;
import io.blockwise.engine.EngineHandle;
import io.blockwise.engine.PlantedDefect;
import io.blockwise.engine.RigMonitor;
import io.blockwise.rt.Collector;
import io.blockwise.rt.EventLog;
import io.blockwise.rt.LogEvent;
import io.blockwise.rt.Resource;
import io.blockwise.rt.ResourceRegistry;
import io.blockwise.rt.RetireQueue;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.TimedMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The product's main job: renders a scenario with a fake clock, block by block, on the real audio
 * thread, into {@code OUT/NAME/} ({@code output.wav}, {@code events.jsonl}, {@code summary.json}).
 *
 * <p>The schedule of every block is fixed, so the WAV and the log are deterministic: the control
 * role sends what is due (logging {@code alloc}, {@code send}, {@code defer}); the audio thread
 * processes the block (its allocated bytes measured around {@code process()}); the control role logs
 * the audio thread's events; the collector drains the retire queue if its schedule says so; the
 * block is written. After the last block the audio thread retires everything still installed, the
 * collector frees it all, and every resource ever built must have been freed exactly once.
 *
 * <p>Files are written into a staging folder and moved into place at the end, so a failed render
 * never leaves a half-written output.
 */
public final class OfflineRenderer {
    private OfflineRenderer() {
    }

    /** Control thread. Renders {@code scenario} into {@code outRoot/NAME/}. */
    public static RenderResult render(Scenario scenario, Path outRoot) {
        return render(scenario, outRoot, RenderOptions.DEFAULT);
    }

    /**
     * Control thread. Renders {@code scenario} into {@code outRoot/NAME/} with {@code options},
     * through a {@link RenderFolder}: a staging folder of this run's own, moved into place at the
     * end; a folder holding files a render does not write is refused.
     */
    public static RenderResult render(Scenario scenario, Path outRoot, RenderOptions options) {
        InputSignal input = InputSignal.of(scenario);
        IrLibrary irs = IrLibrary.of(scenario);
        JvmPrimer.ensurePrimed();
        try (RenderFolder folder = RenderFolder.open(scenario, outRoot)) {
            RenderResult result = renderInto(scenario, input, irs, folder.staging(), folder.target(), options);
            folder.commit();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + outRoot.resolve(scenario.name()) + ": "
                    + io.blockwise.scenario.InputFiles.reason(e), e);
        }
    }

    /**
     * Control thread. The first feature of {@code scenario} whose engine side is not built yet
     * ({@code "swapIr"}, {@code "stage type reverb"}, ...), or empty when it can render.
     */
    public static java.util.Optional<String> unsupportedFeature(Scenario scenario) {
        return java.util.Optional.empty(); // every feature of blockwise/1 renders
    }

    /**
     * Control thread. Everything {@link #render} does before block 0: the support check, reading
     * the input files, and building the setup in a throwaway engine.
     */
    public static void validate(Scenario scenario) {
        InputSignal.of(scenario);
        IrLibrary irs = IrLibrary.of(scenario);
        Scenario.Limits limits = scenario.limits();
        Engine engine = new Engine(new EngineConfig(scenario.sampleRate(), scenario.blockSize(),
                limits.queueCapacity(), limits.maxMessagesPerBlock(), limits.maxChainLength()), new RetireQueue());
        new EngineHandle(engine, new ResourceRegistry(), new EventLog(), irs, java.util.Set.of())
                .installSetup(scenario.setup());
    }

    private static RenderResult renderInto(Scenario s, InputSignal input, IrLibrary irs, Path staging,
            Path target, RenderOptions options) throws IOException {
        long startNanos = System.nanoTime();
        int bs = s.blockSize();
        long blocks = s.blockCount();
        EventLog log = new EventLog();
        ResourceRegistry registry = new ResourceRegistry();
        RetireQueue retireQueue = new RetireQueue();
        Scenario.Limits limits = s.limits();
        Engine engine = new Engine(new EngineConfig(s.sampleRate(), bs, limits.queueCapacity(),
                limits.maxMessagesPerBlock(), limits.maxChainLength()), retireQueue, options.planted());
        EngineHandle handle = new EngineHandle(engine, registry, log, irs, options.planted());
        RigMonitor monitor = new RigMonitor(engine, log);
        Takes takes = new Takes(staging, s);
        Collector collector = new Collector(retireQueue, registry, log, options.has(PlantedDefect.DOUBLE_FREE));
        MessageScheduler scheduler = new MessageScheduler(s.events(), bs, limits.maxMessagesPerBlock(),
                options.has(PlantedDefect.DROP_WHEN_QUEUE_FULL));
        boolean lockstep = options.mode() == RenderOptions.Mode.LOCKSTEP;
        List<String> defects = new ArrayList<>();
        long[] processNanos = new long[(int) Math.min(Integer.MAX_VALUE - 8, blocks)];
        double[] in = new double[bs];
        double[] out = new double[bs];

        handle.at(0, 0);
        handle.installSetup(s.setup());
        BlockingAudit blockingAudit = options.jfrBlockingAudit() ? BlockingAudit.start() : null;
        try (WavWriter wav = WavWriter.open(staging.resolve("output.wav"), s.sampleRate(),
                s.output().channels(), s.output().encoding());
                RtThread rt = new RtThread(engine);
                RoleThread collectorRole = lockstep ? RoleThread.dedicated("blockwise-collector") : RoleThread.inline();
                RoleThread writerRole = lockstep ? RoleThread.dedicated("blockwise-writer") : RoleThread.inline()) {
            for (long b = 0; b < blocks; b++) {
                long frame = b * bs;
                int frames = (int) Math.min(bs, s.durationFrames() - frame);
                handle.at(b, frame);
                scheduler.sendDue(b, frame, handle, log);
                takes.open(handle.takeNewRecorders());
                input.fill(in, 0, frame, frames);
                long handOffNanos = blockingAudit == null ? 0 : BlockingAudit.nowEpochNanos();
                long allocated = rt.processBlock(in, out, frames, frame);
                if (blockingAudit != null) {
                    blockingAudit.block(b, handOffNanos, BlockingAudit.nowEpochNanos());
                }
                processNanos[(int) b] = rt.lastProcessNanos();
                handle.drainRtEvents();
                if (allocated != 0) {
                    log.add(new LogEvent(b, frame, "rt", "rt-alloc").num("bytes", allocated));
                }
                monitor.poll(b, frame);
                if (s.collector().runsAfter(b, frame)) {
                    long block = b;
                    collectorRole.run(() -> collector.drain(block, frame));
                }
                if (s.writer().runsAfter(b, frame)) {
                    writerRole.run(takes::drain);
                }
                wav.write(out, 0, frames);
            }
            long endBlock = blocks;
            long endFrame = s.durationFrames();
            handle.at(endBlock, endFrame);
            for (TimedMessage m : scheduler.unsent()) {
                log.add(new LogEvent(endBlock, endFrame, "control", "reject").str("msg", m.message().name())
                        .num("at", m.atFrame()).str("reason", "render ended before the message could be sent"));
            }
            long allocated = rt.shutdownEngine();
            handle.drainRtEvents();
            if (allocated != 0) {
                log.add(new LogEvent(endBlock, endFrame, "rt", "rt-alloc").num("bytes", allocated));
            }
            collectorRole.run(() -> collector.drain(endBlock, endFrame));
            writerRole.run(takes::finish);
            wav.commit();
            if (blockingAudit != null) {
                log.insertByBlock(blockingAudit.finish(bs, staging));
            }
        } finally {
            takes.abortUnfinished();
            if (blockingAudit != null) {
                blockingAudit.close();
            }
        }
        long rtAllocs = log.counts().getOrDefault("rt-alloc", 0L);
        if (rtAllocs > 0) {
            defects.add(rtAllocs + " block(s) allocated on the audio thread (rt-alloc)");
        }
        long rtBlocks = log.counts().getOrDefault("rt-block", 0L);
        if (rtBlocks > 0) {
            defects.add(rtBlocks + " blocking call(s) on the audio thread (rt-block)");
        }
        defects.addAll(collector.violations());
        for (Resource r : registry.unfreed()) {
            defects.add("leak: " + r.id() + " was never freed (state " + stateName(r.state()) + ")");
        }
        if (engine.events().dropped() > 0) {
            defects.add(engine.events().dropped() + " audio-thread events did not fit the event ring");
        }
        log.writeTo(staging.resolve("events.jsonl"));
        RenderResult result = new RenderResult(s.name(), target, s.durationFrames(), bs, blocks,
                s.durationFrames() / (double) s.sampleRate(), System.nanoTime() - startNanos,
                processNanos, log.events(), log.counts(), defects);
        SummaryWriter.write(result, staging.resolve("summary.json"));
        return result;
    }

    private static String stateName(int state) {
        switch (state) {
            case Resource.BUILT: return "built";
            case Resource.LIVE: return "live";
            case Resource.RETIRED: return "retired";
            default: return "freed";
        }
    }
}
