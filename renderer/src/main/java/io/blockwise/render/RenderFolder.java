package io.blockwise.render;

import io.blockwise.scenario.InputFiles;
import io.blockwise.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output folder of one render, {@code OUT/NAME/}, made safe against users, concurrent runs and
 * interruptions:
 * <ul>
 * <li>each run writes into its own staging folder {@code OUT/.NAME.PID-RANDOM.partial} (the random
 * part never reaches a WAV or a log) and {@link #commit} moves it into place with an atomic
 * rename, replacing an earlier render;
 * <li>a render only ever replaces its own files ({@link #isOwnFile}: {@code output.wav},
 * {@code events.jsonl}, {@code summary.json}, {@code take-N.wav}); when {@code OUT/NAME} holds
 * anything else the render is refused up front and again at commit, and nothing is deleted;
 * <li>commits of the same {@code OUT/NAME} are serialised by an exclusive lock on
 * {@code OUT/.NAME.lock} (a file lock across processes, a {@link ReentrantLock} within one JVM),
 * so concurrent renders all succeed and leave what a lone render leaves; readers (check, bless)
 * hold the same lock while they read ({@link #lockForReading});
 * <li>a run registers its staging folder with {@link RunCleanup}, so SIGINT and SIGTERM remove it;
 * staging folders of runs that died (SIGKILL: their process is gone) are removed by the next
 * render into the same {@code OUT}.
 * </ul>
 * Control thread, except {@link #undo} which the shutdown hook may call.
 */
public final class RenderFolder implements AutoCloseable {
    private static final Pattern TAKE = Pattern.compile("take-(0|[1-9][0-9]{0,8})\\.wav");
    private static final Pattern STAGED = Pattern.compile("\\.(.+)\\.([0-9]{1,10})-[0-9a-f]{1,16}\\.(partial|old)");
    private static final List<String> OWN = List.of("output.wav", "events.jsonl", "summary.json");
    /** One lock per lock file within this JVM (file locks do not exclude threads of one process). */
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private enum State { OPEN, COMMITTED, ABANDONED, CLOSED }

    private final Path outRoot;
    private final Path target;
    private final Path staging;
    private final String name;
    private final RunCleanup.Registration registration;
    /** Written and read under {@code this} by the control thread and the shutdown hook. */
    private State state = State.OPEN;

    private RenderFolder(Path outRoot, String name, Path staging) {
        this.outRoot = outRoot;
        this.name = name;
        this.target = outRoot.resolve(name);
        this.staging = staging;
        this.registration = RunCleanup.register(this::undo);
    }

    /**
     * Control thread. Prepares {@code outRoot/NAME/} for {@code scenario}: creates {@code outRoot},
     * removes staging folders of dead runs, refuses a target holding files this program does not
     * write (or a disk without room for {@code output.wav}), and creates this run's staging folder.
     *
     * @throws OutputException with one line when the folder cannot be used
     */
    public static RenderFolder open(Scenario scenario, Path outRoot) {
        String name = scenario.name();
        Path target = outRoot.resolve(name);
        try {
            Files.createDirectories(outRoot);
        } catch (FileAlreadyExistsException | NotDirectoryException e) {
            throw new OutputException("cannot write " + target + ": " + e.getFile() + " is not a folder; nothing written");
        } catch (IOException e) {
            throw new OutputException("cannot write " + target + ": " + InputFiles.reason(e) + "; nothing written");
        }
        removeStale(outRoot, name);
        try (FolderLock lock = FolderLock.shared(outRoot, name)) {
            requireOnlyOwnFiles(target); // under the lock: not in the middle of another run's swap
        }
        requireSpace(scenario, outRoot, target);
        for (int attempt = 0; ; attempt++) {
            Path staging = outRoot.resolve("." + name + "." + ProcessHandle.current().pid() + "-"
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".partial");
            try {
                Files.createDirectory(staging);
                return new RenderFolder(outRoot, name, staging);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 8) {
                    throw new OutputException("cannot write " + target + ": no free staging folder name");
                }
            } catch (IOException e) {
                throw new OutputException("cannot write " + target + ": " + InputFiles.reason(e) + "; nothing written");
            }
        }
    }

    /** Control thread. The folder the render writes into until {@link #commit}. */
    public Path staging() {
        return staging;
    }

    /** Control thread. {@code OUT/NAME}. */
    public Path target() {
        return target;
    }

    /**
     * Control thread. Moves the staging folder into place as {@code OUT/NAME}: under the folder's
     * exclusive lock, an earlier render there is renamed aside, the staging folder renamed onto
     * {@code OUT/NAME}, and the earlier render's own files deleted.
     *
     * @throws OutputException when {@code OUT/NAME} meanwhile got files this program does not write
     * @throws IOException when a rename fails (the earlier render is put back)
     */
    public void commit() throws IOException {
        try (FolderLock lock = FolderLock.exclusive(outRoot, name)) {
            synchronized (this) {
                if (state == State.ABANDONED) {
                    RunCleanup.stopIfShuttingDown();
                    throw new OutputException("interrupted: nothing written to " + target);
                }
                if (state != State.OPEN) {
                    throw new IllegalStateException(target + ": staging folder already " + state);
                }
                requireOnlyOwnFiles(target);
                swapIntoPlace();
                state = State.COMMITTED;
            }
        }
        registration.close();
    }

    /** Control thread. Deletes the staging folder unless committed. */
    @Override
    public void close() {
        synchronized (this) {
            if (state == State.OPEN) {
                deleteTree(staging);
                state = State.CLOSED;
            }
        }
        registration.close();
    }

    /** Control thread or the shutdown hook. Removes the staging folder; the line to report. */
    String undo() {
        synchronized (this) {
            if (state == State.COMMITTED) {
                return "interrupted after " + target + " was written";
            }
            state = State.ABANDONED;
            // The render may still be creating files in it: repeat until the folder is gone.
            for (int i = 0; i < 10 && Files.exists(staging, LinkOption.NOFOLLOW_LINKS); i++) {
                deleteTree(staging);
            }
            return "interrupted: nothing written to " + target;
        }
    }

    /**
     * Control thread. Holds {@code outRoot/NAME}'s lock while the caller reads the render there,
     * so that a concurrent render does not swap it away in the middle.
     */
    public static AutoCloseable lockForReading(Path outRoot, String name) {
        return FolderLock.shared(outRoot, name);
    }

    /** Any thread. True for the files a render writes into its folder. */
    public static boolean isOwnFile(String fileName) {
        return OWN.contains(fileName) || TAKE.matcher(fileName).matches();
    }

    private void swapIntoPlace() throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = outRoot.resolve("." + name + "." + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".old");
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE); // put the earlier render back
            throw e;
        }
        deleteOwnFolder(old);
    }

    /** Refuses a target that is not a folder of this program's files. */
    static void requireOnlyOwnFiles(Path target) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new OutputException("cannot write " + target + ": " + InputFiles.reason(e) + "; nothing written");
        }
        if (!a.isDirectory()) {
            throw new OutputException(target + " exists and is not a render folder (it is "
                    + (a.isSymbolicLink() ? "a symbolic link" : "a file") + "); nothing written: "
                    + "move it away or render into another folder (-o)");
        }
        List<String> foreign = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(target)) {
            for (Path p : files) {
                String n = p.getFileName().toString();
                if (!isOwnFile(n) || (Files.exists(p, LinkOption.NOFOLLOW_LINKS)
                        && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))) {
                    foreign.add(n);
                }
            }
        } catch (IOException e) {
            throw new OutputException("cannot write " + target + ": " + InputFiles.reason(e) + "; nothing written");
        }
        if (!foreign.isEmpty()) {
            foreign.sort(null);
            String shown = String.join(", ", foreign.subList(0, Math.min(3, foreign.size())))
                    + (foreign.size() > 3 ? " and " + (foreign.size() - 3) + " more" : "");
            throw new OutputException(target + " holds files a render does not write (" + shown
                    + "); nothing written: move them away or render into another folder (-o)");
        }
    }

    /** Refuses a render whose {@code output.wav} alone would not fit the free space of {@code outRoot}. */
    private static void requireSpace(Scenario s, Path outRoot, Path target) {
        long wavBytes = s.durationFrames() * s.output().channels() * s.output().encoding().bytesPerSample() + 80;
        long usable;
        try {
            usable = Files.getFileStore(outRoot).getUsableSpace();
        } catch (IOException e) {
            return; // unknown: the write itself will say
        }
        if (usable < wavBytes) {
            throw new OutputException("cannot write " + target + ": output.wav needs " + wavBytes
                    + " bytes and " + outRoot + " has " + usable + " free; nothing written");
        }
    }

    /**
     * Removes staging and set-aside folders of runs whose process is gone (a SIGKILL, a crash),
     * and the single {@code .NAME.partial} staging folder of earlier versions.
     */
    static void removeStale(Path outRoot, String name) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(outRoot, ".*")) {
            for (Path p : entries) {
                String n = p.getFileName().toString();
                Matcher m = STAGED.matcher(n);
                boolean stale = m.matches() && !alive(Long.parseLong(m.group(2)));
                if ((stale || n.equals("." + name + ".partial")) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    deleteTree(p);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a leftover that cannot be listed or removed does not stop this render.
        }
    }

    private static boolean alive(long pid) {
        return pid == ProcessHandle.current().pid()
                || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Deletes an earlier render's own files, then its folder if that left it empty. */
    private static void deleteOwnFolder(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                if (isOwnFile(p.getFileName().toString()) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(p);
                }
            }
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // Not empty: something not ours appeared; it stays.
        }
    }

    /**
     * Deletes a staging folder and everything in it (every file there was written by this program);
     * missing files are fine (another run may be cleaning it too).
     */
    static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    try {
                        Files.deleteIfExists(dir);
                    } catch (IOException notEmpty) {
                        // A file appeared meanwhile; the caller may try again.
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Best effort: the caller's error, if any, says more.
        }
    }

    /** A lock on {@code OUT/.NAME.lock}: exclusive for a commit, shared for readers. */
    private static final class FolderLock implements AutoCloseable {
        private final ReentrantLock jvmLock;
        private final FileChannel channel;
        private final FileLock fileLock;

        private FolderLock(ReentrantLock jvmLock, FileChannel channel, FileLock fileLock) {
            this.jvmLock = jvmLock;
            this.channel = channel;
            this.fileLock = fileLock;
        }

        static FolderLock exclusive(Path outRoot, String name) {
            return acquire(outRoot, name, false);
        }

        static FolderLock shared(Path outRoot, String name) {
            return acquire(outRoot, name, true);
        }

        private static FolderLock acquire(Path outRoot, String name, boolean shared) {
            Path file = outRoot.resolve("." + name + ".lock").toAbsolutePath().normalize();
            ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
            jvmLock.lock();
            FileChannel channel = null;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock fileLock = channel.lock(0, Long.MAX_VALUE, shared);
                return new FolderLock(jvmLock, channel, fileLock);
            } catch (IOException e) {
                closeQuietly(channel);
                jvmLock.unlock();
                throw new OutputException("cannot lock " + file + ": " + InputFiles.reason(e));
            } catch (RuntimeException | Error e) {
                closeQuietly(channel);
                jvmLock.unlock();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                fileLock.release();
            } catch (IOException ignored) {
                // Closing the channel releases it too.
            }
            closeQuietly(channel);
            jvmLock.unlock();
        }

        private static void closeQuietly(FileChannel c) {
            if (c != null) {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // Nothing written through it.
                }
            }
        }
    }
}
