package io.blockwise.dsp;

/**
 * {@code toneStack}: an amp voicing plus four knobs, built from RBJ-cookbook sections in series.
 *
 * <p>Each knob {@code k} in 0..2 sets its section's gain to {@code 12 * (k - 1)} dB, so 1 is
 * 0 dB (that section is exactly the identity) and 0 / 2 are -12 / +12 dB:
 * <ul>
 *   <li>{@code bass}: low shelf (shelf slope 1) at the voicing's bass corner;
 *   <li>{@code mid}: peaking section at the voicing's mid centre and Q;
 *   <li>{@code treble}: high shelf (shelf slope 1) at the voicing's treble corner;
 *   <li>{@code presence}: peaking section, Q 0.7, at the voicing's presence centre.
 * </ul>
 * A voicing adds one fixed peaking section (its character, "neutral-ish" at all knobs on 1):
 *
 * <pre>
 *   model     voicing section          bass   mid (Q)      treble  presence
 *   modern    650 Hz, Q 0.7, -5 dB     90 Hz  700 Hz (0.8)  3200 Hz 5000 Hz
 *   british   900 Hz, Q 0.8, +3 dB    120 Hz  800 Hz (0.7)  2500 Hz 4000 Hz
 *   american  450 Hz, Q 0.6, -7 dB     80 Hz  500 Hz (0.6)  2200 Hz 6000 Hz
 *   flat      none (0 dB)             100 Hz 1000 Hz (0.7)  4000 Hz 6000 Hz
 * </pre>
 *
 * {@code flat} with every knob on 1 is exactly unity (every section is the identity and is
 * skipped). Frequencies above 0.45 x the sample rate are lowered to it (only at rates below
 * about 13 kHz). Knob glides redesign the moving sections every {@link BiquadBank#GLIDE_SEGMENT}
 * frames with coefficients interpolated in between.
 *
 * <p>Hand-over ({@link Stage#takeStateFrom}, at an oversampling change): nothing but the bypass
 * ramp. Its filter memories are short and the new path's warm-up fills them from the signal; a
 * glide in progress ends at its target in the rebuilt stage (within the 10 ms path crossfade).
 */
public final class ToneStack extends Stage {
    /** Gain in dB of a knob at 0 or 2 (a knob at 1 is 0 dB). */
    public static final double KNOB_RANGE_DB = 12;
    static final int VOICE = 0, BASS = 1, MID = 2, TREBLE = 3, PRESENCE = 4;
    static final double PRESENCE_Q = 0.7;

    // Per model (choice order): voiceHz, voiceQ, voiceDb, bassHz, midHz, midQ, trebleHz, presenceHz.
    static final double[][] VOICINGS = {
        {650, 0.7, -5, 90, 700, 0.8, 3200, 5000},
        {900, 0.8, 3, 120, 800, 0.7, 2500, 4000},
        {450, 0.6, -7, 80, 500, 0.6, 2200, 6000},
        {1000, 0.7, 0, 100, 1000, 0.7, 4000, 6000},
    };

    private final LinearSmoother[] knobs = new LinearSmoother[4];
    private final BiquadBank bank = new BiquadBank(5);
    private final Biquad designer = new Biquad();
    private double[] voicing = VOICINGS[0];
    private double sampleRate = 48000;

    /** Control thread. */
    public ToneStack() {
        super(StageType.TONE_STACK);
        for (int i = 0; i < knobs.length; i++) {
            knobs[i] = new LinearSmoother();
        }
    }

    @Override
    protected void onPrepare(ProcessSpec processSpec) {
        sampleRate = processSpec.sampleRate();
        for (int i = 0; i < knobs.length; i++) {
            knobs[i].prepare(processSpec.sampleRate(), LinearSmoother.DEFAULT_RAMP_SECONDS);
            knobs[i].snap(type().param(i).defaultValue());
        }
        designAll();
    }

    @Override
    public long bytes() {
        return bank.bytes();
    }

    @Override
    public void process(double[] buf, int off, int len) {
        int end = off + len;
        for (int i = off; i < end; ) {
            // Each gliding knob's section is redesigned at the start of its own segments
            // (BiquadBank.segment), and the frames are run up to the nearest segment's end.
            int n = end - i;
            for (int k = 0; k < knobs.length; k++) {
                if (knobs[k].isSmoothing() && bank.rampLeft(k + 1) == 0) {
                    int seg = BiquadBank.segment(knobs[k]);
                    design(k + 1, knobs[k].skip(seg));
                    bank.setTarget(k + 1, designer, seg);
                }
                if (bank.rampLeft(k + 1) > 0) {
                    n = Math.min(n, bank.rampLeft(k + 1));
                }
            }
            for (int s = 0; s < 5; s++) {
                if (!bank.isIdentity(s)) {
                    bank.process(s, buf, i, n);
                }
            }
            i += n;
        }
    }

    @Override
    public void reset() {
        for (LinearSmoother k : knobs) {
            k.snap(k.target());
        }
        designAll();
        bank.reset();
    }

    @Override
    protected void onParameter(int localIndex, double value, boolean glide) {
        if (glide) {
            knobs[localIndex].setTarget(value);
        } else {
            knobs[localIndex].snap(value);
            design(localIndex + 1, value);
            bank.setTarget(localIndex + 1, designer, 0);
        }
    }

    @Override
    protected void onChoice(int valueIndex) {
        voicing = VOICINGS[valueIndex];
        designAll();
    }

    /** Any thread. Gain in dB of a knob value. */
    public static double knobDb(double knob) {
        return KNOB_RANGE_DB * (knob - 1);
    }

    private void designAll() {
        designer.designPeaking(sampleRate, clamp(voicing[0]), voicing[1], voicing[2]);
        bank.setTarget(VOICE, designer, 0);
        for (int k = 0; k < knobs.length; k++) {
            design(k + 1, knobs[k].current());
            bank.setTarget(k + 1, designer, 0);
        }
    }

    /** Designs section {@code section} for knob value {@code knob} into {@link #designer}. */
    private void design(int section, double knob) {
        double db = knobDb(knob);
        switch (section) {
            case BASS:
                designer.designLowShelf(sampleRate, clamp(voicing[3]), db);
                break;
            case MID:
                designer.designPeaking(sampleRate, clamp(voicing[4]), voicing[5], db);
                break;
            case TREBLE:
                designer.designHighShelf(sampleRate, clamp(voicing[6]), db);
                break;
            default:
                designer.designPeaking(sampleRate, clamp(voicing[7]), PRESENCE_Q, db);
                break;
        }
    }

    private double clamp(double hz) {
        return Math.min(hz, 0.45 * sampleRate);
    }
}
