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
 * ({@link ChainModel}) so that stages are always prepared for the rate they will run at. Control
 * thread only.
 */
public final class EngineHandle implements MessageSender {
    /** Crossfade of {@code clearIr} (the format's default {@code swapIr} crossfade). */
    public static final double CLEAR_IR_FADE_SECONDS = 0.010;

    private final Engine engine;
    private final ResourceRegistry registry;
    private final EventLog log;
    private final IrSource irs;
    private final RtEventLogger rtLogger;
    private final ChainModel chainModel;
    private final CommandBuilder builder = new CommandBuilder();
    private final List<Recorder> newRecorders = new ArrayList<>();
    // Builds every stage: StageFactory, or a check's wrapper (EngineHooks.stage).
    private final EngineHooks hooks;
    private int oversampling = 1;
    private int nextTake = 1;
    private long nextSeq = 1;
    private long block;
    private long frame;

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
        this.block = blockIndex;
        this.frame = startFrame;
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
        oversampling = setup.oversampling();
        chainModel.reset(setup.chain());
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
        return message.accept(builder);
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
            newRecorders.add(r);
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
        command.assignSeq(nextSeq);
        if (!engine.commands().offer(command)) {
            return false;
        }
        nextSeq++;
        log.add(new LogEvent(block, frame, "control", "send").num("seq", command.seq()).str("msg", command.name()));
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

    /** Control thread. Recorders built since the last call (the writer opens a take for each). */
    public List<Recorder> takeNewRecorders() {
        List<Recorder> r = List.copyOf(newRecorders);
        newRecorders.clear();
        return r;
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
        registry.register(r);
        log.add(new LogEvent(block, frame, "control", "alloc").str("resource", r.id()).num("bytes", r.bytes()));
        return r;
    }
}
