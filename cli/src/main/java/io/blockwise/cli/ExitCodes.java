package io.blockwise.cli;

import io.blockwise.golden.CheckFailure;
import io.blockwise.render.OutputException;
import io.blockwise.render.RunCleanup;
import io.blockwise.scenario.ScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * The one place where failures become exit codes and one-line messages on stderr:
 * <ul>
 * <li>0 success;
 * <li>1 a check ran and failed (golden mismatch, a render with defects, a fuzz failure, diff found
 * differences);
 * <li>2 bad input or usage: a scenario or file that cannot be used, an output folder that cannot be
 * written, a wrong option;
 * <li>3 an unexpected error (a bug, or the machine ran out of memory): one line saying what was
 * being done, and that {@code --debug} shows the stack trace;
 * <li>130 / 143 interrupted by SIGINT / SIGTERM (the JVM's 128 + signal; {@code RunCleanup}
 * removes the run's staging files and prints one line).
 * </ul>
 * No stack trace unless {@code --debug}.
 */
final class ExitCodes {
    static final int OK = 0;
    static final int CHECK_FAILED = 1;
    static final int BAD_INPUT = 2;
    static final int INTERNAL_ERROR = 3;
    /** Longest message printed: a line, not a file. */
    static final int MAX_MESSAGE = 1000;

    private ExitCodes() {
    }

    /** Maps exceptions thrown by a verb's {@code call()}. */
    static final class Handler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
            boolean debug = parsed.hasMatchedOption("--debug")
                    || (parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--debug"));
            return report(e, debug, cl.getErr());
        }
    }

    /** Usage errors: one line and the hint to use --help. */
    static final class UsageHandler implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            CommandLine cl = e.getCommandLine();
            cl.getErr().println("blockwise: " + oneLine(e.getMessage()) + " (see: blockwise " + cl.getCommandName() + " --help)");
            return BAD_INPUT;
        }
    }

    /**
     * Control thread. Prints {@code e} as one line (after its stack trace when {@code debug}) and
     * returns its exit code. Prints nothing when an interrupt is being handled: the shutdown hook's
     * line is the only one.
     */
    static int report(Throwable e, boolean debug, PrintWriter err) {
        RunCleanup.stopIfShuttingDown();
        if (debug) {
            e.printStackTrace(err);
        }
        err.println("blockwise: " + message(e));
        err.flush();
        return code(e);
    }

    /** True when {@code args} ask for stack traces. */
    static boolean debug(String[] args) {
        return Arrays.asList(args).contains("--debug");
    }

    static int code(Throwable e) {
        if (e instanceof CheckFailedException || e instanceof CheckFailure) {
            return CHECK_FAILED;
        }
        if (isBadInput(e)) {
            return BAD_INPUT;
        }
        return INTERNAL_ERROR;
    }

    private static boolean isBadInput(Throwable e) {
        return e instanceof ScenarioException || e instanceof OutputException
                || e instanceof UncheckedIOException || e instanceof IOException
                || e instanceof CommandLine.ParameterException;
    }

    static String message(Throwable e) {
        if (code(e) == INTERNAL_ERROR) {
            String m = e.getMessage();
            return oneLine("internal error while " + Doing.current() + ": " + e.getClass().getSimpleName()
                    + (m == null || m.isBlank() ? "" : ": " + m)) + "; --debug shows the stack trace";
        }
        if (e instanceof UncheckedIOException u && u.getCause() instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        String m = e.getMessage();
        return oneLine(m == null ? e.getClass().getSimpleName() : m);
    }

    /** The first line of {@code s}, cut to {@link #MAX_MESSAGE} characters. */
    static String oneLine(String s) {
        String line = s.lines().findFirst().orElse("");
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "...";
    }
}
