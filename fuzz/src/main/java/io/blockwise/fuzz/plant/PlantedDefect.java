package io.blockwise.fuzz.plant;

import io.blockwise.dsp.ProcessSpec;
import io.blockwise.dsp.Stage;
import io.blockwise.dsp.StageType;
import io.blockwise.engine.EngineHooks;
import io.blockwise.engine.MessageSender;
import io.blockwise.engine.StageFactory;
import io.blockwise.rt.FreePolicy;
import io.blockwise.rt.LogEvent;
import io.blockwise.rt.Retirer;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.StageSpec;
import java.util.function.Consumer;

/**
 * Defects planted on purpose, so that users and tests can see the checks bite (the fuzzer must
 * find each and shrink it to a small scenario): {@code blockwise fuzz --plant NAME}. Each enters a
 * render only through the {@link EngineHooks} it supplies (a stage factory, a retirer, a collector
 * policy, a message sender, the due-block rule, the monitor's log); the engine, the handle, the
 * collector and the scheduler have no branch for any of them.
 */
public enum PlantedDefect {
    /** Every {@code level} stage allocates a small array in each {@code process} call (class: allocation). */
    ALLOCATING_STAGE("allocating-stage"),
    /** Every {@code preamp} stage parks the audio thread in each {@code process} call (class: blocking, found by the JFR audit). */
    BLOCKING_STAGE("blocking-stage"),
    /** The audio thread logs {@code retire} but drops the resource instead of queueing it (class: lifecycle). */
    DROP_INSTEAD_OF_RETIRE("drop-instead-of-retire"),
    /** The collector frees every resource twice (class: lifecycle). */
    DOUBLE_FREE("double-free"),
    /** The control side drops a message instead of deferring it when the queue is full (class: message lost). */
    DROP_WHEN_QUEUE_FULL("drop-when-queue-full"),
    /** Every {@code level} stage's gain jumps to a new value instead of gliding (class: sound, a click). */
    JUMPING_PARAMETER("jumping-parameter"),
    /**
     * The scheduler's due block is {@code frame / blockSize + 1} instead of {@code ceil(frame / blockSize)}:
     * a message on a block edge is applied one block late, with no deferral (class: time).
     */
    LATE_ON_BLOCK_EDGE("late-on-block-edge"),
    /** The monitor's log drops the first {@code clip} event (class: log completeness). */
    SKIPPED_CLIP_EVENT("skipped-clip-event"),
    /**
     * When the collector frees a retired stage it also frees every stage built before it that is
     * still installed, as a collector that frees a stage by resetting the arena its buffers came
     * from would (class: early free, reported by every render's reachability check).
     */
    EARLY_FREE("early-free"),
    /** The monitor's log drops the first {@code tuner} reading with a note (class: log completeness). */
    SKIPPED_TUNER_EVENT("skipped-tuner-event");

    private final String cliName;

    PlantedDefect(String cliName) {
        this.cliName = cliName;
    }

    /** Any thread. The name used on the command line. */
    public String cliName() {
        return cliName;
    }

    /** Any thread. By command-line name, or null. */
    public static PlantedDefect byCliName(String name) {
        for (PlantedDefect d : values()) {
            if (d.cliName.equals(name)) {
                return d;
            }
        }
        return null;
    }

    /** Control thread. The hooks that plant this defect in a render (new ones per call: some keep state per render). */
    public Hooks hooks() {
        return new Hooks(this);
    }

    /** The hooks of one planted defect; each overrides the one hook its defect needs. */
    public static final class Hooks implements EngineHooks {
        private final PlantedDefect defect;
        // EARLY_FREE only: the stages the current render built, in order. One Hooks serves every
        // render of a fuzz run, on several worker threads, so the list is per render: freePolicy()
        // is asked on the render's control thread before it builds any stage (OfflineRenderer
        // builds the collector before installing the setup) and starts that thread's list, which
        // stage() (same thread) appends to. The collector reads it on its own thread (another in
        // lockstep mode): a synchronized list orders the two.
        private final ThreadLocal<java.util.List<Stage>> built = new ThreadLocal<>();

        Hooks(PlantedDefect defect) {
            this.defect = defect;
        }

        /** Any thread. The defect these hooks plant. */
        public PlantedDefect defect() {
            return defect;
        }

        @Override
        public Stage stage(StageSpec spec, ProcessSpec ps) {
            if (defect == ALLOCATING_STAGE && spec.type() == StageType.LEVEL) {
                return StageFactory.configure(new AllocatingLevel(), spec, ps);
            }
            if (defect == BLOCKING_STAGE && spec.type() == StageType.PREAMP) {
                return StageFactory.configure(new ParkingPreamp(), spec, ps);
            }
            if (defect == JUMPING_PARAMETER && spec.type() == StageType.LEVEL) {
                return StageFactory.configure(new JumpingLevel(), spec, ps);
            }
            Stage stage = StageFactory.build(spec, ps);
            if (defect == EARLY_FREE && built.get() != null) {
                built.get().add(stage);
            }
            return stage;
        }

        @Override
        public Retirer retirer(Retirer queue) {
            return defect == DROP_INSTEAD_OF_RETIRE ? r -> { } : queue;
        }

        @Override
        public FreePolicy freePolicy() {
            if (defect == DOUBLE_FREE) {
                return (r, free) -> {
                    free.accept(r);
                    free.accept(r);
                };
            }
            if (defect == EARLY_FREE) {
                java.util.List<Stage> stages = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
                built.set(stages);
                return (r, free) -> {
                    free.accept(r);
                    java.util.List<Stage> siblings;
                    synchronized (stages) {
                        siblings = new java.util.ArrayList<>(stages.subList(0, Math.max(0, stages.indexOf(r))));
                    }
                    for (Stage s : siblings) {
                        // the defect: freeing a stage resets the arena it came from, and with it
                        // every older stage still installed
                        if (s.state() == io.blockwise.rt.Resource.LIVE) {
                            free.accept(s);
                        }
                    }
                };
            }
            return FreePolicy.ONCE;
        }

        @Override
        public MessageSender sender(MessageSender handle) {
            if (defect != DROP_WHEN_QUEUE_FULL) {
                return handle;
            }
            return new MessageSender() {
                @Override
                public boolean canSend() {
                    return true; // the defect: says yes, then loses the message without a trace
                }

                @Override
                public void send(Message message) {
                    if (handle.canSend()) {
                        handle.send(message);
                    }
                }
            };
        }

        @Override
        public long dueBlock(long frame, int blockSize) {
            return defect == LATE_ON_BLOCK_EDGE ? frame / blockSize + 1 : EngineHooks.super.dueBlock(frame, blockSize);
        }

        @Override
        public Consumer<LogEvent> monitorLog(Consumer<LogEvent> log) {
            if (defect != SKIPPED_CLIP_EVENT && defect != SKIPPED_TUNER_EVENT) {
                return log;
            }
            boolean[] skipped = {false};
            return e -> {
                boolean first = defect == SKIPPED_CLIP_EVENT ? e.event().equals("clip")
                        : e.event().equals("tuner") && e.get("note") != null;
                if (!skipped[0] && first) {
                    skipped[0] = true; // the defect: the first such change never reaches the log
                    return;
                }
                log.accept(e);
            };
        }
    }
}
