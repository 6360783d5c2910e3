package io.blockwise.fuzz;

/**
 * The properties every render of every scenario must have. Properties 6 and 7 are checked on
 * {@link ScenarioPair}s, the others on single scenarios.
 */
public enum FuzzProperty {
    /** 1. The audio thread allocates 0 bytes in every block, from block 0, message handling included. */
    AUDIO_THREAD_ALLOCATES_NOTHING("audio-thread-allocates-nothing", false),
    /** 2. Every built resource is retired, then freed once by the collector; nothing is left. */
    RESOURCES_RETIRED_AND_FREED_ONCE("resources-retired-and-freed-once", false),
    /** 3. Every scheduled message is sent and applied or rejected once, in order, or reported unsent. */
    NO_MESSAGE_LOST("no-message-lost", false),
    /** 4. Two renders, and offline versus lockstep, give the same bytes. */
    DETERMINISTIC("deterministic", false),
    /** 5. The output is finite, within {@link OutputBound}, and no stage faulted. */
    OUTPUT_FINITE_AND_BOUNDED("output-finite-and-bounded", false),
    /** 6. Independent messages at one frame, in either order, give the same audio. */
    INDEPENDENT_MESSAGES_COMMUTE("independent-messages-commute", true),
    /** 7. {@code setChain} of a list gives the same audio as {@code addStage} of each, in one block. */
    SET_CHAIN_EQUALS_ADD_STAGES("set-chain-equals-add-stages", true),
    /** 8. Around a message the output glides or crossfades as documented: no click ({@link ClickChecks}). */
    CLICK_FREE("click-free", false),
    /** 9. Every apply and reject, with its reason, is what an independent model of the messages predicts ({@link SemanticModel}). */
    LOG_MATCHES_MODEL("log-matches-model", false),
    /** 10. Each clip change and tuner reading is logged once; each deferral is explained by a limit ({@link LogCompleteness}). */
    LOG_COMPLETE("log-complete", false),
    /** 11. Events on block edges of two block sizes give the same audio at both ({@link BlockSizeInvariance}). */
    BLOCK_SIZE_INVARIANT("block-size-invariant", false),
    /** 12. The setup, with no message, sounds exactly as its parts run in series outside the engine ({@link SetupHeardAsItsParts}). */
    SETUP_HEARD_AS_ITS_PARTS("setup-heard-as-its-parts", false);

    private final String label;
    private final boolean onPairs;

    FuzzProperty(String label, boolean onPairs) {
        this.label = label;
        this.onPairs = onPairs;
    }

    /** Any thread. The name in reports and file names. */
    public String label() {
        return label;
    }

    /** Any thread. True for the properties of {@link ScenarioPair}s. */
    public boolean onPairs() {
        return onPairs;
    }

    /** Any thread. The pair property for a pair's {@code kind}, or null. */
    public static FuzzProperty forPairKind(String kind) {
        switch (kind) {
            case "commutation": return INDEPENDENT_MESSAGES_COMMUTE;
            case "equivalence": return SET_CHAIN_EQUALS_ADD_STAGES;
            default: return null;
        }
    }
}
