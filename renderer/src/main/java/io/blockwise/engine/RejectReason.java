package io.blockwise.engine;

import io.blockwise.dsp.Numbers;
import io.blockwise.dsp.StageType;

/**
 * Why the audio thread refused a command: a code and two long arguments, recorded without
 * allocating and turned into text on the control thread.
 */
public final class RejectReason {
    private RejectReason() {
    }

    public static final int NONE = 0;
    /** a = index, b = chain length. */
    public static final int NO_SUCH_STAGE = 1;
    /** a = index, b = chain length. */
    public static final int INSERT_PAST_END = 2;
    /** a = maxChainLength. */
    public static final int CHAIN_FULL = 3;
    /** a = requested length, b = maxChainLength. */
    public static final int CHAIN_TOO_LONG = 4;
    /** a = global parameter id, b = stage type ordinal. */
    public static final int UNKNOWN_PARAM = 5;
    /** a = global parameter id, b = stage type ordinal; the value is in the command. */
    public static final int PARAM_OUT_OF_RANGE = 6;
    /** The render ended before the command could be applied. */
    public static final int RENDER_ENDED = 7;
    /** stopRecording without a take in progress. */
    public static final int NOT_RECORDING = 8;

    /** Control thread. The reason as a log line shows it. */
    public static String describe(int code, long a, long b, double value) {
        switch (code) {
            case NO_SUCH_STAGE:
                return "index " + a + " does not exist (chain length " + b + ")";
            case INSERT_PAST_END:
                return "index " + a + " is past the end (chain length " + b + "; allowed 0.." + b + ")";
            case CHAIN_FULL:
                return "chain is full (maxChainLength " + a + ")";
            case CHAIN_TOO_LONG:
                return "chain of " + a + " stages exceeds maxChainLength " + b;
            case UNKNOWN_PARAM: {
                StageType t = StageType.values()[(int) b];
                return t.formatName() + " has no parameter " + StageType.globalParamName((int) a);
            }
            case PARAM_OUT_OF_RANGE: {
                StageType t = StageType.values()[(int) b];
                String name = StageType.globalParamName((int) a);
                return t.formatName() + "." + name + " " + Numbers.plain(value) + " is out of range "
                        + t.param(t.localIndex((int) a)).range();
            }
            case RENDER_ENDED:
                return "render ended before the message was applied";
            case NOT_RECORDING:
                return "no take is being recorded";
            default:
                return "reason " + code;
        }
    }
}
