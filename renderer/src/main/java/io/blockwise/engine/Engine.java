package io.blockwise.engine;

import io.blockwise.dsp.InputFilter;
import io.blockwise.dsp.Stage;
import io.blockwise.rt.CommandQueue;
import io.blockwise.rt.Resource;
import io.blockwise.rt.RetireQueue;
import io.blockwise.rt.Retirer;
import io.blockwise.rt.RtEvent;
import io.blockwise.rt.RtEventRing;

/**
 * The audio-thread side of the amp. {@link #process} drains at most {@code maxMessagesPerBlock}
 * commands, applies each, then runs the input filters and the chain over the block. It obeys the
 * audio-thread rule: it never allocates, frees the last reference to a resource, locks, blocks,
 * logs or formats; everything heavy arrives finished inside a {@link Command}, is installed by a
 * reference assignment, and whatever it replaces is {@linkplain #retire retired} for the
 * collector.
 *
 * <p>Thread ownership: built and set up on the control thread ({@link EngineHandle}); from the
 * moment the audio thread is handed its first block every field below is owned by the audio
 * thread, except the queues and the event ring, whose ends are documented there.
 */
public final class Engine implements Retirer {
    private final EngineConfig config;
    // Producer: control (EngineHandle). Consumer: rt (drainCommands).
    private final CommandQueue<Command> commands;
    // Producer: rt (retire). Consumer: collector.
    private final RetireQueue retireQueue;
    // Producer: rt. Consumer: control, after the block is handed back.
    private final RtEventRing events;

    // rt-owned from the first block on.
    private final Chain chain;
    private InputFilter highpass;
    private InputFilter lowpass;
    private final double[] bypassScratch;

    // Planted on purpose only (PlantedDefect.DROP_INSTEAD_OF_RETIRE); final, read by rt.
    private final boolean dropInsteadOfRetire;

    // rt scratch for the arguments of the last refusal (read by the command's caller only).
    long rejectA;
    long rejectB;

    /** Control thread. Allocates everything the audio thread will use. */
    public Engine(EngineConfig config, RetireQueue retireQueue) {
        this(config, retireQueue, java.util.Set.of());
    }

    /** Control thread. An engine with defects planted on purpose (tests of the checks). */
    public Engine(EngineConfig config, RetireQueue retireQueue, java.util.Set<PlantedDefect> planted) {
        this.dropInsteadOfRetire = planted.contains(PlantedDefect.DROP_INSTEAD_OF_RETIRE);
        this.config = config;
        this.retireQueue = retireQueue;
        this.commands = new CommandQueue<>(config.queueCapacity());
        this.events = new RtEventRing(config.eventRingCapacity());
        this.chain = new Chain(config.maxChainLength());
        this.bypassScratch = new double[config.maxBlockFrames()];
    }

    /** Any thread. */
    public EngineConfig config() {
        return config;
    }

    /** Control thread (producer end). */
    public CommandQueue<Command> commands() {
        return commands;
    }

    /** Control thread (consumer end). */
    public RtEventRing events() {
        return events;
    }

    /** Collector thread (consumer end). */
    public RetireQueue retireQueue() {
        return retireQueue;
    }

    /**
     * Audio thread only. Processes one block: {@code frames} frames of {@code in} into
     * {@code out} (which may be the same array). {@code startFrame} is the block's first frame
     * (for sample-accurate timing of later features).
     */
    public void process(double[] in, double[] out, int frames, long startFrame) {
        drainCommands();
        if (in != out) {
            System.arraycopy(in, 0, out, 0, frames);
        }
        if (highpass != null) {
            highpass.process(out, 0, frames);
        }
        if (lowpass != null) {
            lowpass.process(out, 0, frames);
        }
        chain.process(out, bypassScratch, 0, frames, events);
    }

    private void drainCommands() {
        int budget = config.maxMessagesPerBlock();
        for (int i = 0; i < budget; i++) {
            Command c = commands.poll();
            if (c == null) {
                return;
            }
            int reason = c.apply(this);
            if (reason == RejectReason.NONE) {
                events.record(RtEvent.APPLY, c, null, 0, 0, 0);
            } else {
                events.record(RtEvent.REJECT, c, null, reason, rejectA, rejectB);
                c.retirePayload(this);
            }
        }
    }

    /**
     * Audio thread only. At the end of a render: refuses every command still queued (retiring
     * what they carry) and retires everything installed, so the collector can free it all.
     */
    public void shutdown() {
        Command c;
        while ((c = commands.poll()) != null) {
            events.record(RtEvent.REJECT, c, null, RejectReason.RENDER_ENDED, 0, 0);
            c.retirePayload(this);
        }
        chain.clear(this);
        highpass = retireAndNull(highpass);
        lowpass = retireAndNull(lowpass);
    }

    /** Audio thread only. Retires {@code r} and records the event. Never allocates. */
    @Override
    public void retire(Resource r) {
        if (!dropInsteadOfRetire) {
            retireQueue.retire(r);
        }
        events.record(RtEvent.RETIRE, r, null, 0, 0, 0);
    }

    private <R extends Resource> R retireAndNull(R r) {
        if (r != null) {
            retire(r);
        }
        return null;
    }

    /** Audio thread only. Sets the arguments of a refusal and returns its code. */
    int reject(int code, long a, long b) {
        rejectA = a;
        rejectB = b;
        return code;
    }

    // ---- state edits, audio thread only (and control before the first block) ----

    Chain chain() {
        return chain;
    }

    /** Installs {@code stage} (marks it live). */
    static void install(Resource r) {
        if (r != null) {
            r.markLive();
        }
    }

    void replaceInputFilters(InputFilter newHighpass, InputFilter newLowpass) {
        install(newHighpass);
        install(newLowpass);
        InputFilter oldHp = highpass;
        InputFilter oldLp = lowpass;
        highpass = newHighpass;
        lowpass = newLowpass;
        retireAndNull(oldHp);
        retireAndNull(oldLp);
    }

    /** Any thread, for tests: the stage at {@code index}, or null. */
    public Stage stageAt(int index) {
        return index < chain.length() ? chain.get(index) : null;
    }

    /** Any thread, for tests. */
    public int chainLength() {
        return chain.length();
    }
}
