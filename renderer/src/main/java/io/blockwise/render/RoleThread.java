package io.blockwise.render;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Where a background role (collector, writer) runs its turn: on the driver's own thread in
 * offline mode, or on a thread of its own in lockstep mode, where the driver hands it its turn and
 * waits for it to finish, so that the schedule, and so every output byte, is the same in both
 * modes while the real cross-thread hand-offs (retire queue, recorder frames) are exercised.
 * Control thread.
 */
final class RoleThread implements AutoCloseable {
    private final ExecutorService executor;

    private RoleThread(ExecutorService executor) {
        this.executor = executor;
    }

    /** Runs turns on the calling thread. */
    static RoleThread inline() {
        return new RoleThread(null);
    }

    /** Runs turns on a new thread named {@code name}. */
    static RoleThread dedicated(String name) {
        return new RoleThread(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        }));
    }

    /** Runs {@code turn} on the role's thread and waits for it; its exceptions are rethrown. */
    void run(Runnable turn) {
        if (executor == null) {
            turn.run();
            return;
        }
        Future<?> f = executor.submit(turn);
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the " + this + " ran", e);
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

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdown();
        }
    }
}
