package io.blockwise.engine;

import io.blockwise.dsp.InputFilter;
import io.blockwise.dsp.ProcessSpec;
import io.blockwise.dsp.Stage;
import io.blockwise.dsp.StageFactory;
import io.blockwise.dsp.StageType;
import io.blockwise.rt.EventLog;
import io.blockwise.rt.LogEvent;
import io.blockwise.rt.Resource;
import io.blockwise.rt.ResourceRegistry;
import io.blockwise.rt.RtEvent;
import io.blockwise.rt.RtEventRing;
import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.StageSpec;
import io.blockwise.scenario.UnsupportedFeatureException;
import java.util.List;

/**
 * The control side of an {@link Engine}: builds every resource a message needs (allocating,
 * preparing, registering, logging {@code alloc}), wraps it in a finished {@link Command}, sends it
 * through the command queue ({@code send}, with a sequence number), and turns the audio thread's
 * event records into log lines after each block. Control thread only.
 */
public final class EngineHandle {
    private final Engine engine;
    private final ResourceRegistry registry;
    private final EventLog log;
    private final ProcessSpec stageSpec;
    private final RtEventRing.Sink rtSink = this::logRtEvent;
    // Planted on purpose only (PlantedDefect.ALLOCATING_STAGE).
    private final boolean allocatingLevel;
    private long nextSeq = 1;
    private long block;
    private long frame;

    /** Control thread. */
    public EngineHandle(Engine engine, ResourceRegistry registry, EventLog log) {
        this(engine, registry, log, java.util.Set.of());
    }

    /** Control thread. A handle that builds planted defects on purpose (tests of the checks). */
    public EngineHandle(Engine engine, ResourceRegistry registry, EventLog log, java.util.Set<PlantedDefect> planted) {
        this.allocatingLevel = planted.contains(PlantedDefect.ALLOCATING_STAGE);
        this.engine = engine;
        this.registry = registry;
        this.log = log;
        this.stageSpec = new ProcessSpec(engine.config().sampleRate(), engine.config().maxBlockFrames());
    }

    /** Control thread. The block and frame that following log lines carry. */
    public void at(long blockIndex, long startFrame) {
        this.block = blockIndex;
        this.frame = startFrame;
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
        InputFilter hp = filter(InputFilter.Kind.HIGHPASS, setup.highpass());
        InputFilter lp = filter(InputFilter.Kind.LOWPASS, setup.lowpass());
        engine.replaceInputFilters(hp, lp);
        Chain chain = engine.chain();
        for (StageSpec spec : setup.chain()) {
            Stage s = stage(spec);
            Engine.install(s);
            chain.insert(chain.length(), s);
        }
    }

    /** Control thread. True when a command can be queued now. */
    public boolean canSend() {
        return engine.commands().size() < engine.commands().capacity();
    }

    /** Control thread. Builds the command for {@code message}, allocating and logging its resources. */
    public Command build(Message message) {
        if (message instanceof Message.SetChain m) {
            List<StageSpec> specs = m.chain();
            Stage[] stages = new Stage[specs.size()];
            for (int i = 0; i < stages.length; i++) {
                stages[i] = stage(specs.get(i));
            }
            return new Commands.SetChain(stages);
        } else if (message instanceof Message.SetInputFilters m) {
            return new Commands.SetInputFilters(filter(InputFilter.Kind.HIGHPASS, m.highpass()),
                    filter(InputFilter.Kind.LOWPASS, m.lowpass()));
        } else if (message instanceof Message.SetParameter m) {
            int id = StageType.globalParamId(m.param());
            if (id < 0) {
                throw new IllegalArgumentException("unknown parameter " + m.param());
            }
            return new Commands.SetParameter(m.stage(), id, m.value());
        } else if (message instanceof Message.ReplaceStage m) {
            return new Commands.ReplaceStage(m.index(), stage(m.stage()));
        } else if (message instanceof Message.AddStage m) {
            return new Commands.AddStage(m.index(), stage(m.stage()));
        } else if (message instanceof Message.RemoveStage m) {
            return new Commands.RemoveStage(m.index());
        } else if (message instanceof Message.SwapStages m) {
            return new Commands.SwapStages(m.a(), m.b());
        } else if (message instanceof Message.SetStageBypassed m) {
            return new Commands.SetStageBypassed(m.index(), m.bypassed());
        }
        throw new UnsupportedFeatureException(message.name());
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

    /** Control thread, after the audio thread handed a block back: logs its events. */
    public void drainRtEvents() {
        engine.events().drain(rtSink);
    }

    private void logRtEvent(int type, Object ref, Object ref2, int code, long a, long b) {
        switch (type) {
            case RtEvent.APPLY: {
                Command c = (Command) ref;
                log.add(new LogEvent(block, frame, "rt", "apply").num("seq", c.seq()).str("msg", c.name()));
                break;
            }
            case RtEvent.REJECT: {
                Command c = (Command) ref;
                double value = c instanceof Commands.SetParameter sp ? sp.value() : 0;
                log.add(new LogEvent(block, frame, "rt", "reject").num("seq", c.seq()).str("msg", c.name())
                        .str("reason", RejectReason.describe(code, a, b, value)));
                break;
            }
            case RtEvent.RETIRE: {
                Resource r = (Resource) ref;
                log.add(new LogEvent(block, frame, "rt", "retire").str("resource", r.id()).num("bytes", r.bytes()));
                break;
            }
            case RtEvent.FAULT: {
                Resource r = (Resource) ref;
                Throwable t = (Throwable) ref2;
                log.add(new LogEvent(block, frame, "rt", "fault").str("resource", r.id())
                        .str("reason", t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage())));
                break;
            }
            case RtEvent.OVERRUN: {
                Resource r = (Resource) ref;
                log.add(new LogEvent(block, frame, "rt", "overrun").str("resource", r.id()).num("frames", a));
                break;
            }
            default:
                throw new IllegalStateException("unknown rt event type " + type);
        }
    }

    private Stage stage(StageSpec spec) {
        if (allocatingLevel && spec.type() == StageType.LEVEL) {
            return register(StageFactory.configure(new AllocatingLevel(), spec, stageSpec));
        }
        return register(StageFactory.build(spec, stageSpec));
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
