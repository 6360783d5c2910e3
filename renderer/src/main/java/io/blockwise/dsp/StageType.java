package io.blockwise.dsp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Every stage type of the scenario format, with its parameters' names, ranges and defaults
 * exactly as SCENARIO-FORMAT.md lists them. The reader validates against this table and the
 * engine resolves {@code setParameter} names through it, so the two cannot disagree.
 *
 * <p>Numeric parameters also have a global id (an index into {@link #paramNames()}, shared by
 * every type), which is what a {@code setParameter} command carries: the audio thread maps it to
 * the live stage's own parameter with one array load, or refuses it if that stage has none.
 */
public enum StageType {
    PREAMP("preamp",
            params(p("gain", 0, 10, 3, ""), p("bias", -1, 1, 0, "")),
            choice("clipper", "soft", "soft", "medium", "hard", "asymmetric", "classA", "triode")),
    COMPRESSOR("compressor",
            params(p("threshold", -60, 0, -20, "dB"), p("ratio", 1, 20, 4, ""),
                    p("attack", 0.1, 100, 10, "ms"), p("release", 10, 1000, 100, "ms"),
                    p("makeup", -12, 24, 0, "dB")),
            null),
    NOISE_GATE("noiseGate",
            params(p("threshold", -80, 0, -60, "dB"), p("ratio", 1, 100, 10, ""),
                    p("attack", 0.1, 100, 1, "ms"), p("hold", 0, 500, 50, "ms"),
                    p("release", 1, 1000, 100, "ms")),
            null),
    TONE_STACK("toneStack",
            params(p("bass", 0, 2, 1, ""), p("mid", 0, 2, 1, ""), p("treble", 0, 2, 1, ""),
                    p("presence", 0, 2, 1, "")),
            choice("model", "modern", "modern", "british", "american", "flat")),
    POWER_AMP("powerAmp",
            params(p("drive", 0, 1, 0.5, ""), p("sag", 0, 1, 0.3, ""),
                    p("sagRelease", 40, 200, 100, "ms")),
            choice("class", "AB", "A", "AB", "B")),
    LEVEL("level", params(p("gain", 0, 2, 1, "")), null),
    MULTIBAND_SATURATOR("multibandSaturator",
            params(p("lowDrive", 0, 1, 0.3, ""), p("midDrive", 0, 1, 0.3, ""),
                    p("highDrive", 0, 1, 0.3, ""), p("lowLevel", 0, 2, 1, ""),
                    p("midLevel", 0, 2, 1, ""), p("highLevel", 0, 2, 1, ""),
                    p("lowFreq", 50, 500, 200, "Hz"), p("highFreq", 1000, 6000, 3000, "Hz")),
            null),
    DELAY("delay",
            params(p("time", 0, 2000, 300, "ms"), p("feedback", 0, 0.95, 0.3, ""),
                    p("mix", 0, 1, 0.3, "")),
            null),
    REVERB("reverb",
            params(p("roomSize", 0, 1, 0.5, ""), p("damping", 0, 1, 0.5, ""),
                    p("mix", 0, 1, 0.25, "")),
            null),
    EQ("eq", eqBands(), null),
    TREMOLO("tremolo",
            params(p("rate", 0.1, 20, 5, "Hz"), p("depth", 0, 1, 0.5, ""), p("shape", 0, 1, 0, "")),
            null);

    /** Number of bands of the {@code eq} stage. */
    public static final int EQ_BANDS = 16;

    private static final String[] PARAM_NAMES;
    private static final StageType[] BY_ORDINAL = values();

    static {
        TreeSet<String> names = new TreeSet<>();
        for (StageType t : BY_ORDINAL) {
            for (ParamSpec p : t.params) {
                names.add(p.name());
            }
        }
        PARAM_NAMES = names.toArray(new String[0]);
        for (StageType t : BY_ORDINAL) {
            t.localByGlobal = new int[PARAM_NAMES.length];
            Arrays.fill(t.localByGlobal, -1);
            for (int i = 0; i < t.params.length; i++) {
                t.localByGlobal[Arrays.binarySearch(PARAM_NAMES, t.params[i].name())] = i;
            }
        }
    }

    private final String formatName;
    private final ParamSpec[] params;
    private final ChoiceSpec choice;
    // Written once in the static initializer; read-only after class initialization.
    private int[] localByGlobal;

    StageType(String formatName, ParamSpec[] params, ChoiceSpec choice) {
        this.formatName = formatName;
        this.params = params;
        this.choice = choice;
    }

    /** Any thread. The {@code type} string of the format. */
    public String formatName() {
        return formatName;
    }

    /** Any thread. Number of numeric parameters. */
    public int paramCount() {
        return params.length;
    }

    /** Any thread. Numeric parameter {@code i}. */
    public ParamSpec param(int i) {
        return params[i];
    }

    /** Control thread. The numeric parameters, in table order. */
    public List<ParamSpec> params() {
        return List.of(params);
    }

    /** Control thread. Local index of a numeric parameter by name, or -1. */
    public int paramIndex(String name) {
        for (int i = 0; i < params.length; i++) {
            if (params[i].name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Any thread. The enumerated setting of this type, or null when it has none. */
    public ChoiceSpec choice() {
        return choice;
    }

    /**
     * Audio thread safe (one array load). The local index of global parameter {@code globalId}
     * in this type, or -1 when this type has no such parameter.
     */
    public int localIndex(int globalId) {
        return globalId >= 0 && globalId < localByGlobal.length ? localByGlobal[globalId] : -1;
    }

    /** Control thread. Type by its format name, or null. */
    public static StageType byFormatName(String name) {
        for (StageType t : BY_ORDINAL) {
            if (t.formatName.equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** Control thread. Every format name, in table order, for messages. */
    public static String allowedNames() {
        StringBuilder sb = new StringBuilder();
        for (StageType t : BY_ORDINAL) {
            if (sb.length() > 0) {
                sb.append(" | ");
            }
            sb.append(t.formatName);
        }
        return sb.toString();
    }

    /** Control thread. Every numeric parameter name of every type, sorted (global ids). */
    public static List<String> paramNames() {
        return List.of(PARAM_NAMES);
    }

    /** Control thread. Global id of a parameter name, or -1 when no type has it. */
    public static int globalParamId(String name) {
        int i = Arrays.binarySearch(PARAM_NAMES, name);
        return i >= 0 ? i : -1;
    }

    /** Any thread. Global parameter name by id (for formatting on the control thread). */
    public static String globalParamName(int id) {
        return PARAM_NAMES[id];
    }

    private static ParamSpec p(String name, double min, double max, double def, String unit) {
        return new ParamSpec(name, min, max, def, unit);
    }

    private static ParamSpec[] params(ParamSpec... ps) {
        return ps;
    }

    private static ChoiceSpec choice(String name, String def, String... values) {
        return new ChoiceSpec(name, List.of(values), def);
    }

    private static ParamSpec[] eqBands() {
        List<ParamSpec> bands = new ArrayList<>();
        for (int i = 0; i < EQ_BANDS; i++) {
            bands.add(p("band_" + i, -12, 12, 0, "dB"));
        }
        return bands.toArray(new ParamSpec[0]);
    }
}
