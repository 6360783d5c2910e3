package io.blockwise.live;

import io.blockwise.engine.Engine;
import io.blockwise.engine.EngineConfig;
import io.blockwise.engine.EngineHandle;
import io.blockwise.engine.EngineHooks;
import io.blockwise.engine.RigMonitor;
import io.blockwise.render.InputSignal;
import io.blockwise.render.IrLibrary;
import io.blockwise.render.JvmPrimer;
import io.blockwise.render.ProcessTimes;
import io.blockwise.render.RenderFolder;
import io.blockwise.render.RtSanitizer;
import io.blockwise.render.RtSanitizerReport;
import io.blockwise.render.RtThread;
import io.blockwise.render.Seeds;
import io.blockwise.render.Takes;
import io.blockwise.render.WavWriter;
import io.blockwise.rt.Collector;
import io.blockwise.rt.EventLog;
import io.blockwise.rt.FreePolicy;
import io.blockwise.rt.LogEvent;
import io.blockwise.rt.Resource;
import io.blockwise.rt.ResourceRegistry;
import io.blockwise.rt.RetireQueue;
import io.blockwise.scenario.IrSpec;
import io.blockwise.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a scenario live into {@code OUT/NAME/} ({@code output.wav}, {@code events.jsonl},
 * {@code summary.json}), and optionally its capture.
 *
 * <p>The driver (the calling thread) asks the clock for each block, hands it to the audio thread
 * ({@link RtThread}, the same thread and audit as offline), and notes a deadline miss when the
 * hand-off back completes after the block's deadline. Between blocks it does the control side's
 * per-block work in the offline order: it logs the audio thread's events (and feeds the capture),
 * {@code rt-alloc}, the tuner and clip flag, opens takes for new recorders, runs the collector
 * and the writer when their schedules say so (the audio thread is between blocks then, as the
 * collector's reachability check needs), and writes the block. The control and churn threads only
 * build and send. When the clock has run its time the senders are stopped, and blocks go on until
 * every sender has ended and the queue is empty, so no message is left unapplied; then the audio
 * thread retires everything and the collector frees it, as offline.
 */
public final class LiveSession {
    /** Seed stream of the churn threads (thread i uses stream CHURN_STREAM + i). */
    static final long CHURN_STREAM = 0x4348_5552_4eL; // "CHURN"

    private LiveSession() {
    }

    /** Control thread. Runs {@code scenario} live into {@code outRoot/NAME/}. */
    public static LiveResult run(Scenario scenario, Path outRoot, LiveOptions options) throws InterruptedException {
        InputSignal input = InputSignal.of(scenario);
        IrLibrary irs = IrLibrary.of(scenario);
        JvmPrimer.ensurePrimed();
        // The driver releases the audio thread's blocks: it too must win a core over the churn.
        Thread driver = Thread.currentThread();
        int priorityBefore = driver.getPriority();
        driver.setPriority(Thread.MAX_PRIORITY);
        try (RenderFolder folder = RenderFolder.open(scenario, outRoot)) {
            LiveResult result = runInto(scenario, input, irs, folder.staging(), folder.target(), options);
            folder.commit();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + outRoot.resolve(scenario.name()) + ": "
                    + io.blockwise.scenario.InputFiles.reason(e), e);
        } finally {
            driver.setPriority(priorityBefore);
        }
    }

    private static LiveResult runInto(Scenario s, InputSignal input, IrLibrary irs, Path staging, Path target,
            LiveOptions options) throws IOException, InterruptedException {
        int bs = s.blockSize();
        int sr = s.sampleRate();
        long plannedBlocks = options.seconds() > 0 ? (long) Math.ceil(options.seconds() * sr / bs) : s.blockCount();
        long plannedFrames = plannedBlocks * bs;
        EventLog log = new EventLog();
        ResourceRegistry registry = new ResourceRegistry();
        RetireQueue retireQueue = new RetireQueue();
        Scenario.Limits limits = s.limits();
        Engine engine = new Engine(new EngineConfig(sr, bs, limits.queueCapacity(), limits.maxMessagesPerBlock(),
                limits.maxChainLength()), retireQueue);
        EngineHandle handle = new EngineHandle(engine, registry, log, irs, EngineHooks.NONE);
        RigMonitor monitor = new RigMonitor(engine, log);
        Takes takes = new Takes(staging, s);
        Collector collector = new Collector(retireQueue, registry, log, FreePolicy.ONCE, engine);
        Capture capture = new Capture();
        Senders senders = new Senders(handle, capture);
        List<ChurnMessages> churn = new ArrayList<>();
        long irFrames = Math.max(1, Math.round(options.churnIrSeconds() * sr));
        for (int i = 0; i < options.churnThreads(); i++) {
            ChurnMessages m = new ChurnMessages(Seeds.derive(s.seed(), CHURN_STREAM + i), sr, limits.maxChainLength(), irFrames);
            for (IrSpec ir : m.irs()) {
                irs.samples(ir); // prepared before the clock starts, as the scenario's own IRs are
            }
            churn.add(m);
        }
        ProcessTimes processTimes = new ProcessTimes();
        DeadlineMisses misses = new DeadlineMisses();
        BlockPacer clock = options.pacer() == null ? new PacedClock(sr, bs) : options.pacer().create(sr, bs);
        double[] in = new double[bs];
        double[] out = new double[bs];
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        handle.at(0, 0);
        handle.installSetup(s.setup());
        long b = 0;
        long startNanos;
        List<String> defects = new ArrayList<>();
        try (GcPauses gc = GcPauses.start();
                WavWriter wav = WavWriter.open(staging.resolve("output.wav"), sr, s.output().channels(), s.output().encoding());
                RtThread rt = new RtThread(engine, bs, 1);
                RtSanitizer sanitizer = options.jfr() ? RtSanitizer.start() : null) {
            long gcFromMillis = ManagementFactory.getRuntimeMXBean().getUptime();
            startNanos = System.nanoTime();
            try {
                while (true) {
                    if (b == plannedBlocks) {
                        senders.stop();
                    }
                    if (b >= plannedBlocks && senders.allEnded() && engine.commands().size() == 0) {
                        break;
                    }
                    long frame = b * bs;
                    long deadline = clock.awaitBlock(b);
                    if (b == 0) {
                        senders.startScenario(s.events(), plannedFrames, clock);
                        for (int i = 0; i < churn.size(); i++) {
                            senders.startChurn(i, churn.get(i));
                        }
                    }
                    handle.at(b, frame);
                    takes.open(handle.takeNewRecorders());
                    input.fill(in, 0, frame, bs);
                    long handOff = sanitizer == null ? 0 : RtSanitizer.nowEpochNanos();
                    long allocated = rt.processBlock(in, out, bs, frame);
                    long done = System.nanoTime();
                    if (sanitizer != null) {
                        sanitizer.block(b, handOff, RtSanitizer.nowEpochNanos());
                    }
                    if (done > deadline) {
                        misses.add(b, done - deadline);
                    }
                    processTimes.record(rt.lastProcessNanos());
                    capture.at(b);
                    handle.drainRtEvents(capture);
                    if (allocated != 0) {
                        log.add(new LogEvent(b, frame, "rt", "rt-alloc").num("bytes", allocated));
                    }
                    monitor.poll(b, frame);
                    // A recorder queued during this block may have started in it: its take must be
                    // open before the writer's turn, as offline (where it opens before the block).
                    takes.open(handle.takeNewRecorders());
                    if (s.collector().runsAfter(b, frame)) {
                        collector.drain(b, frame);
                    }
                    if (s.writer().runsAfter(b, frame)) {
                        takes.drain();
                    }
                    wav.write(out, 0, bs);
                    for (BlockSink sink : options.sinks()) {
                        sink.write(out, bs);
                    }
                    b++;
                }
            } catch (Throwable t) {
                senders.abandon();
                throw t;
            }
            senders.join(); // every sender has ended: the loop waited for it
            long wallNanos = System.nanoTime() - startNanos;
            long endFrame = b * bs;
            handle.at(b, endFrame);
            capture.at(b);
            long allocated = rt.shutdownEngine();
            handle.drainRtEvents(capture);
            if (allocated != 0) {
                log.add(new LogEvent(b, endFrame, "rt", "rt-alloc").num("bytes", allocated));
            }
            collector.drain(b, endFrame);
            RtSanitizerReport sanitized = RtSanitizerReport.OFF;
            if (sanitizer != null) {
                sanitized = sanitizer.finish(rt.threadId(), staging);
                log.insertByBlock(sanitized.rtBlockEvents(bs));
            }
            takes.finish();
            wav.commit();
            for (BlockSink sink : options.sinks()) {
                sink.close();
            }
            if (senders.failure() != null) {
                throw new IllegalStateException("a sender failed: " + senders.failure(), senders.failure());
            }
            long sent = senders.scenarioSent() + senders.churnSent();
            long lost = sent - capture.count();
            long rtAllocs = log.counts().getOrDefault("rt-alloc", 0L);
            if (rtAllocs > 0) {
                defects.add(rtAllocs + " block(s) allocated on the audio thread (rt-alloc)");
            }
            long rtBlocks = log.counts().getOrDefault("rt-block", 0L);
            if (rtBlocks > 0) {
                defects.add(rtBlocks + " blocking call(s) on the audio thread (rt-block)");
            }
            if (lost != 0) {
                defects.add(lost + " message(s) sent but never taken by the audio thread");
            }
            defects.addAll(collector.violations());
            for (Resource r : registry.unfreed()) {
                defects.add("leak: " + r.id() + " was never freed");
            }
            if (engine.events().dropped() > 0) {
                defects.add(engine.events().dropped() + " audio-thread events did not fit the event ring");
            }
            List<GcPauses.Pause> pauses = new ArrayList<>();
            for (GcPauses.Pause p : gc.pauses()) {
                if (p.startMillis() >= gcFromMillis) {
                    pauses.add(p);
                }
            }
            log.writeTo(staging.resolve("events.jsonl"));
            Scenario captured = null;
            if (options.capture() != null) {
                captured = capture.scenario(s, b, options.capture());
                Capture.write(captured);
            }
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            LiveResult result = new LiveResult(s.name(), target, sr, bs, plannedBlocks, b, wallNanos, processTimes,
                    misses, pauses, log.counts(), senders.scenarioSent(), senders.churnSent(), capture.count(),
                    options.churnThreads(), loadBefore, loadAfter, defects, captured, sanitized);
            LiveSummary.write(result, staging.resolve("summary.json"));
            return result;
        } finally {
            takes.abortUnfinished();
        }
    }
}
