package io.blockwise.cli;

import io.blockwise.scenario.ScenarioException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * The one place where failures become exit codes and one-line messages: 0 success, 1 a check
 * failed (golden mismatch, a render with defects, a fuzz failure), 2 bad input or usage. No stack
 * trace unless {@code --debug}.
 */
final class ExitCodes {
    static final int OK = 0;
    static final int CHECK_FAILED = 1;
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }

    /** Maps exceptions thrown by a verb's {@code call()}. */
    static final class Handler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
            boolean debug = parsed.hasMatchedOption("--debug")
                    || (parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--debug"));
            if (debug) {
                e.printStackTrace(cl.getErr());
            }
            cl.getErr().println("blockwise: " + message(e));
            return code(e);
        }
    }

    /** Usage errors: one line and the hint to use --help. */
    static final class UsageHandler implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            CommandLine cl = e.getCommandLine();
            cl.getErr().println("blockwise: " + e.getMessage() + " (see: blockwise " + cl.getCommandName() + " --help)");
            return BAD_INPUT;
        }
    }

    static int code(Throwable e) {
        if (e instanceof CheckFailedException) {
            return CHECK_FAILED;
        }
        return BAD_INPUT;
    }

    static String message(Throwable e) {
        if (e instanceof ScenarioException
                || e instanceof CheckFailedException) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException u && u.getCause() instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        String m = e.getMessage();
        return (m == null ? e.getClass().getSimpleName() : m).lines().findFirst().orElse("");
    }
}
