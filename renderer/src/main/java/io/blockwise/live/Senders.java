package io.blockwise.live;

import io.blockwise.engine.EngineHandle;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.TimedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The control threads of a live session: one sends the scenario's events at their wall-clock
 * times, and {@code churn} threads send random valid messages as fast as the engine accepts them.
 * Each builds its own commands on its own thread ({@link EngineHandle#submit}) and records what it
 * queued in the {@link Capture}. When the queue is full a sender parks 50 us and tries again, so no
 * message is ever dropped; {@link #stop} lets each finish the message in hand.
 */
final class Senders {
    private static final long FULL_QUEUE_PARK_NANOS = 50_000;

    private final EngineHandle handle;
    private final Capture capture;
    private final List<Thread> threads = new ArrayList<>();
    // Written by the driver (sv), read by the senders (lv).
    private volatile boolean stopping;
    // Written by the driver (sv) at block 0, read by the senders (lv) before their first message:
    // they are started before the clock, so that block 0 does not wait for thread starts.
    private volatile boolean going;
    // Written by the driver when the session fails (sv), read by senders waiting for room (lv).
    private volatile boolean abandoned;
    private final Runnable waitForRoom = () -> {
        if (abandoned) {
            throw new Abandoned();
        }
        LockSupport.parkNanos(FULL_QUEUE_PARK_NANOS);
    };

    /** Unwinds a sender waiting for room in a session that failed (no block will drain the queue). */
    private static final class Abandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super(null, null, false, false);
        }
    }
    // Written by a failing sender (cas from null), read by the driver.
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    // Incremented by every sender after each queued message.
    private final AtomicLong scenarioSent = new AtomicLong();
    private final AtomicLong churnSent = new AtomicLong();

    Senders(EngineHandle handle, Capture capture) {
        this.handle = handle;
        this.capture = capture;
    }

    /**
     * Driver thread. Starts the thread that will send {@code events} before frame {@code endFrame}
     * once {@link #go} was called.
     */
    void startScenario(List<TimedMessage> events, long endFrame, BlockPacer clock) {
        start("blockwise-control", Thread.NORM_PRIORITY, () -> {
            for (TimedMessage t : events) {
                if (t.atFrame() >= endFrame) {
                    return;
                }
                long due = clock.nanosOfFrame(t.atFrame());
                long left;
                while ((left = due - System.nanoTime()) > 0) {
                    if (stopping) {
                        return;
                    }
                    LockSupport.parkNanos(Math.min(left, 1_000_000));
                }
                if (stopping) {
                    return;
                }
                send(t.message());
                scenarioSent.incrementAndGet();
            }
        });
    }

    /**
     * Driver thread. Starts churn thread {@code i}, which will draw its messages from
     * {@code messages} once {@link #go} was called.
     */
    void startChurn(int i, ChurnSource messages) {
        start("blockwise-churn-" + i, Thread.MIN_PRIORITY, () -> {
            while (!stopping) {
                send(messages.next());
                churnSent.incrementAndGet();
            }
        });
    }

    private void send(Message m) {
        long seq = handle.submit(m, waitForRoom);
        capture.sent(seq, m);
    }

    /**
     * Starts a sender thread. Churn threads run at the lowest priority: they stand for a UI or a
     * network thread, which must never take a core from the audio thread or the driver (the
     * priority maps to a nice value only where the JVM may set it; see cli/jvm-live.options).
     */
    private void start(String name, int priority, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                while (!going) {
                    if (stopping) {
                        return;
                    }
                    LockSupport.parkNanos(FULL_QUEUE_PARK_NANOS);
                }
                body.run();
            } catch (Abandoned e) {
                // the session failed; the driver reports why
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, name);
        t.setDaemon(true);
        t.setPriority(priority);
        threads.add(t);
        t.start();
    }

    /** Driver thread, once block 0 was released: the senders begin. */
    void go() {
        going = true;
    }

    /** Driver thread. Asks every sender to stop after the message in hand. */
    void stop() {
        stopping = true;
    }

    /**
     * Driver thread, when the session fails: stops the senders, and unwinds any waiting for room
     * in the queue (no block will drain it any more). What they built is not freed: the session
     * reports its failure instead.
     */
    void abandon() {
        stopping = true;
        abandoned = true;
    }

    /** Driver thread. Whether every sender has ended. */
    boolean allEnded() {
        for (Thread t : threads) {
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    /** Driver thread. Waits for every sender (after {@link #stop}). */
    void join() throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
    }

    /** Driver thread. The first failure of a sender, or null. */
    Throwable failure() {
        return failure.get();
    }

    long scenarioSent() {
        return scenarioSent.get();
    }

    long churnSent() {
        return churnSent.get();
    }
}
