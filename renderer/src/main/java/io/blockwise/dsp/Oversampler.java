package io.blockwise.dsp;

import io.blockwise.rt.Resource;
import java.util.Arrays;

/**
 * Integer-factor oversampling (2, 4, 8, 16) by a cascade of 2x half-band stages
 * ({@link HalfbandStage}, designed by {@link HalfbandDesign}): passband 0..20 kHz at a 44.1 kHz
 * base rate (0..21.8 kHz at 48 kHz) within 0.001 dB, stopband at least 100 dB down at every stage.
 *
 * <p>Latency: stage {@code s} delays by {@code M_s} samples of its higher rate in each direction,
 * i.e. {@code T = sum_s M_s * 2^(S-s)} samples of the top rate for the round trip. Since later
 * stages' delays are fractions of a base frame, the up path adds a pure delay of
 * {@code (-T) mod factor} top-rate samples so that the round trip is exactly
 * {@link #latencyFrames()} whole base frames: an impulse through up + down comes back as a
 * symmetric pulse centred on that frame, and a dry path delayed by that many frames lines up
 * with it exactly.
 *
 * <p>Lifecycle: built and designed on the control thread; {@link #upsample},
 * {@link #downsample} and {@link #reset} run on the audio thread and never allocate. Each call
 * may pass any number of frames up to {@code maxBlockFrames}; up and down calls alternate with
 * the same {@code len}.
 */
public final class Oversampler extends Resource {
    private final int factor;
    private final int maxBlockFrames;
    private final HalfbandStage[] stages;
    private final double[] pingA;
    private final double[] pingB;
    private final double[] pad;
    private final int latencyFrames;
    private final double upLatencyFrames;
    // Audio thread: position in the pad ring.
    private int padPos;

    /**
     * Control thread. Designs the stages and allocates everything for blocks of up to
     * {@code maxBlockFrames} base-rate frames.
     *
     * @throws IllegalArgumentException for a factor other than 2, 4, 8, 16 or a non-positive block
     */
    public Oversampler(int factor, int maxBlockFrames) {
        super("oversampler");
        // Validation (and its messages) lives in HalfbandDesign: this class holds no string
        // constant but its kind, which the constructor resolves, so a C2 compile of the audio
        // methods has none left to resolve (and allocate) on the audio thread.
        int count = HalfbandDesign.stagesFor(factor);
        HalfbandDesign.checkBlock(maxBlockFrames);
        this.factor = factor;
        this.maxBlockFrames = maxBlockFrames;
        stages = new HalfbandStage[count];
        long topSamples = 0;
        for (int s = 0; s < count; s++) {
            stages[s] = new HalfbandStage(s, maxBlockFrames << s);
            topSamples += (long) stages[s].delayHighRate() << (count - s);
        }
        int padSamples = (int) ((factor - topSamples % factor) % factor);
        pad = new double[padSamples];
        latencyFrames = (int) ((topSamples + padSamples) / factor);
        // Each stage delays by the same M_s in both directions, so the up path has half the
        // cascade's delay plus the pad.
        upLatencyFrames = (topSamples / 2 + padSamples) / (double) factor;
        int ping = count > 1 ? maxBlockFrames * factor / 2 : 0;
        pingA = new double[ping];
        pingB = new double[ping];
    }

    /** Any thread. */
    public int factor() {
        return factor;
    }

    /** Any thread. Largest {@code len} a call may pass. */
    public int maxBlockFrames() {
        return maxBlockFrames;
    }

    /**
     * Any thread. Round-trip latency (upsample then downsample) in base-rate frames: exact, the
     * up path pads the cascade's fractional delay to a whole frame.
     */
    public int latencyFrames() {
        return latencyFrames;
    }

    /** The settling time a new oversampled path is fed beyond twice its latency, in seconds. */
    public static final double WARM_UP_SETTLE_SECONDS = 0.005;

    /**
     * Any thread. Frames a new chain path at {@code oversampler}'s rate ({@code null}: the base
     * rate) is fed unheard before the engine crossfades to it, when it has no state to copy: twice
     * the round-trip latency, so the filters' histories hold signal, plus
     * {@link #WARM_UP_SETTLE_SECONDS}. The engine feeds a path longer than this when a large state
     * hand-over needs it; the fuzzer's click oracle judges from this minimum.
     */
    public static long warmUpFrames(Oversampler oversampler, int sampleRate) {
        return (oversampler == null ? 0 : 2L * oversampler.latencyFrames())
                + Math.round(WARM_UP_SETTLE_SECONDS * sampleRate);
    }

    /**
     * Any thread. Latency of the up path alone in base-rate frames (a fraction in general): an
     * input frame reaches the chain's stages this much later than it arrives.
     */
    public double upLatencyFrames() {
        return upLatencyFrames;
    }

    /** Control thread. Payload bytes of every array: taps, histories, work buffers, pad. */
    @Override
    public long bytes() {
        long n = 8L * (pingA.length + pingB.length + pad.length);
        for (HalfbandStage s : stages) {
            n += s.bytes();
        }
        return n;
    }

    /** Audio thread only. Writes {@code len * factor} samples to {@code up[0..)}. */
    public void upsample(double[] in, int off, int len, double[] up) {
        double[] src = in;
        int srcOff = off;
        int n = len;
        int last = stages.length - 1;
        for (int s = 0; s <= last; s++) {
            double[] dst = s == last ? up : ((s & 1) == 0 ? pingA : pingB);
            stages[s].up(src, srcOff, n, dst);
            src = dst;
            srcOff = 0;
            n *= 2;
        }
        delayByPad(up, n);
    }

    /** Audio thread only. Reads {@code len * factor} samples of {@code up}, writes {@code out[off..off+len)}. */
    public void downsample(double[] up, double[] out, int off, int len) {
        double[] src = up;
        int n = len << (stages.length - 1);
        for (int s = stages.length - 1; s >= 0; s--) {
            if (s == 0) {
                stages[0].down(src, n, out, off);
            } else {
                double[] dst = ((stages.length - 1 - s) & 1) == 0 ? pingA : pingB;
                stages[s].down(src, n, dst, 0);
                src = dst;
                n /= 2;
            }
        }
    }

    /** Audio thread only. Clears every history. */
    public void reset() {
        for (HalfbandStage s : stages) {
            s.reset();
        }
        Arrays.fill(pad, 0);
        padPos = 0;
    }

    /** Control thread. The stages' even-phase taps (for tests of the design). */
    double[][] evenPhases() {
        double[][] all = new double[stages.length][];
        for (int s = 0; s < stages.length; s++) {
            all[s] = stages[s].evenPhase();
        }
        return all;
    }

    private void delayByPad(double[] buf, int n) {
        int d = pad.length;
        if (d == 0) {
            return;
        }
        int p = padPos;
        for (int i = 0; i < n; i++) {
            double v = buf[i];
            buf[i] = pad[p];
            pad[p] = v;
            if (++p == d) {
                p = 0;
            }
        }
        padPos = p;
    }
}
