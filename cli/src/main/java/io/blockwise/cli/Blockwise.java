package io.blockwise.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code blockwise} command line: one class per verb, each a few lines that delegate to the
 * renderer library. {@link #run} takes its streams so tests can capture them; only {@link #main}
 * calls {@code System.exit}.
 */
@Command(name = "blockwise", mixinStandardHelpOptions = true, version = "blockwise 0.1.0",
        description = "Renders scripted sessions of a real-time guitar-amp engine deterministically and checks them against golden runs.",
        subcommands = {RenderCommand.class, ValidateCommand.class, CheckCommand.class, BlessCommand.class,
                DiffCommand.class, FuzzCommand.class, AnalyzeCommand.class})
public final class Blockwise {

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Blockwise());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ExitCodes.Handler());
        cl.setParameterExceptionHandler(new ExitCodes.UsageHandler());
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, out, err));
    }
}
