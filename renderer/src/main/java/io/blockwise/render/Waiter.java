package io.blockwise.render;

import java.util.concurrent.locks.LockSupport;

/**
 * How one side of the {@link RtThread} hand-off waits for the other: spin briefly (the other side
 * is usually a few microseconds away), then yield (let another runnable thread have the core),
 * then park until the other side {@linkplain #wake unparks} it. A wait that only spun held a core
 * the other side needed whenever the machine was busy; one that parked at once paid a futex round
 * trip (about 26 us) per block.
 *
 * <p>One waiter per waiting thread. {@link #reset} and {@link #idle} are called by that thread only;
 * {@link #wake} by the other side, after its volatile store of the counter the waiter watches.
 */
final class Waiter {
    /** Spins of {@link Thread#onSpinWait} before yielding (about 20-50 us on these machines). */
    static final int SPINS = 2_000;
    /** Yields before parking. */
    static final int YIELDS = 50;

    private final RtThread.Side side;
    // Waiting thread only (plain).
    private int idleCalls;
    // Written by the waiting thread (sv) before it re-checks the counter and parks; read by the
    // waking side (lv) after its volatile store of the counter. Both are sequentially consistent,
    // so either the waiter sees the new counter or the waker sees `parked` and unparks it.
    private volatile boolean parked;

    Waiter(RtThread.Side side) {
        this.side = side;
    }

    /** Waiting thread. Starts a new wait. */
    void reset() {
        idleCalls = 0;
    }

    /**
     * Waiting thread. Called while the awaited counter has not arrived: spins once, yields once,
     * or parks until woken (after announcing it and re-checking {@code hs.arrived}).
     */
    void idle(RtThread hs, long target) {
        int n = idleCalls++;
        if (n < SPINS) {
            Thread.onSpinWait();
        } else if (n < SPINS + YIELDS) {
            Thread.yield();
        } else {
            parked = true;
            if (!hs.arrived(target, side)) {
                LockSupport.park(this);
            }
            parked = false;
        }
    }

    /** The other side, after its volatile store of the counter: unparks {@code waiter} if it parked. */
    void wake(Thread waiter) {
        if (parked) {
            LockSupport.unpark(waiter);
        }
    }
}
