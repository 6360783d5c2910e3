package io.blockwise.cli;

import io.blockwise.render.ProgressLine;
import java.io.PrintStream;
import picocli.CommandLine.Option;

/**
 * {@code -q} and {@code -v} for the verbs that take a while: a progress line on standard error
 * only when it is a terminal and {@code -q} is not given; {@code -v} adds details.
 */
final class VerbosityOption {
    @Option(names = {"-q", "--quiet"}, description = "No progress line.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "More detail: per-block process times, hand-offs, peak level.")
    boolean verbose;

    /** A progress line on {@code err}, or null when quiet or not on a terminal. */
    ProgressLine progressLine(PrintStream err) {
        return quiet || System.console() == null ? null : new ProgressLine(err);
    }
}
