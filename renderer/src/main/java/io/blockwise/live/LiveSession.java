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
import io.blockwise.render.RunDefects;
import io.blockwise.render.Seeds;
import io.blockwise.render.Takes;
import io.blockwise.render.WavWriter;
import io.blockwise.rt.Collector;
import io.blockwise.rt.EventLog;
import io.blockwise.rt.FreePolicy;
import io.blockwise.rt.LogEvent;
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
 * <p>The driver (the calling thread) only paces: it asks the clock for each block, hands it to
 * the audio thread ({@link RtThread}, the same thread and audit as offline), and hands what came
 * back on: the block's samples, what the audio thread published (its events, relayed; the tuner's
 * reading; the clip flag) and the block's timeline go into a preallocated record of a ring to the
 * bookkeeping thread ({@link Bookkeeping}), which logs, captures, runs the writer and writes
 * {@code output.wav} in the offline order, and asks the collector's own thread
 * ({@link CollectorThread}) for its turns. The driver allocates nothing, takes no lock and does no
 * I/O between blocks (an audio device's blocking write, {@link BlockSink}, is the pacing). With
 * {@link LiveOptions#rtPriority} the driver and the audio thread run under {@code SCHED_FIFO}
 * ({@link RealtimeScheduling}). The control and churn threads only build and send. When the clock
 * has run its time the senders are stopped, and blocks go on until every sender has ended and the
 * queue is empty, so no message is left unapplied; then the audio thread retires everything and
 * the collector frees it, as offline.
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
        EngineHooks hooks = options.hooks();
        EventLog log = new EventLog();
        ResourceRegistry registry = new ResourceRegistry();
        RetireQueue retireQueue = new RetireQueue();
        Scenario.Limits limits = s.limits();
        Engine engine = new Engine(new EngineConfig(sr, bs, limits.queueCapacity(), limits.maxMessagesPerBlock(),
                limits.maxChainLength()), retireQueue, hooks);
        EngineHandle handle = new EngineHandle(engine, registry, log, irs, hooks);
        RigMonitor monitor = new RigMonitor(engine, log, hooks);
        Takes takes = new Takes(staging, s);
        BlockGate gate = new BlockGate(engine);
        Collector collector = new Collector(retireQueue, registry, log, hooks.freePolicy(), gate);
        Capture capture = new Capture();
        Senders senders = new Senders(handle, capture);
        List<ChurnSource> churn = new ArrayList<>();
        long irFrames = Math.max(1, Math.round(options.churnIrSeconds() * sr));
        for (int i = 0; i < options.churnThreads(); i++) {
            ChurnSource m = options.churnSource().create(Seeds.derive(s.seed(), CHURN_STREAM + i), sr,
                    limits.maxChainLength(), irFrames);
            for (IrSpec ir : m.irs()) {
                irs.samples(ir); // prepared before the clock starts, as the scenario's own IRs are
            }
            churn.add(m);
        }
        ProcessTimes processTimes = new ProcessTimes();
        DeadlineMisses misses = new DeadlineMisses();
        long periodNanos = Math.round(bs * 1e9 / sr);
        BlockPacer clock = options.pacer() == null ? new PacedClock(sr, bs) : options.pacer().create(sr, bs);
        double[] in = new double[bs];
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        handle.at(0, 0);
        handle.installSetup(s.setup());
        long b = 0;
        long startNanos;
        List<String> defects = new ArrayList<>();
        String realtime = "off";
        long driverTid = -1;
        try (GcPauses gc = GcPauses.start();
                WavWriter wav = WavWriter.open(staging.resolve("output.wav"), sr, s.output().channels(), s.output().encoding());
                RtSanitizer sanitizer = options.jfr() ? RtSanitizer.start() : null) {
            // The bookkeeping threads first, so that they never inherit the driver's real-time policy.
            CollectorThread collectorThread = new CollectorThread(collector);
            Bookkeeping books = new Bookkeeping(s, handle, log, monitor, takes, capture, collectorThread, wav,
                    processTimes, misses, sanitizer);
            List<Long> rtBefore = RealtimeScheduling.tidsNamed(RtThread.NAME);
            try (RtThread rt = new RtThread(engine, bs, 1)) {
                SchedStats sched = SchedStats.start();
                if (options.rtPriority() > 0) {
                    driverTid = RealtimeScheduling.currentTid();
                    List<Long> tids = new ArrayList<>(RealtimeScheduling.tidsNamed(RtThread.NAME));
                    tids.removeAll(rtBefore);
                    if (tids.size() != 1) {
                        tids.clear(); // not known for sure which one it is
                    }
                    tids.add(0, driverTid);
                    realtime = RealtimeScheduling.promote(options.rtPriority(), tids.size() == 2 ? tids : List.of());
                }
                senders.startScenario(s.events(), plannedFrames, clock);
                for (int i = 0; i < churn.size(); i++) {
                    senders.startChurn(i, churn.get(i));
                }
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
                        // A record is claimed before the wait: a full ring delays the release, not the block.
                        BlockRecord r = books.claim();
                        long asked = System.nanoTime();
                        long deadline = clock.awaitBlock(b);
                        long woke = System.nanoTime();
                        if (b == 0) {
                            senders.go();
                        }
                        input.fill(in, 0, frame, bs);
                        r.windowStartEpoch = sanitizer == null ? 0 : RtSanitizer.nowEpochNanos();
                        gate.handingOff();
                        long handOff = System.nanoTime();
                        r.allocatedBytes = rt.processBlock(in, r.out, bs, frame);
                        long done = System.nanoTime();
                        gate.handedBack();
                        r.windowEndEpoch = sanitizer == null ? 0 : RtSanitizer.nowEpochNanos();
                        r.block = b;
                        r.frame = frame;
                        r.frames = bs;
                        r.processNanos = rt.lastProcessNanos();
                        r.rtStart = rt.lastProcessStartNanos();
                        r.release = deadline - periodNanos;
                        r.deadline = deadline;
                        r.asked = asked;
                        r.woke = woke;
                        r.handOff = handOff;
                        r.done = done;
                        engine.tuner().readings().read(r.tuner);
                        r.clip = engine.meter().isClipping();
                        books.publish(engine, r);
                        for (BlockSink sink : options.sinks()) {
                            sink.write(r.out, bs);
                        }
                        b++;
                    }
                } catch (Throwable t) {
                    senders.abandon();
                    books.abandon();
                    collectorThread.abandon();
                    throw t;
                }
                senders.join(); // every sender has ended: the loop waited for it
                long wallNanos = System.nanoTime() - startNanos;
                List<SchedStats.Thread> threads = sched.since();
                books.finish();
                collectorThread.finish();
                long endFrame = b * bs;
                handle.at(b, endFrame);
                capture.at(b);
                long allocated = rt.shutdownEngine();
                handle.drainRtEvents(capture); // the relay is empty: every block was booked
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
                Bookkeeping.Stats bookkeeping = books.stats();
                long sent = senders.scenarioSent() + senders.churnSent();
                long lost = sent - capture.count();
                RunDefects.addTo(defects, log, collector, registry, engine.events());
                if (lost != 0) {
                    defects.add(lost + " message(s) sent but never taken by the audio thread");
                }
                if (bookkeeping.relayDropped() > 0) {
                    defects.add(bookkeeping.relayDropped() + " audio-thread events did not fit the relay to the bookkeeping thread");
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
                        options.churnThreads(), loadBefore, loadAfter, defects, captured, sanitized, threads, realtime,
                        bookkeeping, gcFromMillis);
                LiveSummary.write(result, staging.resolve("summary.json"));
                return result;
            }
        } finally {
            takes.abortUnfinished();
            if (driverTid >= 0 && realtime.startsWith("SCHED_FIFO")) {
                RealtimeScheduling.demote(driverTid);
            }
        }
    }
}
