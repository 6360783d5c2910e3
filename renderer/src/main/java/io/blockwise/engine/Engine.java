package io.blockwise.engine;

import io.blockwise.dsp.Cabinet;
import io.blockwise.dsp.InputFilter;
import io.blockwise.dsp.InputFilterPath;
import io.blockwise.dsp.Metronome;
import io.blockwise.dsp.Oversampler;
import io.blockwise.dsp.PeakMeter;
import io.blockwise.dsp.PitchShifter;
import io.blockwise.dsp.Stage;
import io.blockwise.dsp.Tuner;
import io.blockwise.record.Recorder;
import io.blockwise.rt.CommandQueue;
import io.blockwise.rt.Reachability;
import io.blockwise.rt.Resource;
import io.blockwise.rt.RetireQueue;
import io.blockwise.rt.Retirer;
import io.blockwise.rt.RtEvent;
import io.blockwise.rt.RtEventRing;

/**
 * The audio-thread side of the amp. {@link #process} drains at most {@code maxMessagesPerBlock}
 * commands, applies each, then runs the signal path over the block: input filters, the chain
 * (inside the oversampler when there is one), the cabinet, the pitch shifter, the metronome, the
 * tuner's mute, the peak meter and the recorder. It obeys the
 * audio-thread rule: it never allocates, frees the last reference to a resource, locks, blocks,
 * logs or formats; everything heavy arrives finished inside a {@link Command}, is installed by a
 * reference assignment, and whatever it replaces is {@linkplain #retire retired} for the
 * collector.
 *
 * <p>Thread ownership: built and set up on the control thread ({@link EngineHandle}); from the
 * moment the audio thread is handed its first block every field below is owned by the audio
 * thread, except the queues and the event ring, whose ends are documented there.
 */
public final class Engine implements Retirer, Reachability {
    private final EngineConfig config;
    // Producers: the control threads (EngineHandle; several at once in live mode). Consumer: rt
    // (drainCommands).
    private final CommandQueue<Command> commands;
    // Producer: rt (retire). Consumer: collector.
    private final RetireQueue retireQueue;
    // Producer: rt. Consumer: control, after the block is handed back.
    private final RtEventRing events;

    // rt-owned from the first block on.
    private final ChainPaths paths;
    private final InputFilterPath inputFilters;
    private final PitchPath pitch;
    private final TunerMute tunerMute;
    private Recorder recorder;
    private boolean tunerEnabled;
    private long blockStartFrame;
    private final Cabinet cabinet;
    private final Tuner tuner;
    private final Metronome metronome;
    private final PeakMeter meter;

    // Where retire() hands resources: the retire queue, or a hook's wrapper of it. Final, read by rt.
    private final Retirer retireTo;

    // rt scratch for the arguments of the last refusal (read by the command's caller only).
    long rejectA;
    long rejectB;

    /** Control thread. Allocates everything the audio thread will use. */
    public Engine(EngineConfig config, RetireQueue retireQueue) {
        this(config, retireQueue, EngineHooks.NONE);
    }

    /** Control thread. An engine that retires through {@code hooks.retirer} (checks may plant a defect there). */
    public Engine(EngineConfig config, RetireQueue retireQueue, EngineHooks hooks) {
        this.retireTo = hooks.retirer(retireQueue::retire);
        this.config = config;
        this.retireQueue = retireQueue;
        this.commands = new CommandQueue<>(config.queueCapacity());
        this.events = new RtEventRing(config.eventRingCapacity());
        this.paths = new ChainPaths(this, config.sampleRate(), config.maxChainLength(), config.maxBlockFrames(),
                crossfadeFrames(config.sampleRate()));
        this.cabinet = new Cabinet(config.sampleRate(), config.maxBlockFrames(), this);
        this.tuner = new Tuner(config.sampleRate(), config.maxBlockFrames());
        this.metronome = new Metronome(config.sampleRate());
        this.meter = new PeakMeter(config.sampleRate());
        this.pitch = new PitchPath(this, config.maxBlockFrames(), crossfadeFrames(config.sampleRate()));
        this.tunerMute = new TunerMute(crossfadeFrames(config.sampleRate()));
        this.inputFilters = new InputFilterPath(this, config.maxBlockFrames(), crossfadeFrames(config.sampleRate()));
    }

    /** Length of the crossfades of every change that fades (chain edits, input filters, pitch shift, oversampling, tuner mute): 10 ms. */
    public static final double CROSSFADE_SECONDS = 0.010;

    static int crossfadeFrames(int sampleRate) {
        return Math.max(1, (int) Math.round(CROSSFADE_SECONDS * sampleRate));
    }

    /** The largest oversampling factor of the format. */
    public static final int MAX_OVERSAMPLING = 16;

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
        blockStartFrame = startFrame;
        drainCommands();
        System.arraycopy(in, 0, out, 0, frames);
        inputFilters.process(out, frames);
        paths.process(out, frames, events);
        cabinet.process(out, 0, frames);
        pitch.process(out, frames);
        metronome.process(out, 0, frames, startFrame);
        if (tunerEnabled) {
            tuner.process(in, 0, frames);
        }
        tunerMute.apply(out, frames);
        meter.process(out, 0, frames);
        Recorder r = recorder;
        if (r != null) {
            int lost = r.record(out, 0, frames, startFrame);
            if (lost > 0) {
                events.record(RtEvent.OVERRUN, r, null, 0, lost, 0);
            }
        }
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
     * Audio thread only. A number that changes whenever a block published something the control
     * side reads after that block: an event in the ring (or one dropped), a changed tuner value,
     * a change of the clip flag. Between two calls it is unchanged exactly when nothing of that
     * kind happened, so a driver may hand the audio thread several blocks in a row and meet it
     * only at the block where it changed. Never allocates.
     */
    public long publicationStamp() {
        long counts = events.recordedOrDropped() + tuner.readings().changesPublished();
        return (counts << 1) | (meter.isClipping() ? 1 : 0);
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
        paths.retireAll();
        inputFilters.retireAll();
        pitch.retireAll();
        cabinet.retireAll();
        stopRecording();
    }

