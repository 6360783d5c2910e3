package io.blockwise.engine;

/**
 * Defects a render can plant in itself on purpose, so that users and tests can see the checks
 * bite (the fuzzer must find each and shrink it to a small scenario). Never set by a normal render.
 */
public enum PlantedDefect {
    /** Every {@code level} stage allocates a small array in each {@code process} call. */
    ALLOCATING_STAGE("allocating-stage"),
    /** Every {@code preamp} stage parks the audio thread in each {@code process} call (found by {@code --jfr}). */
    BLOCKING_STAGE("blocking-stage"),
    /** The audio thread logs {@code retire} but drops the resource instead of queueing it. */
    DROP_INSTEAD_OF_RETIRE("drop-instead-of-retire"),
    /** The collector frees every resource twice. */
    DOUBLE_FREE("double-free"),
    /** The control side drops a message instead of deferring it when it cannot be sent. */
    DROP_WHEN_QUEUE_FULL("drop-when-queue-full");

    private final String cliName;

    PlantedDefect(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line. */
    public String cliName() {
        return cliName;
    }

    /** By command-line name, or null. */
    public static PlantedDefect byCliName(String name) {
        for (PlantedDefect d : values()) {
            if (d.cliName.equals(name)) {
                return d;
            }
        }
        return null;
    }
}
