package io.blockwise.cli;

import io.blockwise.render.RunCleanup;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code blockwise} command line: one class per verb, each a few lines that delegate to the
 * renderer library. {@link #run} takes its streams so tests can capture them; only {@link #main}
 * calls {@code System.exit}.
 */
@Command(name = "blockwise", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Renders scripted sessions of a real-time guitar-amp engine deterministically and checks them against golden runs.",
        subcommands = {RenderCommand.class, ValidateCommand.class, CheckCommand.class, BlessCommand.class,
                DiffCommand.class, LiveCommand.class, FuzzCommand.class, AnalyzeCommand.class, SchemaCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class})
public final class Blockwise {

    /**
     * Runs the command line with the given streams; returns the exit code ({@link ExitCodes}).
     * Nothing escapes: an {@code Error} (out of memory, say) is one line too, exit code 3.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Doing.now("running blockwise" + (args.length > 0 ? " " + ExitCodes.oneLine(args[0]) : ""));
        int code;
        try {
            CommandLine cl = new CommandLine(new Blockwise());
            cl.setOut(out);
            cl.setErr(err);
            cl.setExecutionExceptionHandler(new ExitCodes.Handler());
            cl.setParameterExceptionHandler(new ExitCodes.UsageHandler());
            code = cl.execute(args);
        } catch (RuntimeException | Error e) {
            // picocli hands Errors (and exceptions of its own handlers) straight through.
            code = ExitCodes.report(e, ExitCodes.debug(args), err);
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The program: on SIGINT or SIGTERM the shutdown hook removes the run's staging files and
     * prints one line; the JVM then exits with 130 or 143.
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        RunCleanup.installShutdownHook(line -> {
            out.flush();
            err.println(line);
            err.flush();
        }, Doing::current);
        int code = run(args, out, err);
        RunCleanup.finished();
        System.exit(code);
    }
}
