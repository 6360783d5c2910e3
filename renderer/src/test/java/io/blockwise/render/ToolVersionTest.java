package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.testing.Bundled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ToolVersionTest {
    @Test
    void theEmbeddedCommitIsTheCheckoutsHeadAsGitSaysOrUnknownOutsideGit() throws Exception {
        String head = gitHead();
        ToolVersion v = ToolVersion.current();
        assertEquals(head == null ? ToolVersion.UNKNOWN : head, v.commit());
        assertTrue(v.version().matches("[0-9]+\\.[0-9]+\\.[0-9]+.*"), v.version());
        assertEquals("blockwise " + v.version() + " (commit " + v.commit() + ")", v.describe());
    }

    @Test
    void unfilledOrBlankValuesReadUnknown() {
        assertEquals(new ToolVersion("unknown", "unknown"), ToolVersion.of("${project.version}", "${buildNumber}"));
        assertEquals(new ToolVersion("unknown", "unknown"), ToolVersion.of(null, " "));
        assertEquals(new ToolVersion("1.2.3", "0123456789ab"), ToolVersion.of("1.2.3", "0123456789ab"));
    }

    /** The first 12 hex digits of HEAD of the repository the tests run in, or null outside git. */
    private static String gitHead() throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").directory(Bundled.root().toFile())
                    .redirectErrorStream(false).start();
        } catch (IOException noGit) {
            return null;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.getErrorStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            return null;
        }
        return out;
    }
}
