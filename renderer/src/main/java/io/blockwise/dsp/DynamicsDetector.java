package io.blockwise.dsp;

/**
 * The level detector of {@link Compressor} and {@link NoiseGate}: the mean square of the input
 * through a one-pole average with a fixed {@link #TIME_CONSTANT_SECONDS}, read as a sine-peak
 * level in dBFS ({@code 10 log10(2 * meanSquare)}), so a steady sine of amplitude {@code A} reads
 * {@code 20 log10(A)} and a full-scale sine reads 0 dBFS. The one-pole's DC gain is exactly 1, so
 * the reading of a steady sine is unbiased; its ripple at twice the sine's frequency is what the
 * stage's own attack and release then smooth. The 2 ms average is short next to the attack and
 * release times it feeds (it adds about 2 ms of lag to a level step).
 *
 * <p>It also follows the gain the stage asks for ({@link #followGain}): the smoothed gain change
 * in dB, a one-pole with the stage's attack or release coefficient, settling on exactly 0 dB.
 *
 * <p>Hand-over ({@link #takeStateFrom}, both stages' rule at an oversampling change): the level
 * and the smoothed gain, as they are. The level is a mean square and the gain a ratio, the same at
 * every rate; neither is moved by the lag of under a millisecond.
 *
 * <p>Owned by the stage's owner thread; plain fields only.
 */
final class DynamicsDetector {
    static final double TIME_CONSTANT_SECONDS = 0.002;
    /** Reading for silence (and the floor of every reading), dBFS. */
    static final double FLOOR_DB = -200;
    private static final double FLOOR_MEAN_SQUARE = 0.5e-20;
    private static final double DB_PER_NEPER_POWER = 10 / StrictMath.log(10);
    private static final double NEPER_PER_DB = StrictMath.log(10) / 20;

    private double coefficient = 1;
    private double meanSquare;
    /** The smoothed gain change, dB (0 or negative). */
    private double gainDb;

    void prepare(int sampleRate) {
        coefficient = onePole(TIME_CONSTANT_SECONDS, sampleRate);
    }

    /** Owner thread. Feeds one sample; returns the mean square. */
    double next(double x) {
        double ms = meanSquare + (x * x - meanSquare) * coefficient;
        // Below -200 dBFS the reading is the floor anyway; flushing keeps the state normal.
        meanSquare = ms < FLOOR_MEAN_SQUARE ? 0 : ms;
        return meanSquare;
    }

    /** Any thread. The level in dBFS of a mean square (the floor for silence). */
    static double levelDb(double meanSquare) {
        if (meanSquare <= FLOOR_MEAN_SQUARE) {
            return FLOOR_DB;
        }
        return Math.max(FLOOR_DB, DB_PER_NEPER_POWER * StrictMath.log(2 * meanSquare));
    }

    /** Any thread. The mean square a steady sine at {@code db} dBFS settles to. */
    static double meanSquareOf(double db) {
        return 0.5 * RtMath.pow10(db / 10);
    }

    /**
     * Owner thread. One frame of the gain follower: the smoothed gain moves towards
     * {@code targetDb} by {@code falling} (a one-pole coefficient) of the way when the target is
     * below it and by {@code rising} otherwise, and settles on exactly 0 dB once a release to 0
     * is within a nano-dB (so the quiet path needs no exp and the state stays normal). Returns the
     * new gain change, dB.
     */
    double followGain(double targetDb, double falling, double rising) {
        double g = gainDb;
        g += (targetDb - g) * (targetDb < g ? falling : rising);
        gainDb = targetDb == 0 && g > -1e-9 ? 0 : g;
        return gainDb;
    }

    /** Owner thread. The hand-over: takes {@code other}'s level and smoothed gain (see the class comment). */
    void takeStateFrom(DynamicsDetector other) {
        meanSquare = other.meanSquare;
        gainDb = other.gainDb;
    }

    /** Owner thread. Silence: no level, no gain change. */
    void reset() {
        meanSquare = 0;
        gainDb = 0;
    }

    /**
     * Any thread. The per-sample coefficient of a one-pole smoother with time constant
     * {@code seconds}: the step response reaches 1 - 1/e (63.2%) after {@code seconds}.
     */
    static double onePole(double seconds, double sampleRate) {
        return 1 - StrictMath.exp(-1 / (seconds * sampleRate));
    }

    /** Any thread. Linear gain of {@code db} decibels. */
    static double dbToGain(double db) {
        return StrictMath.exp(db * NEPER_PER_DB);
    }
}
