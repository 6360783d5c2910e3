package io.blockwise.cli;

import picocli.CommandLine.Option;

/** The {@code --debug} flag every verb takes: show stack traces of errors. */
final class DebugOption {
    @Option(names = "--debug", description = "Print the stack trace of an error.")
    boolean debug;
}
