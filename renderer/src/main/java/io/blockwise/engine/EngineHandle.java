package io.blockwise.engine;

import io.blockwise.dsp.Convolver;
import io.blockwise.dsp.InputFilter;
import io.blockwise.dsp.Oversampler;
import io.blockwise.dsp.PitchShifter;
import io.blockwise.dsp.ProcessSpec;
import io.blockwise.dsp.Stage;
import io.blockwise.dsp.StageType;
import io.blockwise.record.Recorder;
import io.blockwise.rt.EventLog;
import io.blockwise.rt.LogEvent;
import io.blockwise.rt.Resource;
import io.blockwise.rt.ResourceRegistry;
import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.IrSpec;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.StageSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The control side of an {@link Engine}: builds every resource a message needs (allocating,
 * preparing, registering, logging {@code alloc}), wraps it in a finished {@link Command}, sends it
 * through the command queue ({@code send}, with a sequence number), and logs the audio thread's
 * events after each block. It keeps a mirror of the chain and of the oversampling factor
 * ({@link ChainModel}) so that stages are always prepared for the rate they will run at.
 *
 * <p>Offline one control thread calls {@link #build} and {@link #send}. In live mode any number of
 * control threads call {@link #submit} at once: see there for the order lock, the one lock they
 * share (the audio thread never takes it), and why it spans the mirror, the resource ids and the
 * queue position but never the build of an IR.
 */
public final class EngineHandle implements MessageSender {
    /** Crossfade of {@code clearIr} (the format's default {@code swapIr} crossfade). */
    public static final double CLEAR_IR_FADE_SECONDS = 0.010;

    private final Engine engine;
    private final ResourceRegistry registry;
    private final EventLog log;
    private final IrSource irs;
    private final RtEventLogger rtLogger;
    // Guarded by `order` (with `oversampling` and `nextTake`): read and written by the thread
    // holding it.
    private final ChainModel chainModel;
    // The order lock of submit (and of build): control threads only, held for the mirror, the
    // registration of a command's resources and its queue offer.
    private final Object order = new Object();
    // Per building thread: the resources the builder built for the message in progress, registered
    // (ids, alloc lines) when the order lock is taken, in build order; null for immediate
    // registration. Each thread reads and writes only its own.
    private final ThreadLocal<List<Resource>> unregistered = new ThreadLocal<>();
    private final CommandBuilder builder = new CommandBuilder();
    // Guarded by its own monitor: senders add (before the offer), the driver takes.
    private final List<Recorder> newRecorders = new ArrayList<>();
    // Builds every stage: StageFactory, or a check's wrapper (EngineHooks.stage).
    private final EngineHooks hooks;
    private int oversampling = 1;
    private int nextTake = 1;
    // The block and frame control lines carry. Written by the driver (sv), read by any sending
    // thread (lv): one immutable pair, so a reader never mixes two blocks.
    private volatile Position position = new Position(0, 0);

    private record Position(long block, long frame) { }

    /** Control thread. A handle for an engine without cabinet IRs (none can be built). */
    public EngineHandle(Engine engine, ResourceRegistry registry, EventLog log) {
        this(engine, registry, log, spec -> {
            throw new IllegalStateException("no IR source for " + spec);
        }, EngineHooks.NONE);
    }

    /** Control thread. {@code hooks}: builds the stages ({@link EngineHooks#stage}; checks may plant a defect there). */
    public EngineHandle(Engine engine, ResourceRegistry registry, EventLog log, IrSource irs, EngineHooks hooks) {
        this.engine = engine;
        this.registry = registry;
        this.log = log;
        this.irs = irs;
        this.rtLogger = new RtEventLogger(log);
        this.chainModel = new ChainModel(engine.config().maxChainLength());
        this.hooks = hooks;
    }

    /** Control thread. The block and frame that following log lines carry. */
    public void at(long blockIndex, long startFrame) {
        this.position = new Position(blockIndex, startFrame);
        rtLogger.at(blockIndex, startFrame);
    }

    /** Any thread. */
    public Engine engine() {
        return engine;
    }

    /**
     * Control thread, before the audio thread's first block: builds the {@code setup} state and
     * installs it directly (the audio thread's start publishes it).
     */
    public void installSetup(EngineSetup setup) {
        if (setup.chain().size() > engine.config().maxChainLength()) {
            throw new IllegalArgumentException("setup.chain has " + setup.chain().size()
                    + " stages; allowed: at most limits.maxChainLength = " + engine.config().maxChainLength());
        }
        engine.replaceInputFilters(filter(InputFilter.Kind.HIGHPASS, setup.highpass()),
                filter(InputFilter.Kind.LOWPASS, setup.lowpass()));
        synchronized (order) {
            oversampling = setup.oversampling();
            chainModel.reset(setup.chain());
        }
        engine.replaceOversampling(oversampler(oversampling), stages(setup.chain()), Engine.Change.IMMEDIATE);
        if (setup.ir() != null) {
            engine.cabinet().install(convolver(setup.ir()), 0);
        }
        engine.cabinet().initGain(setup.irGain());
        engine.replacePitchShifter(pitchShifter(setup.pitchShift()), Engine.Change.IMMEDIATE);
        engine.setTunerEnabled(setup.tuner(), Engine.Change.IMMEDIATE);
        EngineSetup.Metronome m = setup.metronome();
        engine.setMetronome(m.enabled(), m.bpm(), m.level());
    }

    /** Control thread. True when a command can be queued now. */
    @Override
    public boolean canSend() {
        return engine.commands().size() < engine.commands().capacity();
    }

    /**
     * Control thread. Builds the command for {@code message}, allocating and logging its
     * resources, and updates the mirror as the audio thread will. Call {@link #send} next.
     */
    public Command build(Message message) {
        synchronized (order) {
            return message.accept(builder);
        }
    }

    /**
     * Any control thread (live mode: several at once). Builds the command for {@code message},
     * queues it, logs {@code alloc} and {@code send}, and returns its sequence number; while the
     * queue is full it runs {@code whileFull} (a short wait) and tries again, so the message is
     * never dropped.
     *
     * <p>The audio thread applies commands in queue order, and three things must follow that same
     * order for a live session to replay offline byte for byte: the chain mirror (a stage is built
     * for the rate and a rebuild for the chain the audio thread will have when it applies it), the
     * resource ids ({@code kind#serial}, given in build order offline) and take numbers. So a
     * message that carries resources or reads or changes the mirror registers its resources,
     * updates the mirror and claims its queue position under one order lock. Its slow part is
     * built before the lock: an IR's convolver (the partitioned FFT of up to 10 s), a pitch
     * shifter, input filters. Stages are built under the lock (their rate and, for
     * {@code setOversampling}, the chain come from the mirror): allocation and preparation of a
     * stage's arrays, never an IR or a file. Messages that carry nothing and leave the mirror alone
     * (IR gain and bypass, tuner, metronome, stop recording, clear IR) go to the queue lock-free.
     * The audio thread never takes the lock.
     */
    public long submit(Message message, Runnable whileFull) {
        if (!ordered(message)) {
            return offerUntilAccepted(message.accept(builder), whileFull);
        }
        List<Resource> built = new ArrayList<>();
        Command c = null;
        if (!buildsFromMirror(message)) {
            c = createUnregistered(message, built);
        }
        synchronized (order) {
            if (c == null) {
                c = createUnregistered(message, built);
            }
            for (Resource r : built) {
                register(r);
            }
            return offerUntilAccepted(c, whileFull);
        }
    }

    private long offerUntilAccepted(Command c, Runnable whileFull) {
        long seq;
        while ((seq = engine.commands().offerSequenced(c)) == 0) {
            whileFull.run();
        }
        Position p = position;
        log.add(new LogEvent(p.block(), p.frame(), "control", "send").num("seq", seq).str("msg", c.name()));
        return seq;
    }

    private Command createUnregistered(Message message, List<Resource> built) {
        unregistered.set(built);
        try {
            return message.accept(builder);
        } finally {
            unregistered.remove();
        }
    }

    /**
     * Whether {@code m} carries resources or reads or changes the chain mirror. A kind not named
     * here is ordered (the safe side: a new kind is never sent outside the lock by mistake).
     */
    private static boolean ordered(Message m) {
        return !(m instanceof Message.SetIrGain || m instanceof Message.SetIrBypass
                || m instanceof Message.SetTunerEnabled || m instanceof Message.SetMetronome
                || m instanceof Message.StopRecording || m instanceof Message.ClearIr);
    }

    /**
     * Whether building {@code m} reads the mirror, the oversampling factor or the take number. A
     * kind not named here is built under the lock (the safe side).
     */
    private static boolean buildsFromMirror(Message m) {
        return !(m instanceof Message.SwapIr || m instanceof Message.SetPitchShift
                || m instanceof Message.SetInputFilters);
    }

    /**
     * The control side's rule for each kind of message, in one place: what it builds (and so
     * allocates), and how it updates the mirror of the chain and the oversampling factor. The
     * command is built before the mirror changes, so new stages are prepared at the rate they will
     * run at. What the audio thread then does with the command is the command's {@code apply}.
     */
    private final class CommandBuilder implements Message.Visitor<Command> {
        @Override
        public Command visit(Message.SetChain m) {
            Command c = new Commands.SetChain(stages(m.chain()));
            chainModel.setChain(m.chain());
            return c;
        }

        @Override
        public Command visit(Message.SetInputFilters m) {
            return new Commands.SetInputFilters(filter(InputFilter.Kind.HIGHPASS, m.highpass()),
                    filter(InputFilter.Kind.LOWPASS, m.lowpass()));
        }

        @Override
        public Command visit(Message.SetParameter m) {
            int id = StageType.globalParamId(m.param());
            if (id < 0) {
                throw new IllegalArgumentException("unknown parameter " + m.param());
            }
            Command c = new Commands.SetParameter(m.stage(), id, m.value());
            chainModel.setParameter(m.stage(), m.param(), m.value());
            return c;
        }

        @Override
        public Command visit(Message.ReplaceStage m) {
            Command c = new Commands.ReplaceStage(m.index(), stage(m.stage()));
            chainModel.replace(m.index(), m.stage());
            return c;
        }

        @Override
        public Command visit(Message.AddStage m) {
            Command c = new Commands.AddStage(m.index(), stage(m.stage()));
            chainModel.add(m.index(), m.stage());
            return c;
        }

        @Override
        public Command visit(Message.RemoveStage m) {
            Command c = new Commands.RemoveStage(m.index());
            chainModel.remove(m.index());
            return c;
        }

        @Override
        public Command visit(Message.SwapStages m) {
            Command c = new Commands.SwapStages(m.a(), m.b());
            chainModel.swap(m.a(), m.b());
            return c;
        }

        @Override
        public Command visit(Message.SetStageBypassed m) {
            Command c = new Commands.SetStageBypassed(m.index(), m.bypassed());
            chainModel.setBypassed(m.index(), m.bypassed());
            return c;
        }

        @Override
        public Command visit(Message.SwapIr m) {
            return new RigCommands.SwapIr(convolver(m.ir()), (int) Math.min(Integer.MAX_VALUE, m.crossfadeFrames()));
        }

        @Override
        public Command visit(Message.ClearIr m) {
            return new RigCommands.ClearIr((int) Math.round(engine.config().sampleRate() * CLEAR_IR_FADE_SECONDS));
        }

        @Override
        public Command visit(Message.SetIrBypass m) {
            return new RigCommands.SetIrBypass(m.bypassed());
        }

        @Override
        public Command visit(Message.SetIrGain m) {
            return new RigCommands.SetIrGain(m.gain());
        }

        @Override
        public Command visit(Message.SetPitchShift m) {
            return new RigCommands.SetPitchShift(pitchShifter(m.semitones()));
        }

        @Override
        public Command visit(Message.SetOversampling m) {
            oversampling = m.factor(); // before building: the chain is rebuilt at the new rate
            Oversampler os = oversampler(m.factor());
            return new RigCommands.SetOversampling(os, stages(chainModel.stages()));
        }

        @Override
        public Command visit(Message.SetTunerEnabled m) {
            return new RigCommands.SetTunerEnabled(m.enabled());
        }

        @Override
        public Command visit(Message.SetMetronome m) {
            return new RigCommands.SetMetronome(m.enabled(), m.bpm(), m.level());
        }

        @Override
        public Command visit(Message.StartRecording m) {
            Recorder r = register(new Recorder(nextTake++, m.encoding(), engine.config().sampleRate(),
                    engine.config().maxBlockFrames()));
            synchronized (newRecorders) {
                newRecorders.add(r);
            }
            return new RigCommands.StartRecording(r);
        }

        @Override
        public Command visit(Message.StopRecording m) {
            return new RigCommands.StopRecording();
        }
    }

    /**
     * Control thread. Queues {@code command} with the next sequence number and logs {@code send};
     * returns false (nothing logged, no number used) when the queue is full.
     */
    public boolean send(Command command) {
        if (engine.commands().offerSequenced(command) == 0) {
            return false;
        }
        Position p = position;
        log.add(new LogEvent(p.block(), p.frame(), "control", "send").num("seq", command.seq()).str("msg", command.name()));
        return true;
    }

    /**
     * Control thread. Builds and queues the command for {@code message} ({@link #build}, then
     * {@link #send}); the caller checked {@link #canSend}.
     */
    @Override
    public void send(Message message) {
        if (!send(build(message))) {
            throw new IllegalStateException("the command queue refused a message it had room for");
        }
    }

    /** Control thread, for tests: the mirror of the chain, as the audio thread will hold it once it applied everything sent. */
    List<StageSpec> mirroredChain() {
        return chainModel.stages();
    }

    /** Control thread, after the audio thread handed a block back: logs its events. */
    public void drainRtEvents() {
        engine.events().drain(rtLogger);
    }

    /**
     * Control thread, after the audio thread handed a block back: logs its events and hands each
     * to {@code also} after logging it (live mode's capture).
     */
    public void drainRtEvents(io.blockwise.rt.RtEventRing.Sink also) {
        engine.events().drain((type, ref, ref2, code, a, b) -> {
            rtLogger.event(type, ref, ref2, code, a, b);
            also.event(type, ref, ref2, code, a, b);
        });
    }

    /**
     * Control thread (live mode's bookkeeping thread). Logs the audio thread's events that the
     * driver relayed into {@code relay} up to its index {@code upTo} (the end of the block last
     * given to {@link #at}), handing each to {@code also} after logging it.
     */
    public void drainRtEvents(io.blockwise.rt.RtEventRing relay, long upTo, io.blockwise.rt.RtEventRing.Sink also) {
        relay.drain((type, ref, ref2, code, a, b) -> {
            rtLogger.event(type, ref, ref2, code, a, b);
            also.event(type, ref, ref2, code, a, b);
        }, upTo);
    }

    /** Control thread. Recorders built since the last call (the writer opens a take for each). */
    public List<Recorder> takeNewRecorders() {
        synchronized (newRecorders) {
            List<Recorder> r = List.copyOf(newRecorders);
            newRecorders.clear();
            return r;
        }
    }

    private Stage[] stages(List<StageSpec> specs) {
        Stage[] stages = new Stage[specs.size()];
        for (int i = 0; i < stages.length; i++) {
            stages[i] = stage(specs.get(i));
        }
        return stages;
    }

    private Stage stage(StageSpec spec) {
        ProcessSpec ps = new ProcessSpec(engine.config().sampleRate() * oversampling,
                engine.config().maxBlockFrames() * oversampling);
        return register(hooks.stage(spec, ps));
    }

    private Oversampler oversampler(int factor) {
        return factor == 1 ? null : register(new Oversampler(factor, engine.config().maxBlockFrames()));
    }

    private Convolver convolver(IrSpec spec) {
        return register(new Convolver(irs.samples(spec), engine.config().maxBlockFrames()));
    }

    private PitchShifter pitchShifter(double semitones) {
        return semitones == 0 ? null
                : register(new PitchShifter(semitones, engine.config().sampleRate(), engine.config().maxBlockFrames()));
    }

    private InputFilter filter(InputFilter.Kind kind, Double hz) {
        return hz == null ? null : register(new InputFilter(kind, hz, engine.config().sampleRate()));
    }

    private <R extends Resource> R register(R r) {
        List<Resource> later = unregistered.get();
        if (later != null) {
            later.add(r);
            return r;
        }
        registry.register(r);
        Position p = position;
        log.add(new LogEvent(p.block(), p.frame(), "control", "alloc").str("resource", r.id()).num("bytes", r.bytes()));
        return r;
    }
}
