package io.blockwise.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs independent jobs (whole renders) on a few threads and hands their results on in the order
 * of the inputs, so what a user reads and every file written is the same as a serial run's: a
 * render is a pure function of its scenario and shares no state with another render. Control
 * thread (the caller); the jobs run on threads named {@code blockwise-job-N}.
 */
final class InOrderParallel {
    private InOrderParallel() {
    }

    /**
     * Applies {@code job} to every item on {@code threads} threads (1: on the calling thread) and
     * passes each result to {@code inOrder} in the items' order, as soon as it and every earlier
     * one are done. A job's exception is rethrown at its place in the order, after cancelling the
     * jobs not yet started.
     */
    static <T, R> void run(List<T> items, int threads, Function<T, R> job, Consumer<R> inOrder) {
        if (threads <= 1 || items.size() <= 1) {
            for (T item : items) {
                inOrder.accept(job.apply(item));
            }
            return;
        }
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), r -> {
            Thread t = new Thread(r, "blockwise-job-" + names.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> job.apply(item)));
            }
            for (Future<R> f : futures) {
                inOrder.accept(await(f));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R await(Future<R> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a render", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    /** The default number of threads: one per available core. */
    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }
}
