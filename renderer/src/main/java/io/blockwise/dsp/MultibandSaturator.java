package io.blockwise.dsp;

/**
 * {@code multibandSaturator}: three bands split by Linkwitz-Riley 4th-order crossovers, each band
 * saturated and scaled on its own, then summed.
 *
 * <p>Split: {@code low = LP(fl)^2 x}, then the low band passes {@code AP(fh)}; the rest
 * {@code r = HP(fl)^2 x} splits into {@code mid = LP(fh)^2 r} and {@code high = HP(fh)^2 r}.
 * LP and HP are RBJ Butterworth sections (Q = 1/sqrt(2)) and AP the RBJ all-pass at the same
 * frequency and Q, for which {@code LP^2 + HP^2 = AP} exactly (the bilinear transform keeps the
 * analog identity). So with every drive at 0 and level at 1 the sum is
 * {@code AP(fh) * (LP(fl)^2 + HP(fl)^2) = AP(fh) * AP(fl)}: flat magnitude, only phase.
 *
 * <p>Saturation: {@code s(x) = tanh(g x) / g} with {@code g = 4 * drive}: unity gain for small
 * signals (drive adds harmonics, not loudness) and exactly {@code x} at drive 0; levels are linear
 * gains 0..2. Crossover frequencies above 0.45 x the sample rate are lowered to it. Every
 * parameter glides; the crossovers are redesigned every {@link BiquadBank#GLIDE_SEGMENT} frames
 * while their frequencies glide, with coefficients interpolated in between. A crossover that
 * sweeps across a tone moves the phase of the (flat) sum there, which bends the tone's pitch
 * for the length of the glide, as any moving filter does; it does not step.
 *
 * <p>Hand-over ({@link Stage#takeStateFrom}, at an oversampling change): nothing but the bypass
 * ramp. Its filter memories are short and the new path's warm-up fills them from the signal; a
 * glide in progress ends at its target in the rebuilt stage (within the 10 ms path crossfade).
 */
public final class MultibandSaturator extends Stage {
    static final int LOW_DRIVE = 0, MID_DRIVE = 1, HIGH_DRIVE = 2;
    static final int LOW_LEVEL = 3, MID_LEVEL = 4, HIGH_LEVEL = 5, LOW_FREQ = 6, HIGH_FREQ = 7;
    static final double BUTTERWORTH_Q = StrictMath.sqrt(0.5);
    /** Drive to the saturator's slope g. */
    static final double DRIVE_SCALE = 4;
    // Sections of the bank.
    private static final int LOW_LP1 = 0, LOW_LP2 = 1, LOW_AP = 2, REST_HP1 = 3, REST_HP2 = 4;
    private static final int MID_LP1 = 5, MID_LP2 = 6, HIGH_HP1 = 7, HIGH_HP2 = 8;

    private final LinearSmoother[] p = new LinearSmoother[8];
    private final BiquadBank bank = new BiquadBank(9);
    private final Biquad designer = new Biquad();
    private double sampleRate = 48000;
    private double[] low;
    private double[] high;

    /** Control thread. */
    public MultibandSaturator() {
        super(StageType.MULTIBAND_SATURATOR);
        for (int i = 0; i < p.length; i++) {
            p[i] = new LinearSmoother();
        }
    }

    /** Any thread. The band saturator at slope {@code g} (identity for g = 0). */
    static double saturate(double x, double g) {
        return g < 1e-4 ? x : RtMath.tanh(g * x) / g;
    }

    @Override
    protected void onPrepare(ProcessSpec processSpec) {
        sampleRate = processSpec.sampleRate();
        low = new double[processSpec.maxBlockFrames()];
        high = new double[processSpec.maxBlockFrames()];
        for (int i = 0; i < p.length; i++) {
            p[i].prepare(processSpec.sampleRate(), LinearSmoother.DEFAULT_RAMP_SECONDS);
            p[i].snap(type().param(i).defaultValue());
        }
        designLow(0);
        designHigh(0);
    }

    @Override
    public long bytes() {
        return bank.bytes() + doubles(low, high);
    }

