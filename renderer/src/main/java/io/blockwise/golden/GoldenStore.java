package io.blockwise.golden;

import io.blockwise.render.RunCleanup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Golden runs: a render folder {@code OUT/NAME/} is checked against {@code golden/NAME/} on its
 * deterministic files ({@code output.wav}, {@code events.jsonl}, every {@code take-N.wav}; never
 * {@code summary.json}), and blessing copies those files into the golden folder.
 */
public final class GoldenStore {

    private GoldenStore() { }

    /**
     * Control thread. Compares {@code renderDir} against {@code goldenDir}; {@code blockSize} (0 if
     * unknown) places audio differences in blocks. A golden folder that does not exist is one
     * mismatch saying so.
     */
    public static RenderFolderDiff.Result compare(Path renderDir, Path goldenDir, int blockSize) {
        if (!Files.isDirectory(goldenDir)) {
            return new RenderFolderDiff.Result(goldenDir, renderDir, List.of(goldenDir.toString()),
                    List.of(new RenderFolderDiff.Mismatch(goldenDir.toString(),
                            "no golden folder; bless a render to create it")));
        }
        return RenderFolderDiff.compareFolders(goldenDir, renderDir, blockSize);
    }

    /**
     * Control thread. Makes {@code renderDir}'s deterministic files the golden ones: each is copied
     * to a temporary file in {@code goldenDir} and renamed over its golden copy (so a reader never
     * sees half a file), then golden takes the render does not have are deleted. The render must
     * hold {@code output.wav} and {@code events.jsonl}.
     */
    public static void bless(Path renderDir, Path goldenDir) {
        for (String required : RenderFolderDiff.REQUIRED) {
            if (!Files.isRegularFile(renderDir.resolve(required))) {
                throw new IllegalArgumentException(renderDir + ": not a complete render (no " + required
                        + "); nothing blessed");
            }
        }
        try {
            Files.createDirectories(goldenDir);
            removeStaleTemps(goldenDir);
            List<String> files = RenderFolderDiff.deterministicFiles(renderDir);
            for (String name : files) {
                copyAtomically(renderDir.resolve(name), goldenDir.resolve(name));
            }
            Set<String> keep = new HashSet<>(files);
            for (int t : RenderFolderDiff.takeNumbers(goldenDir)) {
                String stale = RenderFolderDiff.takeName(t);
                if (!keep.contains(stale)) {
                    Files.deleteIfExists(goldenDir.resolve(stale)); // a concurrent bless may have
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bless " + renderDir + " into " + goldenDir + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * {@code .NAME.PID-RANDOM.tmp}: the process id lets a later bless remove the leftovers of a run
     * that was killed ({@link #removeStaleTemps}); an interrupted run removes its own through
     * {@link RunCleanup}.
     */
    private static final Pattern TEMP = Pattern.compile("\\..+\\.([0-9]{1,10})-[0-9a-f]{1,16}\\.tmp");

    private static void copyAtomically(Path source, Path target) throws IOException {
        // A fresh name and a plain copy (not Files.createTempFile, which would make it owner-only).
        Path temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        Path goldenDir = target.getParent();
        try (RunCleanup.Registration undo = RunCleanup.register(() -> {
            deleteQuietly(temp);
            return "interrupted while blessing " + goldenDir + ": some of its files may already be new; bless again";
        })) {
            Files.copy(source, temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Deletes temporary copies left by blesses whose process is gone. */
    private static void removeStaleTemps(Path goldenDir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(goldenDir, ".*")) {
            for (Path p : entries) {
                Matcher m = TEMP.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    long pid = Long.parseLong(m.group(1));
                    if (pid != ProcessHandle.current().pid()
                            && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        deleteQuietly(p);
                    }
                }
            }
        } catch (IOException e) {
            // Best effort: leftovers are hidden files and never match a golden file name.
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // Best effort.
        }
    }
}
