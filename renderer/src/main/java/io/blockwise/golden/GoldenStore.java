package io.blockwise.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

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
            List<String> files = RenderFolderDiff.deterministicFiles(renderDir);
            for (String name : files) {
                copyAtomically(renderDir.resolve(name), goldenDir.resolve(name));
            }
            Set<String> keep = new HashSet<>(files);
            for (int t : RenderFolderDiff.takeNumbers(goldenDir)) {
                String stale = RenderFolderDiff.takeName(t);
                if (!keep.contains(stale)) {
                    Files.delete(goldenDir.resolve(stale));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bless " + renderDir + " into " + goldenDir + ": "
                    + e.getMessage(), e);
        }
    }

    private static void copyAtomically(Path source, Path target) throws IOException {
        // A fresh name and a plain copy (not Files.createTempFile, which would make it owner-only).
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
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
}
