package io.blockwise.dsp;

import java.util.Arrays;

/**
 * The tuner: estimates the fundamental of the raw input with {@link YinEstimator} every
 * {@link #hopFrames()} frames (20 ms) and publishes it through {@link #readings()}. Range 41 Hz
 * (a bass guitar's low E) to 1.3 kHz; below {@link #GATE_DBFS} RMS there is no note. Owned by the
 * engine: built on the control thread, then driven by the audio thread only.
 *
 * <p>Sizes, at rate {@code fs}: lags from {@code floor(fs / 1400)} to {@code ceil(fs / 38.7)} (a
 * semitone of margin beyond the range, so the interpolation has neighbours at the ends); the
 * integration window is two periods of 41 Hz; one estimate looks at window + lag range
 * (3,584 frames, 75 ms, at 48 kHz). Estimates run on the running frame count, so readings do not
 * depend on block sizes. The first estimate comes once that many frames have arrived since the
 * last {@link #reset()}.
 */
public final class Tuner {
    /** Lowest frequency reported. */
    public static final double MIN_HZ = 41;
    /** Highest frequency reported. */
    public static final double MAX_HZ = 1300;
    /** Level gate: RMS below this many dBFS gives no note. */
    public static final double GATE_DBFS = -50;
    /** Time between estimates. */
    public static final double HOP_SECONDS = 0.02;

    private static final double MARGIN = StrictMath.pow(2, 1 / 12.0);

    private final int sampleRate;
    private final int hop;
    private final double gateMeanSquare;
    private final YinEstimator yin;
    private final TunerReadings readings = new TunerReadings();
    private final double[] ring;
    private final int mask;

    // Audio thread only once the engine owns the tuner.
    private long frames;
    private int untilEstimate;

    /**
     * Control thread. Allocates the analysis buffers and runs the FFT plan once. Input is
     * streamed through a ring, so {@code maxBlockFrames} sizes nothing; it is checked only.
     *
     * @throws IllegalArgumentException when a size is not positive or the rate cannot represent
     *     1.3 kHz with margin
     */
    public Tuner(int sampleRate, int maxBlockFrames) {
        if (sampleRate < 4000 || maxBlockFrames <= 0) {
            throw new IllegalArgumentException(
                    "sampleRate " + sampleRate + " (at least 4000) and maxBlockFrames " + maxBlockFrames);
        }
        this.sampleRate = sampleRate;
        this.hop = (int) Math.round(sampleRate * HOP_SECONDS);
        double gate = StrictMath.pow(10, GATE_DBFS / 20);
        this.gateMeanSquare = gate * gate;
        int minLag = Math.max(2, (int) Math.floor(sampleRate / (MAX_HZ * MARGIN)));
        int maxLag = (int) Math.ceil(sampleRate / (MIN_HZ / MARGIN));
        int window = 2 * (int) Math.ceil(sampleRate / MIN_HZ);
        this.yin = new YinEstimator(sampleRate, window, minLag, maxLag);
        int n = Integer.highestOneBit(yin.length());
        ring = new double[n == yin.length() ? n : 2 * n];
        mask = ring.length - 1;
        untilEstimate = hop;
    }

    /** Any thread. Frames between estimates. */
    public int hopFrames() {
        return hop;
    }

    /** Any thread. Frames one estimate analyses. */
    public int analysisFrames() {
        return yin.length();
    }

    /** Any thread. The published reading; the control side polls it with {@link TunerReadings#read}. */
    public TunerReadings readings() {
        return readings;
    }

    /**
     * Audio thread only. Takes {@code len} input frames from {@code off} (not modified) and
     * publishes a reading at every hop once enough input has arrived. Never allocates.
     */
    public void process(double[] in, int off, int len) {
        int i = off;
        final int end = off + len;
        while (i < end) {
            int chunk = Math.min(end - i, untilEstimate);
            long f = frames;
            for (int k = 0; k < chunk; k++) {
                ring[(int) ((f + k) & mask)] = in[i + k];
            }
            frames = f + chunk;
            i += chunk;
            untilEstimate -= chunk;
            if (untilEstimate == 0) {
                untilEstimate = hop;
                if (frames >= yin.length()) {
                    readings.publish(inRange(yin.estimate(ring, mask, frames, gateMeanSquare)));
                }
            }
        }
    }

    private static double inRange(double hz) {
        return hz >= MIN_HZ / MARGIN && hz <= MAX_HZ * MARGIN ? hz : 0;
    }

    /** Audio thread only. Forgets the input; publishes "no note" if a note was showing. */
    public void reset() {
        Arrays.fill(ring, 0);
        frames = 0;
        untilEstimate = hop;
        if (readings.lastPublishedHz() != 0) {
            readings.publish(0);
        }
    }

    /** Any thread. Bytes of the analysis arrays. */
    public long bytes() {
        return 8L * ring.length + yin.bytes();
    }

    /** Any thread. */
    public int sampleRate() {
        return sampleRate;
    }
}
