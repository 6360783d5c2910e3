package io.blockwise.fuzz;

import io.blockwise.dsp.ProcessSpec;
import io.blockwise.dsp.Stage;
import io.blockwise.dsp.StageType;
import io.blockwise.engine.Engine;
import io.blockwise.engine.EngineHooks;
import io.blockwise.engine.MessageSender;
import io.blockwise.rt.FreePolicy;
import io.blockwise.rt.LogEvent;
import io.blockwise.rt.Retirer;
import io.blockwise.scenario.StageSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The hooks of a render (planted ones included, all passed through) plus an observer of the
 * engine's chain: after each run of blocks it notes the stage types the engine holds, so that the
 * independent model of property 9 can be held to the chain after every block, not only to the
 * log's outcomes. One per render. Control thread only (the render's driver calls every hook).
 */
final class ChainObserver implements EngineHooks {
    /** The chain the engine held after {@code block} (and after every block since the previous snapshot). */
    record Snapshot(long block, List<StageType> chain) { }

    private final EngineHooks inner;
    // Control thread only.
    private final List<Snapshot> snapshots = new ArrayList<>();

    ChainObserver(EngineHooks inner) {
        this.inner = inner;
    }

    /** Control thread, after the render: the chain after each run of blocks, in block order. */
    List<Snapshot> snapshots() {
        return List.copyOf(snapshots);
    }

    @Override
    public void afterBlocks(long lastBlock, Engine engine) {
        inner.afterBlocks(lastBlock, engine);
        List<StageType> chain = new ArrayList<>();
        for (int i = 0; i < engine.chainLength(); i++) {
            chain.add(engine.stageAt(i).type());
        }
        snapshots.add(new Snapshot(lastBlock, List.copyOf(chain)));
    }

    @Override
    public Stage stage(StageSpec spec, ProcessSpec processSpec) {
        return inner.stage(spec, processSpec);
    }

    @Override
    public Retirer retirer(Retirer queue) {
        return inner.retirer(queue);
    }

    @Override
    public FreePolicy freePolicy() {
        return inner.freePolicy();
    }

    @Override
    public MessageSender sender(MessageSender handle) {
        return inner.sender(handle);
    }

    @Override
    public long dueBlock(long frame, int blockSize) {
        return inner.dueBlock(frame, blockSize);
    }

    @Override
    public Consumer<LogEvent> monitorLog(Consumer<LogEvent> log) {
        return inner.monitorLog(log);
    }
}
