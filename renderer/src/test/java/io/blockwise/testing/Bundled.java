package io.blockwise.testing;

import io.blockwise.golden.GoldenRuns;
import java.nio.file.Path;
import java.util.List;

/** The repository's bundled scenarios and golden folder, for tests. */
public final class Bundled {
    private Bundled() {
    }

    /** The repository root (set by Surefire; the working directory's parent otherwise). */
    public static Path root() {
        String root = System.getProperty("blockwise.root");
        return (root != null ? Path.of(root) : Path.of("..")).toAbsolutePath().normalize();
    }

    public static List<Path> scenarios() {
        return GoldenRuns.bundledScenarios(root().resolve("scenarios"));
    }

    public static Path golden() {
        return root().resolve("golden");
    }
}
