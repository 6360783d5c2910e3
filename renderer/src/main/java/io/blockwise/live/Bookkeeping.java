package io.blockwise.live;

import io.blockwise.engine.EngineHandle;
import io.blockwise.engine.RigMonitor;
import io.blockwise.render.ProcessTimes;
import io.blockwise.render.RtSanitizer;
import io.blockwise.render.Takes;
import io.blockwise.render.WavWriter;
import io.blockwise.rt.EventLog;
import io.blockwise.rt.LogEvent;
import io.blockwise.rt.RtEventRing;
import io.blockwise.scenario.Scenario;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The per-block work of a live session that is not the audio thread's and need not be done
 * before the next block: on its own thread ({@code blockwise-bookkeeping}), fed block by block
 * by the driver through a {@link BlockRing}, in the offline order: it logs the audio thread's
 * events at their block (and feeds the capture), {@code rt-alloc}, the tuner and clip flag, opens
 * takes for new recorders, asks the {@link CollectorThread} for its turn and runs the writer when
 * the scenario's schedules say so, writes the block to {@code output.wav}, and records the block's
 * timeline (process time, deadline, the sanitizer's window).
 *
 * <p>The driver never waits for it while a record is free. When the ring is full (the
 * bookkeeping thread is more than {@code capacity} blocks behind) the driver waits for a record,
 * and each wait is counted and reported ({@link Stats#fullWaits}): nothing is dropped, since a
 * dropped block would be missing from {@code output.wav} and the capture. The audio thread's
 * events are relayed by the driver into a ring of their own ({@link #relay}); one that does not
 * fit is counted ({@link Stats#relayDropped}) and is a defect of the session.
 */
final class Bookkeeping {
    static final int RING_BLOCKS = 4096;
    static final int RELAY_EVENTS = 1 << 16;
    private static final long IDLE_PARK_NANOS = 500_000;

    /** How the rings to the bookkeeping thread fared. */
    record Stats(int ringBlocks, int maxBlocksWaiting, long fullWaits, int relayEvents, long relayDropped,
            long collectorTurns) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ringBlocks", ringBlocks);
            m.put("maxBlocksWaiting", maxBlocksWaiting);
            m.put("ringFullWaits", fullWaits);
            m.put("relayEvents", relayEvents);
            m.put("relayDropped", relayDropped);
            m.put("collectorTurns", collectorTurns);
            return m;
        }
    }

    private final Scenario scenario;
    private final EngineHandle handle;
    private final EventLog log;
    private final RigMonitor monitor;
    private final Takes takes;
    private final Capture capture;
    private final CollectorThread collector;
    private final WavWriter wav;
    private final ProcessTimes processTimes;
    private final DeadlineMisses misses;
    private final RtSanitizer sanitizer;
    private final BlockRing ring;
    private final RtEventRing relay = new RtEventRing(RELAY_EVENTS);
    // The driver's sink relaying the engine's events (made once: nothing allocated per block).
    private final RtEventRing.Sink relaySink = relay::record;
    private final PollingThread thread;
    // Driver only.
    private long fullWaits;

    /** Driver thread. Starts the bookkeeping thread. */
    Bookkeeping(Scenario scenario, EngineHandle handle, EventLog log, RigMonitor monitor, Takes takes,
            Capture capture, CollectorThread collector, WavWriter wav, ProcessTimes processTimes, DeadlineMisses misses,
            RtSanitizer sanitizer) {
        this.scenario = scenario;
        this.handle = handle;
        this.log = log;
        this.monitor = monitor;
        this.takes = takes;
        this.capture = capture;
        this.collector = collector;
        this.wav = wav;
        this.processTimes = processTimes;
        this.misses = misses;
        this.sanitizer = sanitizer;
        this.ring = new BlockRing(RING_BLOCKS, scenario.blockSize());
        this.thread = new PollingThread("blockwise-bookkeeping", "the bookkeeping thread", IDLE_PARK_NANOS,
                this::bookNext);
    }

    /**
     * Driver thread. The record for the next block; waits (counted) while the ring is full. Throws
     * when the bookkeeping thread failed.
     */
    BlockRecord claim() {
        BlockRecord r = ring.claim();
        if (r == null) {
            fullWaits++;
            while ((r = ring.claim()) == null) {
                thread.failIfFailed();
                LockSupport.parkNanos(IDLE_PARK_NANOS);
            }
        }
        thread.failIfFailed();
        return r;
    }

    /**
     * Driver thread, right after the audio thread handed the block back: relays its events into
     * the relay ring and notes in {@code r} how far they reach, then publishes {@code r}.
     */
    void publish(io.blockwise.engine.Engine engine, BlockRecord r) {
        engine.events().drain(relaySink);
        r.eventsEnd = relay.written();
        ring.publish();
    }

    /** Bookkeeping thread. Books the oldest block published, if any. */
    private boolean bookNext() throws IOException {
        BlockRecord r = ring.peek();
        if (r == null) {
            return false;
        }
        book(r);
        ring.release();
        return true;
    }

    private void book(BlockRecord r) throws IOException {
        long b = r.block;
        long frame = r.frame;
        handle.at(b, frame);
        capture.at(b);
        handle.drainRtEvents(relay, r.eventsEnd, capture);
        if (r.allocatedBytes != 0) {
            log.add(new LogEvent(b, frame, "rt", "rt-alloc").num("bytes", r.allocatedBytes));
        }
        monitor.log(b, frame, r.tuner, r.clip);
        // A recorder queued during this block may have started in it: its take must be open
        // before the writer's turn, as offline (where it opens before the block).
        takes.open(handle.takeNewRecorders());
        if (scenario.collector().runsAfter(b, frame)) {
            collector.ask(b, frame);
        }
        if (scenario.writer().runsAfter(b, frame)) {
            takes.drain();
        }
        wav.write(r.out, 0, r.frames);
        processTimes.record(r.processNanos);
        misses.record(b, r.release, r.deadline, r.asked, r.woke, r.handOff, r.rtStart, r.rtStart + r.processNanos,
                r.done);
        if (sanitizer != null) {
            sanitizer.block(b, r.windowStartEpoch, r.windowEndEpoch);
        }
    }

    /** Driver thread, after the last block: waits until every block is booked. */
    void finish() throws InterruptedException {
        thread.finish();
    }

    /** Driver thread, when the session fails. */
    void abandon() {
        thread.abandon();
    }

    /** Driver thread, after {@link #finish}. */
    Stats stats() {
        return new Stats(ring.capacity(), ring.maxFill(), fullWaits, RELAY_EVENTS, relay.dropped(), collector.turns());
    }

}