    @Override
    public void process(double[] buf, int off, int len) {
        int end = off + len;
        for (int i = off; i < end; ) {
            // Each gliding crossover is redesigned at the start of its own segments
            // (BiquadBank.segment), and the frames are run up to the nearest segment's end.
            int n = end - i;
            if (p[LOW_FREQ].isSmoothing() && bank.rampLeft(LOW_LP1) == 0) {
                int seg = BiquadBank.segment(p[LOW_FREQ]);
                p[LOW_FREQ].skip(seg);
                designLow(seg);
            }
            if (p[HIGH_FREQ].isSmoothing() && bank.rampLeft(LOW_AP) == 0) {
                int seg = BiquadBank.segment(p[HIGH_FREQ]);
                p[HIGH_FREQ].skip(seg);
                designHigh(seg);
            }
            if (bank.rampLeft(LOW_LP1) > 0) {
                n = Math.min(n, bank.rampLeft(LOW_LP1));
            }
            if (bank.rampLeft(LOW_AP) > 0) {
                n = Math.min(n, bank.rampLeft(LOW_AP));
            }
            split(buf, i, n);
            mix(buf, i, n);
            i += n;
        }
    }

    /** Leaves the low band in low[0..n), the mid band in buf[off..off+n), the high in high[0..n). */
    private void split(double[] buf, int off, int n) {
        System.arraycopy(buf, off, low, 0, n);
        bank.process(LOW_LP1, low, 0, n);
        bank.process(LOW_LP2, low, 0, n);
        bank.process(LOW_AP, low, 0, n);
        bank.process(REST_HP1, buf, off, n);
        bank.process(REST_HP2, buf, off, n);
        System.arraycopy(buf, off, high, 0, n);
        bank.process(MID_LP1, buf, off, n);
        bank.process(MID_LP2, buf, off, n);
        bank.process(HIGH_HP1, high, 0, n);
        bank.process(HIGH_HP2, high, 0, n);
    }

    private void mix(double[] buf, int off, int n) {
        boolean gliding = false;
        for (int k = 0; k < LOW_FREQ; k++) {
            gliding |= p[k].isSmoothing();
        }
        double gl = DRIVE_SCALE * p[LOW_DRIVE].current(), gm = DRIVE_SCALE * p[MID_DRIVE].current();
        double gh = DRIVE_SCALE * p[HIGH_DRIVE].current();
        double ll = p[LOW_LEVEL].current(), lm = p[MID_LEVEL].current(), lh = p[HIGH_LEVEL].current();
        for (int j = 0; j < n; j++) {
            if (gliding) {
                gl = DRIVE_SCALE * p[LOW_DRIVE].next();
                gm = DRIVE_SCALE * p[MID_DRIVE].next();
                gh = DRIVE_SCALE * p[HIGH_DRIVE].next();
                ll = p[LOW_LEVEL].next();
                lm = p[MID_LEVEL].next();
                lh = p[HIGH_LEVEL].next();
            }
            buf[off + j] = ll * saturate(low[j], gl) + lm * saturate(buf[off + j], gm)
                    + lh * saturate(high[j], gh);
        }
    }

    @Override
    public void reset() {
        for (LinearSmoother s : p) {
            s.snap(s.target());
        }
        designLow(0);
        designHigh(0);
        bank.reset();
    }

    @Override
    protected void onParameter(int localIndex, double value, boolean glide) {
        if (glide) {
            p[localIndex].setTarget(value);
            return;
        }
        p[localIndex].snap(value);
        if (localIndex == LOW_FREQ) {
            designLow(0);
        } else if (localIndex == HIGH_FREQ) {
            designHigh(0);
        }
    }

    private void designLow(int frames) {
        double hz = Math.min(p[LOW_FREQ].current(), 0.45 * sampleRate);
        designer.designLowpass(sampleRate, hz, BUTTERWORTH_Q);
        bank.setTarget(LOW_LP1, designer, frames);
        bank.setTarget(LOW_LP2, designer, frames);
        designer.designHighpass(sampleRate, hz, BUTTERWORTH_Q);
        bank.setTarget(REST_HP1, designer, frames);
        bank.setTarget(REST_HP2, designer, frames);
    }

    private void designHigh(int frames) {
        double hz = Math.min(p[HIGH_FREQ].current(), 0.45 * sampleRate);
        designer.designAllpass(sampleRate, hz, BUTTERWORTH_Q);
        bank.setTarget(LOW_AP, designer, frames);
        designer.designLowpass(sampleRate, hz, BUTTERWORTH_Q);
        bank.setTarget(MID_LP1, designer, frames);
        bank.setTarget(MID_LP2, designer, frames);
        designer.designHighpass(sampleRate, hz, BUTTERWORTH_Q);
        bank.setTarget(HIGH_HP1, designer, frames);
        bank.setTarget(HIGH_HP2, designer, frames);
    }
}
