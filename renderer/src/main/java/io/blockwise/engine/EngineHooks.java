package io.blockwise.engine;

import io.blockwise.dsp.ProcessSpec;
import io.blockwise.dsp.Stage;
import io.blockwise.rt.FreePolicy;
import io.blockwise.rt.LogEvent;
import io.blockwise.rt.Retirer;
import io.blockwise.scenario.StageSpec;
import java.util.function.Consumer;

/**
 * Where checking code may put its own parts into a render, to plant a defect on purpose and see
 * the checks find it (the fuzzer's {@code --plant}). Each hook is handed the production part and
 * returns the part to use; the defaults return it unchanged, so a render with {@link #NONE} is a
 * normal render and the production classes carry no planted branch: a defect is a wrapper the
 * checking code supplies. Each hook is asked once per render, on the control thread, before block
 * 0; what it returns is then used on the thread named. {@link #afterBlocks} is the one observer:
 * it is called as the render goes.
 */
public interface EngineHooks {
    /** No hooks: every part is the production one. */
    EngineHooks NONE = new EngineHooks() { };

    /**
     * Control thread. The stage built for {@code spec} at {@code processSpec} (its process runs on
     * the audio thread): by default {@code StageFactory.build}.
     */
    default Stage stage(StageSpec spec, ProcessSpec processSpec) {
        return StageFactory.build(spec, processSpec);
    }

    /** Control thread. Where the audio thread hands what it retires: by default {@code queue} (the retire queue). */
    default Retirer retirer(Retirer queue) {
        return queue;
    }

    /** Control thread. How the collector frees what it drains (collector thread): by default once each. */
    default FreePolicy freePolicy() {
        return FreePolicy.ONCE;
    }

    /** Control thread. What the scheduler sends messages through (control thread): by default the engine handle. */
    default MessageSender sender(MessageSender handle) {
        return handle;
    }

    /**
     * Control thread. The block a message due at {@code frame} is sent before: by default
     * {@code ceil(frame / blockSize)}, the format's rule.
     */
    default long dueBlock(long frame, int blockSize) {
        return (frame + blockSize - 1) / blockSize;
    }

    /** Control thread. Where the rig monitor logs {@code tuner} and {@code clip} events (control thread): by default {@code log}. */
    default Consumer<LogEvent> monitorLog(Consumer<LogEvent> log) {
        return log;
    }

    /**
     * Control thread, while the audio thread is between blocks: {@code engine} has run every block
     * up to {@code lastBlock} and the chain it holds ({@link Engine#stageAt}) is the one after it.
     * An observer, not a part: called after every run of blocks the renderer hands off (messages
     * apply only at a run's first block, so the chain is the same after each of its blocks). Checks
     * read the chain here to hold the engine to a model; by default nothing.
     */
    default void afterBlocks(long lastBlock, Engine engine) {
    }
}
