package io.blockwise.live;

import io.blockwise.engine.EngineHandle;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.TimedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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
    private static final Runnable WAIT_FOR_ROOM = () -> LockSupport.parkNanos(FULL_QUEUE_PARK_NANOS);

    private final EngineHandle handle;
    private final Capture capture;
    private final List<Thread> threads = new ArrayList<>();
    // Written by the driver (sv), read by the senders (lv).
    private volatile boolean stopping;
    // Written by a failing sender (cas from null), read by the driver.
    private final java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
    // Incremented by every sender after each queued message.
    private final AtomicLong scenarioSent = new AtomicLong();
    private final AtomicLong churnSent = new AtomicLong();

    Senders(EngineHandle handle, Capture capture) {
        this.handle = handle;
        this.capture = capture;
    }

    /** Driver thread. Starts the thread sending {@code events} before frame {@code endFrame}. */
    void startScenario(List<TimedMessage> events, long endFrame, BlockPacer clock) {
        start("blockwise-control", () -> {
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

    /** Driver thread. Starts churn thread {@code i}, drawing its messages from {@code messages}. */
    void startChurn(int i, ChurnMessages messages) {
        start("blockwise-churn-" + i, () -> {
            while (!stopping) {
                send(messages.next());
                churnSent.incrementAndGet();
            }
        });
    }

    private void send(Message m) {
        long seq = handle.submit(m, WAIT_FOR_ROOM);
        capture.sent(seq, m);
    }

    private void start(String name, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    /** Driver thread. Asks every sender to stop after the message in hand. */
    void stop() {
        stopping = true;
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
