package io.blockwise.cli;

/**
 * What the command line is doing right now ("rendering scenarios/a.json"), for the one line of an
 * unexpected error or an interrupt. Shared state: {@code current} is written by the control thread
 * (the verbs, as they move from file to file) and read by it and by the shutdown hook; volatile.
 */
final class Doing {
    private static volatile String current = "starting";

    private Doing() {
    }

    /** Control thread. Records what is being done now. */
    static void now(String what) {
        current = what;
    }

    /** Any thread. What is being done. */
    static String current() {
        return current;
    }
}
