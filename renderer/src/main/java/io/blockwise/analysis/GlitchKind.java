package io.blockwise.analysis;

/** What a glitch looks like; {@link #label()} is its name in reports and JSON. */
public enum GlitchKind {
    /** A jump the local predictor cannot explain by a spike or an offset: a phase jump, a splice, a cut. */
    DISCONTINUITY("discontinuity", "fs"),
    /** One sample off the signal; the samples after it continue as if it had not happened. */
    SPIKE("spike", "fs"),
    /** The signal continues from this frame with a constant offset added. */
    DC_STEP("dc-step", "fs"),
    /** The sound falls silent (exact zeros, or 20 dB or more below its extrapolation) and comes back. */
    DROPOUT("dropout", "ms");

    private final String label;
    private final String unit;

    GlitchKind(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    /** Any thread. The kind's name in reports: {@code discontinuity}, {@code spike}, {@code dc-step}, {@code dropout}. */
    public String label() {
        return label;
    }

    /** Any thread. The unit of {@link Glitch#size()}: {@code fs} (full scale, linear) or {@code ms}. */
    public String unit() {
        return unit;
    }
}
