package io.blockwise.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags {@code ./blockwise} runs with, read from {@code cli/jvm.options} the way the
 * launcher reads them (one flag a line, {@code #} starts a comment, blanks ignored), so that tests
 * starting fresh JVMs audit the configuration users run.
 */
public final class LauncherFlags {
    private LauncherFlags() {
    }

    /** Control thread. The flags of {@code cli/jvm.options} under the repository root. */
    public static List<String> read() {
        return parse(Bundled.root().resolve("cli").resolve("jvm.options"));
    }

    static List<String> parse(Path file) {
        List<String> flags = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int hash = line.indexOf('#');
                String flag = (hash >= 0 ? line.substring(0, hash) : line).replaceAll("\\s", "");
                if (!flag.isEmpty()) {
                    flags.add(flag);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return flags;
    }
}
