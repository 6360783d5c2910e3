package io.blockwise.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds glitches in one channel: sample-to-sample discontinuities well above what the local signal
 * predicts, and dropouts.
 *
 * <h2>Clicks</h2>
 * A {@link LinearPredictor} (order 4, refitted every 32 frames over the 256 frames before) predicts
 * each sample from the four before it; a sine, or a sum of two, is predicted to within quantisation,
 * and any other signal leaves an error that is a signal of its own. A frame is <em>suspect</em> when
 * its prediction error {@code |e[n]|} is more than {@value #RATIO} times the largest {@code |e|} over
 * the {@value #SCALE_MS} ms before it, more than {@value #RELATIVE_FLOOR} (-30 dB) of the peak level
 * over those 20 ms, and more than {@value #FLOOR_QUANTA} quanta of the file's encoding (2^-15 for
 * 16-bit PCM, 2^-23 for 24-bit, 2^-24 for float).
 *
 * <p>The local scale is a maximum, not a median, on purpose: a periodic signal with a peaky error (a
 * clipped or distorted note errs most at its corners) repeats its largest error every period, and
 * 20 ms holds a period down to 50 Hz (below that a sine's error is smooth anyway); white noise has
 * its largest error over 20 ms near 3.2 sigma, so a flag needs about 13 sigma, which Gaussian noise
 * does not reach. The price: a second, smaller fault within 20 ms after a first is masked by it. The
 * relative floor keeps the kink where a gain glide or a crossfade starts (a slope change, 39 to 83 dB
 * below the signal on the bundled renders) from counting as a click; a phase jump that moves the
 * sample by 3% of the level or more (about 2 degrees at best) still counts. The quantum floor keeps quantisation noise in near-silence from counting.
 *
 * <p>Suspect frames closer than {@value #CLUSTER_GAP} frames form one event, reported at its first
 * frame n with its largest error as size. Its kind: a {@link GlitchKind#SPIKE spike} when replacing
 * frame n by its prediction makes the next three samples predictable again (within 30% of the error
 * plus the local scale); a {@link GlitchKind#DC_STEP DC step} when the signal minus the predictor's
 * free-running extrapolation from before n stays at the error for 2 ms (within the same tolerance
 * plus the drift that extrapolation shows over the 2 ms before n, if that drift is under half the
 * error); otherwise a {@link GlitchKind#DISCONTINUITY discontinuity} (a phase jump, a gain jump, a
 * splice, a cut). Below a few hundred Hz a phase or gain jump and a DC step look alike over 2 ms, and
 * in a quiet 16-bit signal the extrapolation drifts: there the kind is a best guess; the frame is not.
 *
 * <h2>Onsets</h2>
 * A suspect event at n is a note onset, not a glitch, when sound follows it (peak above
 * {@value #SILENCE_DBFS} dBFS over the 20 ms from n + 2 ms) and one of these holds:
 * <ol>
 * <li>the sound began less than {@value #ONSET_MS} ms before n (peak below {@value #SILENCE_DBFS}
 * dBFS over the 20 ms before that): a transient from silence;</li>
 * <li>the AC (mean-removed) RMS over the 20 ms from n + 2 ms is {@value #ONSET_RISE_DB} dB or more
 * above the AC RMS over the 20 ms before n: a new, louder sound;</li>
 * <li>the median |prediction error| over the 20 ms from n + 2 ms is {@value #ONSET_RISE_DB} dB or
 * more above the median over the 20 ms before n, and at least -40 dB of the peak level before n: new,
 * less predictable content that is more than a rounding residue (a string struck while another
 * rings, whose noise burst a clipper may keep from getting louder).</li>
 * </ol>
 * The 2 ms skip keeps a lone spike from passing as an onset; the AC level and the -40 dB condition
 * keep a DC step from passing as one. A short, predictable sound added to a louder one (a metronome's
 * decaying 2 kHz click over a loud note) meets none of these and is reported.
 *
 * <h2>Dropouts</h2>
 * Runs of exact zeros inside sound ({@link ZeroRuns}); and click events after which the signal's
 * peak over 2 ms is {@value #DROP_DB} dB or more below what the predictor extrapolates from before n,
 * and which recover (a sample back within 20 dB of the peak over the 20 ms before n) within 250 ms;
 * without the recovery the event is a discontinuity (a cut). A dropout absorbs the click events from
 * its start to 2 ms after its end (its edges).
 *
 * <p>Non-finite samples are held at the last finite value here (they are counted by
 * {@link SignalStats}).
 */
public final class GlitchDetector {
    /** Suspect when the error exceeds this many times the local scale. */
    static final double RATIO = 4;
    /** The local scale is the largest |error| over this many ms before the frame. */
    static final double SCALE_MS = 20;
    /** Suspect only above this many quanta of the encoding. */
    static final double FLOOR_QUANTA = 8;
    /** Suspect only above this fraction (-30 dB) of the peak level over the 20 ms before. */
    static final double RELATIVE_FLOOR = 0.0316;
    /** Suspect frames closer than this form one event. */
    static final int CLUSTER_GAP = 8;
    /** Below this peak level (dBFS) a stretch counts as silence. */
    static final double SILENCE_DBFS = -70;
    /** Events in the first ms of a sound after silence are onsets. */
    static final double ONSET_MS = 5;
    /** A rise of the AC level by this much marks a new sound. */
    static final double ONSET_RISE_DB = 20;
    /** A fall below the extrapolation by this much marks a dropout. */
    static final double DROP_DB = 20;

    private GlitchDetector() { }

    /**
     * Any thread. The glitches of {@code samples} (one channel at {@code sampleRate}), sorted by
     * frame; {@code quantum} is the step of the file's encoding (1 LSB).
     */
    public static List<Glitch> detect(double[] samples, int channel, int sampleRate, double quantum) {
        double[] x = finite(samples);
        LinearPredictor predictor = LinearPredictor.fit(x, quantum * quantum / 12);
        double[] e = predictor.residual(x);
        int window = Levels.frames(SCALE_MS, sampleRate);
        double[] scale = leftMax(e, window);
        double[] level = leftMax(x, window);
        for (int i = 0; i < scale.length; i++) {
            scale[i] = Math.max(scale[i], RELATIVE_FLOOR * level[i] / RATIO);
        }
        double floor = FLOOR_QUANTA * quantum;

        List<Glitch> found = new ArrayList<>();
        List<int[]> dropouts = new ArrayList<>();
        for (int[] run : ZeroRuns.find(x, sampleRate)) {
            dropouts.add(run);
            found.add(new Glitch(run[0], channel, GlitchKind.DROPOUT, ms(run[1] - run[0], sampleRate)));
        }
        int n = 0;
        while (n < x.length) {
            if (!suspect(e, scale, floor, n)) {
                n++;
                continue;
            }
            int start = n;
            double size = 0;
            int last = n;
            while (n < x.length && n - last < CLUSTER_GAP) {
                if (suspect(e, scale, floor, n)) {
                    last = n;
                    size = Math.max(size, Math.abs(e[n]));
                }
                n++;
            }
            if (inside(dropouts, start, sampleRate) || Onsets.isOnset(x, e, start, sampleRate)) {
                continue;
            }
            int recovery = Classifier.dropoutEnd(x, start, predictor.coefficients(start), sampleRate);
            if (recovery > start) {
                dropouts.add(new int[] {start, recovery});
                found.add(new Glitch(start, channel, GlitchKind.DROPOUT, ms(recovery - start, sampleRate)));
            } else {
                GlitchKind kind = Classifier.click(x, start, e[start], scale[start], predictor.coefficients(start),
                        sampleRate);
                found.add(new Glitch(start, channel, kind, size));
            }
        }
        found.sort(Comparator.comparingInt(Glitch::frame));
        return found;
    }

    private static boolean suspect(double[] e, double[] scale, double floor, int n) {
        double a = Math.abs(e[n]);
        return a > floor && a > RATIO * scale[n];
    }

    /** True when {@code frame} lies in a dropout or within 2 ms after its end. */
    private static boolean inside(List<int[]> dropouts, int frame, int sampleRate) {
        int guard = Levels.frames(2, sampleRate);
        for (int[] d : dropouts) {
            if (frame >= d[0] && frame < d[1] + guard) {
                return true;
            }
        }
        return false;
    }

    private static double ms(int frames, int sampleRate) {
        return frames * 1000.0 / sampleRate;
    }

    /** max |e[m]| over n - window <= m < n, for every n (a monotonic deque, linear time). */
    static double[] leftMax(double[] e, int window) {
        double[] out = new double[e.length];
        int[] deque = new int[e.length];
        int head = 0;
        int tail = 0;
        for (int n = 0; n < e.length; n++) {
            while (head < tail && deque[head] < n - window) {
                head++;
            }
            out[n] = head < tail ? Math.abs(e[deque[head]]) : 0;
            double a = Math.abs(e[n]);
            while (tail > head && Math.abs(e[deque[tail - 1]]) <= a) {
                tail--;
            }
            deque[tail++] = n;
        }
        return out;
    }

    /** A copy with every non-finite sample replaced by the last finite one (0 at the start). */
    private static double[] finite(double[] samples) {
        double[] x = samples.clone();
        double last = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i])) {
                last = x[i];
            } else {
                x[i] = last;
            }
        }
        return x;
    }
}