    /** Audio thread only. Retires {@code r} and records the event. Never allocates. */
    @Override
    public void retire(Resource r) {
        retireTo.retire(r);
        events.record(RtEvent.RETIRE, r, null, 0, 0, 0);
    }

    /** Audio thread only. Sets the arguments of a refusal and returns its code. */
    int reject(int code, long a, long b) {
        rejectA = a;
        rejectB = b;
        return code;
    }

    // ---- state edits, audio thread only (and control before the first block) ----

    Chain chain() {
        return paths.chain();
    }

    /** Installs {@code stage} (marks it live). */
    static void install(Resource r) {
        if (r != null) {
            r.markLive();
        }
    }

    /** Control thread, before the first block: the input filters heard from the start. */
    void replaceInputFilters(InputFilter newHighpass, InputFilter newLowpass) {
        inputFilters.install(newHighpass, newLowpass);
    }

    /** The input filters ({@code setInputFilters} crossfades them, {@link InputFilterPath}). */
    InputFilterPath inputFilters() {
        return inputFilters;
    }

    /** {@code setChain}: the old chain fades out beside the new one ({@link ChainPath#replaceChain}). */
    void replaceChain(Stage[] stages) {
        paths.replaceChain(stages);
    }

    /**
     * Audio thread only (control before the first block, with {@link Change#IMMEDIATE}). Replaces
     * the oversampler (null: none) and the chain with {@code stages} built at its rate; a
     * {@link Change#CROSSFADE} runs the old path beside the new one while they are crossfaded
     * ({@link ChainPaths}).
     */
    void replaceOversampling(Oversampler next, Stage[] stages, Change change) {
        if (change == Change.IMMEDIATE) {
            paths.install(next, stages);
        } else {
            paths.change(next, stages);
        }
    }

    Cabinet cabinet() {
        return cabinet;
    }

    /**
     * Audio thread only (control before the first block, with {@link Change#IMMEDIATE}). Changes
     * the pitch shifter (null: none); a {@link Change#CROSSFADE} is click-free ({@link PitchPath}).
     */
    void replacePitchShifter(PitchShifter next, Change change) {
        if (change == Change.IMMEDIATE) {
            pitch.install(next);
        } else {
            pitch.change(next);
        }
    }

    /** How an engine part is swapped: at once (the set-up, before the first block) or crossfaded. */
    enum Change { IMMEDIATE, CROSSFADE }

    /**
     * Audio thread only (control before the first block, with {@link Change#IMMEDIATE}). Turns the
     * tuner on or off; the output's mute fades over the crossfade length ({@link TunerMute}).
     */
    void setTunerEnabled(boolean enabled, Change change) {
        if (enabled && !tunerEnabled) {
            tuner.reset();
        }
        tunerEnabled = enabled;
        if (change == Change.IMMEDIATE) {
            tunerMute.setImmediately(enabled);
        } else {
            tunerMute.set(enabled);
        }
    }

    void setMetronome(boolean enabled, double bpm, double level) {
        metronome.set(enabled, bpm, level, blockStartFrame);
    }

    void startRecording(Recorder next) {
        stopRecording();
        install(next);
        recorder = next;
    }

    /** Stops and retires the current take; false when there was none. */
    boolean stopRecording() {
        Recorder r = recorder;
        if (r == null) {
            return false;
        }
        r.stop();
        recorder = null;
        retire(r);
        return true;
    }

    /**
     * Collector or control thread, while the audio thread is between blocks (the hand-off orders
     * its writes before this read). Whether {@code r} is still part of the signal path: a stage
     * of any chain path, an oversampler, an input filter, a pitch shifter (heard, warming up or
     * waiting), a convolver of the cabinet (current, fading or waiting) or the recorder.
     */
    @Override
    public boolean reaches(Resource r) {
        return paths.reaches(r) || pitch.reaches(r) || inputFilters.reaches(r) || r == recorder
                || (r != null && (r == cabinet.current() || r == cabinet.fadingOut() || r == cabinet.queued()));
    }

    /** Any thread (the readings are published through atomics). */
    public Tuner tuner() {
        return tuner;
    }

    /** Control thread: reads the meter's atomics. */
    public PeakMeter meter() {
        return meter;
    }

    /**
     * Control thread, for tests and checks, while the audio thread is between blocks (the hand-off
     * orders its chain writes before this read; tests call it after a block came back, checks from
     * {@link EngineHooks#afterBlocks}): the stage at {@code index}, or null.
     */
    public Stage stageAt(int index) {
        Chain chain = paths.chain();
        return index < chain.length() ? chain.get(index) : null;
    }

    /** Control thread, for tests and checks, while the audio thread is between blocks (as {@link #stageAt}). */
    public int chainLength() {
        return paths.chain().length();
    }
}
