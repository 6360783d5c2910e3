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
    SKIPPED_CLIP_EVENT("skipped-clip-event");

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
            return StageFactory.build(spec, ps);
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
            if (defect != SKIPPED_CLIP_EVENT) {
                return log;
            }
            boolean[] skipped = {false};
            return e -> {
                if (!skipped[0] && e.event().equals("clip")) {
                    skipped[0] = true; // the defect: the first clip change never reaches the log
                    return;
                }
                log.accept(e);
            };
        }
    }
}
