package io.blockwise.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Puts a live session's driver and audio thread under Linux's real-time {@code SCHED_FIFO} policy,
 * as audio servers do (JACK's {@code -P}, PipeWire through rtkit): a real-time thread that wakes
 * takes a core from any ordinary thread at once, whatever the load, where a nice value only
 * weighs it against the threads of its own autogroup (on this machine's kernel,
 * {@code kernel.sched_autogroup_enabled=1}, a niced process in another session still gets an equal
 * share). Java cannot set the policy itself: this runs {@code chrt --reset-on-fork --fifo -p PRIO
 * TID} on the threads' kernel ids ({@code /proc/thread-self} for the calling thread, the thread's
 * name under {@code /proc/self/task} for the audio thread). {@code --reset-on-fork}: threads they
 * start (the control and churn threads) are ordinary again. Where it is not permitted (not root,
 * no {@code chrt}, no {@code /proc}) the session runs as before and its summary says why. Driver
 * thread.
 */
final class RealtimeScheduling {
    private RealtimeScheduling() {
    }

    /** Driver thread. The calling thread's kernel id, or -1. */
    static long currentTid() {
        try {
            return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Driver thread. The kernel ids of this process's threads named {@code name}. */
    static List<Long> tidsNamed(String name) {
        List<Long> tids = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (Files.readString(task.resolve("comm")).trim().equals(name)) {
                        tids.add(Long.parseLong(task.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc
        }
        tids.sort(null);
        return tids;
    }

    /**
     * Driver thread. Sets {@code SCHED_FIFO} at {@code priority} on each of {@code tids}; returns
     * what the session ran with: "SCHED_FIFO N" or why not.
     */
    static String promote(int priority, List<Long> tids) throws InterruptedException {
        if (tids.contains(-1L) || tids.isEmpty()) {
            return "not set: the threads' kernel ids are unknown (no /proc)";
        }
        for (long tid : tids) {
            String failed = chrt("--reset-on-fork", "--fifo", "-p", Integer.toString(priority), Long.toString(tid));
            if (failed != null) {
                return "not set: " + failed;
            }
        }
        return "SCHED_FIFO " + priority;
    }

    /** Driver thread. Puts {@code tid} back under the ordinary policy; quiet when it cannot. */
    static void demote(long tid) throws InterruptedException {
        if (tid >= 0) {
            chrt("--other", "-p", "0", Long.toString(tid));
        }
    }

    // Null when chrt succeeded, else why not (one line).
    private static String chrt(String... args) throws InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("chrt");
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] said = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "chrt did not finish";
            }
            if (p.exitValue() != 0) {
                String line = new String(said, StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
                return "chrt exited with " + p.exitValue() + (line.isEmpty() ? "" : ": " + line);
            }
            return null;
        } catch (IOException e) {
            return "cannot run chrt: " + e.getMessage();
        }
    }
}
