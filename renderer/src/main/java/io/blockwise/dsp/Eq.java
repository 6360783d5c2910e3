package io.blockwise.dsp;

/**
 * {@code eq}: a 16-band graphic equaliser of RBJ-cookbook peaking sections in series.
 *
 * <p>Band {@code k} (0..15) is centred at {@code f_k = 25 * 800^(k/15)} Hz: 25 Hz to 20 kHz,
 * logarithmically spaced with a ratio {@code r = 800^(1/15)} (about 1.5615, 0.643 octave)
 * between neighbours. Every band has the same {@code Q = sqrt(r) / (r - 1)} (about 2.225): its
 * bandwidth equals the spacing, so neighbouring bands meet at their half-gain (in dB) points.
 * {@code band_k} is the gain in dB at the centre (-12..12); 0 dB makes the section exactly the
 * identity, and such a band is skipped.
 *
 * <p>A band whose centre is at or above 0.9 x Nyquist (0.45 x the sample rate) is disabled: it
 * stays unity whatever its setting, because an RBJ peak that close to Nyquist is cramped by the
 * bilinear warping into a shape nothing like its neighbours'. At 44.1 kHz that is band 15
 * (20 kHz >= 19.845 kHz); at 48 kHz and above every band is active.
 *
 * <p>Hand-over ({@link Stage#takeStateFrom}, at an oversampling change): nothing but the bypass
 * ramp. Its filter memories are short and the new path's warm-up fills them from the signal; a
 * glide in progress ends at its target in the rebuilt stage (within the 10 ms path crossfade).
 */
public final class Eq extends Stage {
    /** Number of bands. */
    public static final int BANDS = StageType.EQ_BANDS;
    /** Centre of band 0, Hz. */
    public static final double LOWEST_HZ = 25;
    /** Centre of the last band, Hz. */
    public static final double HIGHEST_HZ = 20000;
    private static final double Q = q();

    private final LinearSmoother[] gains = new LinearSmoother[BANDS];
    private final BiquadBank bank = new BiquadBank(BANDS);
    private final Biquad designer = new Biquad();
    private final double[] centres = new double[BANDS];
    private double sampleRate = 48000;
    private int enabledBands;

    /** Control thread. */
    public Eq() {
        super(StageType.EQ);
        for (int i = 0; i < BANDS; i++) {
            gains[i] = new LinearSmoother();
            centres[i] = centreHz(i);
        }
    }

    /** Any thread. Centre frequency of band {@code band}, Hz. */
    public static double centreHz(int band) {
        return LOWEST_HZ * StrictMath.pow(HIGHEST_HZ / LOWEST_HZ, band / (double) (BANDS - 1));
    }

    /** Any thread. The Q shared by every band. */
    public static double q() {
        double r = StrictMath.pow(HIGHEST_HZ / LOWEST_HZ, 1.0 / (BANDS - 1));
        return StrictMath.sqrt(r) / (r - 1);
    }

    /** Any thread. True when band {@code band} is active at {@code sampleRate}. */
    public static boolean bandEnabled(int band, double sampleRate) {
        return centreHz(band) < 0.45 * sampleRate;
    }

    @Override
    protected void onPrepare(ProcessSpec processSpec) {
        sampleRate = processSpec.sampleRate();
        enabledBands = 0;
        while (enabledBands < BANDS && bandEnabled(enabledBands, sampleRate)) {
            enabledBands++;
        }
        for (int i = 0; i < BANDS; i++) {
            gains[i].prepare(processSpec.sampleRate(), LinearSmoother.DEFAULT_RAMP_SECONDS);
            gains[i].snap(0);
            design(i, 0);
            bank.setTarget(i, designer, 0);
        }
    }

    @Override
    public long bytes() {
        // The bank plus the centre table.
        return bank.bytes() + doubles(centres);
    }

    @Override
    public void process(double[] buf, int off, int len) {
        int end = off + len;
        int bands = enabledBands;
        for (int i = off; i < end; ) {
            // Each gliding band is redesigned at the start of its own segments (BiquadBank.segment),
            // and the frames are run up to the nearest segment's end.
            int n = end - i;
            for (int b = 0; b < bands; b++) {
                if (gains[b].isSmoothing() && bank.rampLeft(b) == 0) {
                    int seg = BiquadBank.segment(gains[b]);
                    design(b, gains[b].skip(seg));
                    bank.setTarget(b, designer, seg);
                }
                if (bank.rampLeft(b) > 0) {
                    n = Math.min(n, bank.rampLeft(b));
                }
            }
            for (int b = 0; b < bands; b++) {
                if (!bank.isIdentity(b)) {
                    bank.process(b, buf, i, n);
                }
            }
            i += n;
        }
    }

    @Override
    public void reset() {
        for (int b = 0; b < BANDS; b++) {
            gains[b].snap(gains[b].target());
            design(b, gains[b].current());
            bank.setTarget(b, designer, 0);
        }
        bank.reset();
    }

    @Override
    protected void onParameter(int localIndex, double value, boolean glide) {
        if (glide) {
            gains[localIndex].setTarget(value);
        } else {
            gains[localIndex].snap(value);
            design(localIndex, value);
            bank.setTarget(localIndex, designer, 0);
        }
    }

    /** Designs band {@code band} at {@code db} into {@link #designer} (identity if disabled). */
    private void design(int band, double db) {
        if (band >= enabledBands) {
            designer.set(1, 0, 0, 0, 0);
            return;
        }
        designer.designPeaking(sampleRate, centres[band], Q, db);
    }
}
