package io.blockwise.live;

import io.blockwise.rt.Reachability;
import io.blockwise.rt.Resource;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The collector's reachability check in a live session, where the collector runs on its own thread
 * and the driver does not wait for it: the check reads the engine's chain, which is only
 * consistent while the audio thread is between blocks. The driver counts the blocks it hands off
 * and gets back; the check runs only when the two counts are equal, and its answer counts only if
 * no block was handed off meanwhile (a sequence lock, as {@code StampedLock}'s optimistic read):
 * otherwise, or if a read of the chain in flux threw, it waits for the block to end and checks
 * again. The audio thread spends most of each period between blocks, so a check rarely waits.
 */
final class BlockGate implements Reachability {
    private final Reachability engine;
    // Both written by the driver (volatile), read by the collector thread (volatile).
    private final AtomicLong handedOff = new AtomicLong();
    private final AtomicLong handedBack = new AtomicLong();

    BlockGate(Reachability engine) {
        this.engine = engine;
    }

    /** Driver thread, right before it hands a block to the audio thread. */
    void handingOff() {
        handedOff.set(handedOff.get() + 1);
    }

    /** Driver thread, right after the block came back. */
    void handedBack() {
        handedBack.set(handedBack.get() + 1);
    }

    /** Collector thread. Whether the engine still reaches {@code r}, checked between blocks. */
    @Override
    public boolean reaches(Resource r) {
        while (true) {
            long off = handedOff.get();
            if (handedBack.get() == off) {
                try {
                    boolean reached = engine.reaches(r);
                    VarHandle.acquireFence();
                    if (handedOff.get() == off) {
                        return reached;
                    }
                } catch (RuntimeException e) {
                    // the chain changed under the check (a block began): check again
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("the session ended while a block was in flight");
            }
            Thread.yield();
        }
    }
}
