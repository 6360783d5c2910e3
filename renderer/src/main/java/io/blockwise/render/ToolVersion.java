package io.blockwise.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The tool's version and the git commit it was built from, embedded at build time: Maven filters
 * {@code version.properties} with the project version and the commit that buildnumber-maven-plugin
 * reads with {@code git rev-parse}. Built outside a git checkout, the commit is {@value #UNKNOWN}.
 * Any thread (immutable).
 */
public record ToolVersion(String version, String commit) {
    /** What an unknown version or commit reads. */
    public static final String UNKNOWN = "unknown";
    private static final String RESOURCE = "version.properties";

    /** Any thread. The version of this build. */
    public static ToolVersion current() {
        Properties p = new Properties();
        try (InputStream in = ToolVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(p.getProperty("version"), p.getProperty("commit"));
    }

    /** Any thread. From the filtered values; a blank or unfilled ({@code ${...}}) value is unknown. */
    static ToolVersion of(String version, String commit) {
        return new ToolVersion(known(version) ? version : UNKNOWN, known(commit) ? commit : UNKNOWN);
    }

    /** Any thread. {@code blockwise VERSION (commit COMMIT)}. */
    public String describe() {
        return "blockwise " + version + " (commit " + commit + ")";
    }

    private static boolean known(String v) {
        return v != null && !v.isBlank() && !v.contains("${");
    }
}
