package io.blockwise.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the kernel's scheduler did to this process's threads during a live session, from Linux's
 * {@code /proc/self/task/TID/schedstat}: each thread's time on a core, its time runnable but waiting
 * for a core (the run queue), and how many times it was put on a core. The wait is the evidence for
 * a late wake-up: a thread that waited for a core while its block was due. Empty where there is no
 * {@code /proc} (the session goes on without it). Driver thread.
 */
final class SchedStats {
    private static final Path TASKS = Path.of("/proc/self/task");

    /** One thread's share during the session. */
    record Thread(String name, long tid, long runNanos, long waitNanos, long slices) {
    }

    private final long driverTid;
    private final Map<Long, long[]> before;

    private SchedStats(long driverTid, Map<Long, long[]> before) {
        this.driverTid = driverTid;
        this.before = before;
    }

    /** Driver thread. Takes the threads' counters now (the calling thread is the driver). */
    static SchedStats start() {
        long self = -1;
        try {
            self = Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
        } catch (IOException | RuntimeException e) {
            // no /proc: nothing to report
        }
        return new SchedStats(self, read());
    }

    /**
     * Driver thread. The driver's and every {@code blockwise-*} thread's counters since
     * {@link #start} (threads started since: since they started), the driver first.
     */
    List<Thread> since() {
        Map<Long, long[]> now = read();
        List<Thread> out = new ArrayList<>();
        List<Long> tids = new ArrayList<>(now.keySet());
        tids.sort(null);
        for (long tid : tids) {
            String name = comm(tid);
            if (tid != driverTid && (name == null || !name.startsWith("blockwise"))) {
                continue;
            }
            long[] a = before.getOrDefault(tid, new long[3]);
            long[] b = now.get(tid);
            Thread t = new Thread(tid == driverTid ? "driver" : name, tid, b[0] - a[0], b[1] - a[1], b[2] - a[2]);
            if (tid == driverTid) {
                out.add(0, t);
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private static Map<Long, long[]> read() {
        Map<Long, long[]> m = new HashMap<>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String[] f = Files.readString(task.resolve("schedstat")).trim().split(" ");
                    m.put(Long.parseLong(task.getFileName().toString()),
                            new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])});
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc
        }
        return m;
    }

    private static String comm(long tid) {
        try {
            return Files.readString(TASKS.resolve(Long.toString(tid)).resolve("comm")).trim();
        } catch (IOException e) {
            return null;
        }
    }
}
