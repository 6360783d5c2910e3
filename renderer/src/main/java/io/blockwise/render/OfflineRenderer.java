package io.blockwise.render;

import io.blockwise.engine.Engine;
import io.blockwise.engine.EngineConfig;
import io.blockwise.engine.EngineHandle;
import io.blockwise.engine.EngineHooks;
import io.blockwise.engine.MessageSender;
import io.blockwise.engine.RigMonitor;
import io.blockwise.rt.Collector;
import io.blockwise.rt.EventLog;
import io.blockwise.rt.LogEvent;
import io.blockwise.rt.ResourceRegistry;
import io.blockwise.rt.RetireQueue;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.TimedMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
     * Control thread. Everything {@link #render} does before block 0: the support check, reading
     * the input files, and building the setup in a throwaway engine.
     */
    public static void validate(Scenario scenario) {
        InputSignal.of(scenario);
        IrLibrary irs = IrLibrary.of(scenario);
        Scenario.Limits limits = scenario.limits();
        Engine engine = new Engine(new EngineConfig(scenario.sampleRate(), scenario.blockSize(),
                limits.queueCapacity(), limits.maxMessagesPerBlock(), limits.maxChainLength()), new RetireQueue());
        new EngineHandle(engine, new ResourceRegistry(), new EventLog(), irs, EngineHooks.NONE)
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
                limits.maxMessagesPerBlock(), limits.maxChainLength()), retireQueue, options.hooks());
        EngineHandle handle = new EngineHandle(engine, registry, log, irs, options.hooks());
        MessageSender sender = options.hooks().sender(handle);
        RigMonitor monitor = new RigMonitor(engine, log, options.hooks());
        Takes takes = new Takes(staging, s);
        Collector collector = new Collector(retireQueue, registry, log, options.hooks().freePolicy(), engine);
        MessageScheduler scheduler = new MessageScheduler(s.events(), bs, limits.maxMessagesPerBlock(),
                options.hooks());
        boolean lockstep = options.mode() == RenderOptions.Mode.LOCKSTEP;
        List<String> defects = new ArrayList<>();
        ProcessTimes processTimes = new ProcessTimes();
        OutputStats outputStats = new OutputStats();
        // With the sanitizer each block is handed off alone, so what JFR sees on the audio thread is
        // attributed to the block whose hand-off window holds it.
        int maxRun = options.jfrBlockingAudit() ? 1
                : options.maxRunBlocks() > 0 ? options.maxRunBlocks() : RunPlanner.maxRunBlocks(bs);
        long handOffs = 0;
        RunPlanner planner = new RunPlanner(s, maxRun);
        double[] in = new double[maxRun * bs];
        double[] out = new double[maxRun * bs];

        handle.at(0, 0);
        handle.installSetup(s.setup());
        RtSanitizer sanitizer = options.jfrBlockingAudit() ? RtSanitizer.start() : null;
        RtSanitizerReport sanitized = RtSanitizerReport.OFF;
        try (WavWriter wav = WavWriter.open(staging.resolve("output.wav"), s.sampleRate(),
                s.output().channels(), s.output().encoding());
                RtThread rt = new RtThread(engine, bs, maxRun);
                RoleThread collectorRole = lockstep ? RoleThread.dedicated("blockwise-collector") : RoleThread.inline();
                RoleThread writerRole = lockstep ? RoleThread.dedicated("blockwise-writer") : RoleThread.inline()) {
            long b = 0;
            // Input already generated, for frames [b * bs, filledTo), held at the front of `in`: a
            // run that ends early leaves the rest of its input for the next one.
            long filledTo = 0;
            while (b < blocks) {
                long frame = b * bs;
                handle.at(b, frame);
                scheduler.sendDue(b, frame, sender, limits.queueCapacity(), log);
                takes.open(handle.takeNewRecorders());
                int run = planner.runLength(b, scheduler.nextSendBlock(b), retireQueue.backlog() > 0, takes.anyOpen());
                long runEnd = Math.min(s.durationFrames(), (b + run) * bs);
                if (runEnd > filledTo) {
                    input.fill(in, (int) (filledTo - frame), filledTo, (int) (runEnd - filledTo));
                    filledTo = runEnd;
                }
                long handOffNanos = sanitizer == null ? 0 : RtSanitizer.nowEpochNanos();
                int done = rt.processRun(in, out, run, frame, s.durationFrames());
                handOffs++;
                long last = b + done - 1;
                long lastFrame = last * bs;
                if (sanitizer != null) {
                    sanitizer.block(last, handOffNanos, RtSanitizer.nowEpochNanos());
                }
                for (int k = 0; k < done; k++) {
                    processTimes.record(rt.processNanos(k));
                }
                // Only the run's last block can have published anything (RtThread ends a run
                // there), so the blocks before it needed no control-side work.
                handle.at(last, lastFrame);
                handle.drainRtEvents();
                options.hooks().afterBlocks(last, engine);
                long allocated = rt.allocatedBytes(done - 1);
                if (allocated != 0) {
                    log.add(new LogEvent(last, lastFrame, "rt", "rt-alloc").num("bytes", allocated));
                }
                monitor.poll(last, lastFrame);
                if (s.collector().runsAfter(last, lastFrame)) {
                    collectorRole.run(() -> collector.drain(last, lastFrame));
                }
                if (s.writer().runsAfter(last, lastFrame)) {
                    writerRole.run(takes::drain);
                }
                int doneFrames = (int) (Math.min(s.durationFrames(), (last + 1) * bs) - frame);
                wav.write(out, 0, doneFrames);
                outputStats.add(out, doneFrames);
                options.progress().update(s.name(), frame + doneFrames, s.durationFrames(), s.sampleRate());
                System.arraycopy(in, doneFrames, in, 0, (int) (filledTo - frame) - doneFrames);
                b = last + 1;
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
            if (sanitizer != null) {
                sanitized = sanitizer.finish(rt.threadId(), staging);
                log.insertByBlock(sanitized.rtBlockEvents(bs));
            }
        } finally {
            takes.abortUnfinished();
            if (sanitizer != null) {
                sanitizer.close();
            }
        }
        RunDefects.addTo(defects, log, collector, registry, engine.events());
        log.writeTo(staging.resolve("events.jsonl"));
        RenderResult result = new RenderResult(s.name(), target, s.durationFrames(), bs, blocks,
                s.durationFrames() / (double) s.sampleRate(), System.nanoTime() - startNanos,
                processTimes, handOffs, s, outputStats, log.events(), log.counts(), defects, sanitized);
        SummaryWriter.write(result, staging.resolve("summary.json"));
        return result;
    }
}
