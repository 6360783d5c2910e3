package io.blockwise.dsp;

import io.blockwise.rt.Resource;
import java.util.Arrays;

/**
 * {@code pitchShifter}: shifts pitch by a fixed number of semitones, keeping duration, with a
 * fixed latency whatever the block sizes.
 *
 * <p>Method: time stretch by {@code ratio = 2^(semitones / 12)} with a phase-locked phase vocoder
 * ({@link PhaseLockedVocoder}: FFT 2048, Hann windows, identity phase locking), then read each
 * grain {@code ratio} times faster ({@link GrainResampler}). We chose stretch-and-resample over
 * shifting bins in one spectrum because moving a peak by a whole number of bins leaves each grain
 * up to half a bin (about 12 Hz at 48 kHz) off inside the frame and only right on average across
 * frames, which smears partials with a hop-rate phase modulation; reading the stretched grain
 * faster puts every partial at exactly {@code ratio} times its measured frequency inside every
 * grain, and the resampling costs one precomputed 4-tap table per output sample per grain.
 *
 * <p>Hops: analysis hop {@code min(512, floor(512 / ratio))}, so both the analysis and the
 * synthesis overlap are at least 4x (the synthesis hop is {@code ratio} times the analysis hop).
 *
 * <p>Streaming: input goes into a ring; every analysis hop, the last 2048 input samples are
 * analysed and the grain is added to an output ring centred {@link #latencyFrames()} after the
 * analysis frame's centre, which is the earliest position that only touches output not yet read.
 * Frames are triggered by the running sample count, never by block boundaries, so the output is
 * bit-identical for any split of the input into blocks. Latency is {@code 1024 + J} frames where
 * J is the grain's half-length in output samples ({@code < 1024 / ratio}): 2047 at 0 semitones,
 * 1535 at +12, 3071 at -12.
 */
public final class PitchShifter extends Resource {
    /** Analysis frame and FFT size. */
    public static final int FFT_SIZE = 2048;
    /** Analysis hop at ratios up to 1 (4x overlap). */
    public static final int MAX_HOP = FFT_SIZE / 4;

    private final double semitones;
    private final double ratio;
    private final int maxBlockFrames;
    private final int hop;
    private final int latency;
    private final int outMask;
    private final long bytes;
    private final PhaseLockedVocoder vocoder;
    private final GrainResampler resampler;

    // Audio thread only once live (control before).
    private double[] in;   // FFT_SIZE ring of input
    private double[] out;  // power-of-two ring of overlap-added output
    private long position; // samples processed since reset
    private int untilFrame;

    /**
     * Control thread. Allocates everything and runs the FFT plans once.
     *
     * @throws IllegalArgumentException when {@code semitones} is outside -24..24 or not finite, or
     *     a size is not positive
     */
    public PitchShifter(double semitones, int sampleRate, int maxBlockFrames) {
        super("pitchShifter");
        if (!(semitones >= -24 && semitones <= 24)) {
            throw new IllegalArgumentException("semitones " + semitones + " outside -24..24");
        }
        if (sampleRate <= 0 || maxBlockFrames <= 0) {
            throw new IllegalArgumentException(
                    "sampleRate " + sampleRate + " and maxBlockFrames " + maxBlockFrames + " must be positive");
        }
        this.semitones = semitones;
        this.ratio = StrictMath.pow(2, semitones / 12);
        this.maxBlockFrames = maxBlockFrames;
        this.hop = ratio > 1 ? (int) Math.floor(MAX_HOP / ratio) : MAX_HOP;
        this.vocoder = new PhaseLockedVocoder(FFT_SIZE, hop, ratio);
        this.resampler = new GrainResampler(FFT_SIZE, hop, ratio);
        this.latency = FFT_SIZE / 2 + resampler.reach();
        in = new double[FFT_SIZE];
        out = new double[Integer.highestOneBit(2 * resampler.reach() + hop + 1) * 2];
        outMask = out.length - 1;
        bytes = 8L * (in.length + out.length) + vocoder.bytes() + resampler.bytes();
        reset();
    }

    /** Any thread. The shift this instance was built for. */
    public double semitones() {
        return semitones;
    }

    /** Any thread. The frequency ratio, {@code 2^(semitones / 12)}. */
    public double ratio() {
        return ratio;
    }

    /** Any thread. The analysis hop in frames. */
    public int hopFrames() {
        return hop;
    }

    /**
     * Any thread. Frames between an input sample and the output sample that carries it: a tone
     * centred at input frame t comes out centred at t + latencyFrames().
     */
    public int latencyFrames() {
        return latency;
    }

    /**
     * Any thread. Frames a new {@code shifter} must be fed before its output is full, so that it
     * can be heard without its start-up (silence for its latency, then a fade-in as its windows
     * fill): its latency plus one analysis frame; 0 for none (the dry signal needs no warm-up).
     * The engine feeds a new shifter unheard for this long before crossfading to it.
     */
    public static long warmUpFrames(PitchShifter shifter) {
        return shifter == null ? 0 : shifter.latencyFrames() + FFT_SIZE;
    }

    /**
     * Audio thread only. Shifts {@code len} (1..maxBlockFrames) frames of {@code buf} from
     * {@code off} in place. Never allocates.
     */
    public void process(double[] buf, int off, int len) {
        final double[] input = in;
        final double[] output = out;
        int i = off;
        final int end = off + len;
        while (i < end) {
            int chunk = Math.min(end - i, untilFrame);
            long p = position;
            for (int k = 0; k < chunk; k++, p++) {
                // The frame added below starts at the current position, so reading this chunk's
                // output first is the same as reading it after.
                input[(int) (p & (FFT_SIZE - 1))] = buf[i + k];
                int o = (int) (p & outMask);
                buf[i + k] = output[o];
                output[o] = 0;
            }
            position = p;
            i += chunk;
            untilFrame -= chunk;
            if (untilFrame == 0) {
                vocoder.analyse(input, FFT_SIZE - 1, p);
                // Analysis centre p - FFT_SIZE/2, delayed by the latency: first touched sample is p.
                resampler.overlapAdd(vocoder.grain(), output, outMask, p - FFT_SIZE / 2 + latency);
                untilFrame = hop;
            }
        }
    }

    /** Audio thread only. Silences the shifter: clears both rings and the vocoder's memory. */
    public void reset() {
        Arrays.fill(in, 0);
        Arrays.fill(out, 0);
        vocoder.reset();
        position = 0;
        untilFrame = hop;
    }

    /** Any thread. The largest block {@link #process} accepts (the rings do not depend on it). */
    public int maxBlockFrames() {
        return maxBlockFrames;
    }

    /** Any thread. Our arrays' payload (JTransforms' plan tables are not counted). */
    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    protected void release() {
        in = null;
        out = null;
        vocoder.release();
        resampler.release();
    }
}
