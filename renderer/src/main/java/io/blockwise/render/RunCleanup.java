package io.blockwise.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What an interrupted run must undo: every staging folder or temporary file in use registers a
 * cleanup here, and unregisters once its files are in place or deleted. The command line installs
 * one JVM shutdown hook ({@link #installShutdownHook}); on SIGINT or SIGTERM the JVM runs it while
 * the main thread is still rendering, so it removes every registered staging file, reports one
 * line per interrupted write (or one line saying what was being done), and the JVM exits with
 * 128 + the signal number (130, 143).
 *
 * <p>Once the hook has started, the main thread must not write or report anything more: a new
 * registration, and {@link #stopIfShuttingDown}, park the calling thread until the JVM halts.
 *
 * <p>Shared state: {@code ACTIVE}, {@code shuttingDown} and {@code finished} are written and read
 * under {@code LOCK} by the control thread (registering) and the shutdown hook's thread.
 */
public final class RunCleanup {
    /** One undo: runs once, returns the line to report, or null. */
    public interface Undo {
        /** Control thread or the shutdown hook. Removes the staged files; the line to report or null. */
        String undo();
    }

    /** A registered undo; closing it unregisters (the files were placed or already deleted). */
    public interface Registration extends AutoCloseable {
        /** Control thread. Unregisters. */
        @Override
        void close();
    }

    private static final Object LOCK = new Object();
    private static final Map<Long, Undo> ACTIVE = new LinkedHashMap<>(); // guarded by LOCK
    private static long nextId; // guarded by LOCK
    private static boolean shuttingDown; // guarded by LOCK
    private static boolean finished; // guarded by LOCK
    private static boolean hookInstalled; // guarded by LOCK

    private RunCleanup() {
    }

    /**
     * Control thread. Registers {@code undo} until the returned registration is closed. After a
     * shutdown has begun this parks forever (the JVM is about to halt).
     */
    public static Registration register(Undo undo) {
        long id = -1;
        synchronized (LOCK) {
            if (!shuttingDown) {
                id = nextId++;
                ACTIVE.put(id, undo);
            }
        }
        if (id < 0) {
            parkForever(); // outside the lock: the hook still needs it
        }
        long registered = id;
        return () -> {
            synchronized (LOCK) {
                ACTIVE.remove(registered);
            }
        };
    }

    /** Any thread. True once the shutdown hook has started undoing. */
    public static boolean isShuttingDown() {
        synchronized (LOCK) {
            return shuttingDown;
        }
    }

    /**
     * Control thread. Parks the caller forever when a shutdown has begun, so that a run whose
     * files are being removed reports nothing more (the hook's line is the only one).
     */
    public static void stopIfShuttingDown() {
        if (isShuttingDown()) {
            parkForever();
        }
    }

    /**
     * Control thread (the command line's {@code main}). Installs the one shutdown hook: unless
     * {@link #finished} was called, it undoes every registration and prints one line per undo to
     * {@code report}, or {@code "interrupted while " + doing.get()} when nothing was staged.
     */
    public static void installShutdownHook(Consumer<String> report, Supplier<String> doing) {
        synchronized (LOCK) {
            if (hookInstalled) {
                return;
            }
            hookInstalled = true;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            List<String> lines = undoAll(true);
            if (lines == null) {
                return;
            }
            if (lines.isEmpty()) {
                report.accept("interrupted while " + doing.get());
            }
            lines.forEach(report);
        }, "blockwise-interrupt"));
    }

    /** Control thread. The run ended normally: the shutdown hook that follows has nothing to do. */
    public static void finished() {
        synchronized (LOCK) {
            finished = true;
        }
    }

    /**
     * The hook's work: runs every registered undo (oldest first) and returns their lines; null when
     * the run had finished normally. {@code terminal}: the JVM is shutting down, so later
     * registrations park. Package-private so tests can run it without a signal.
     */
    static List<String> undoAll(boolean terminal) {
        List<Undo> undos;
        synchronized (LOCK) {
            if (finished && terminal) {
                return null;
            }
            if (terminal) {
                shuttingDown = true;
            }
            undos = new ArrayList<>(ACTIVE.values());
            ACTIVE.clear();
        }
        List<String> lines = new ArrayList<>();
        for (Undo u : undos) {
            String line = u.undo();
            if (line != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Parks the calling thread until the JVM halts. */
    static void parkForever() {
        while (true) {
            LockSupport.park(RunCleanup.class);
        }
    }
}
