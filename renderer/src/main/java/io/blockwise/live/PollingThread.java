package io.blockwise.live;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A daemon thread of a live session that polls for work until told to stop: the bookkeeping
 * thread ({@link Bookkeeping}) and the collector ({@link CollectorThread}). It runs its step while
 * the step finds work, parks {@code idleParkNanos} when it finds none, and ends once it was told to
 * stop and a step after that found nothing: it reads the stop flag before the step, so work
 * published before {@link #finish} is always done. Nobody on the audio path waits for it; the
 * driver reads its failure between blocks ({@link #failIfFailed}) and at the end.
 */
final class PollingThread {
    /** One unit of the thread's work. */
    interface Step {
        /** The polling thread. Does what is waiting, if anything; false when there was nothing. */
        boolean run() throws Exception;
    }

    private final String what;
    private final long idleParkNanos;
    private final Step step;
    private final Thread thread;
    // Written by the driver (volatile) when the session ends or fails; read by the polling thread.
    private volatile boolean stopping;
    // Written once by the polling thread when a step threw; read by the driver.
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** Driver thread. Starts thread {@code name}; {@code what} names it in a failure's message. */
    PollingThread(String name, String what, long idleParkNanos, Step step) {
        this.what = what;
        this.idleParkNanos = idleParkNanos;
        this.step = step;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (true) {
                boolean last = stopping;
                if (step.run()) {
                    continue;
                }
                if (last) {
                    return;
                }
                LockSupport.parkNanos(idleParkNanos);
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }

    /** Driver thread. Throws when a step failed. */
    void failIfFailed() {
        Throwable t = failure.get();
        if (t != null) {
            throw new IllegalStateException(what + " failed: " + t, t);
        }
    }

    /** Driver thread. Lets the thread do the work already published, waits for it to end, then {@link #failIfFailed}. */
    void finish() throws InterruptedException {
        stopping = true;
        thread.join();
        failIfFailed();
    }

    /** Driver thread, when the session fails: tells the thread to stop and interrupts it. */
    void abandon() {
        stopping = true;
        thread.interrupt();
    }
}
