package io.blockwise.dsp;

/**
 * The metronome: mixes a short synthesised click into the output at every beat. Beat {@code k}
 * starts exactly at frame {@code startFrame + round(k * 60 * sampleRate / bpm)}, rounded once per
 * beat from the start frame, so a non-integer beat spacing never drifts. The first beat of every
 * bar of four is accented (a higher click). Built on the control thread (the clicks are
 * precomputed), then driven by the audio thread only: {@link #set} when a {@code setMetronome}
 * message is applied, {@link #process} every block. Nothing here allocates after construction.
 *
 * <p>Counting restarts at the frame {@link #set} is called with when the metronome goes from
 * disabled to enabled, and when the tempo changes while enabled (the new tempo's first beat, an
 * accent, sounds at once: the player hears the change take effect). A change of level alone does
 * not restart counting; it applies from the next click. Disabling stops new clicks; a click
 * already sounding rings out (30 ms), so it is never cut. A click starting while another still
 * sounds (only possible when a tempo change restarts counting) replaces it.
 */
public final class Metronome {
    /** Length of a click. */
    public static final double CLICK_SECONDS = 0.03;
    /** Pitch of an ordinary click. */
    public static final double CLICK_HZ = 1500;
    /** Pitch of the accented click on the first beat of a bar. */
    public static final double ACCENT_HZ = 2000;
    /** Beats per bar: beat k is accented when k is a multiple of it. */
    public static final int BEATS_PER_BAR = 4;
    /** Tempo range; set() clamps to it so a bad value cannot break the audio thread. */
    public static final double MIN_BPM = 20, MAX_BPM = 300;

    private static final double DECAY_SECONDS = 0.006;
    private static final double FADE_SECONDS = 0.003;

    private final int sampleRate;
    private final double[] click;
    private final double[] accent;

    // Audio thread only (control before the engine starts).
    private boolean enabled;
    private double bpm;
    private double level;
    private long startFrame;
    private long beat;
    private long nextBeatFrame;
    private double[] voice;      // the click sounding, or null
    private long voiceStart;     // frame its first sample plays at
    private double voiceLevel;

    /** Control thread. Precomputes both clicks. */
    public Metronome(int sampleRate) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate " + sampleRate + " must be positive");
        }
        this.sampleRate = sampleRate;
        this.click = synthesise(sampleRate, CLICK_HZ);
        this.accent = synthesise(sampleRate, ACCENT_HZ);
    }

    /**
     * A sine with a fast exponential decay and a short cosine fade to exact silence at the end.
     * The half-sample phase offset makes the first sample non-zero, so the click starts on its
     * beat frame, not one later.
     */
    private static double[] synthesise(int sampleRate, double hz) {
        int length = Math.max(1, (int) Math.round(CLICK_SECONDS * sampleRate));
        int fade = Math.max(1, (int) Math.round(FADE_SECONDS * sampleRate));
        double[] c = new double[length];
        for (int i = 0; i < length; i++) {
            double t = (double) i / sampleRate;
            double env = StrictMath.exp(-t / DECAY_SECONDS);
            int toEnd = length - i;
            if (toEnd <= fade) {
                env *= 0.5 - 0.5 * StrictMath.cos(StrictMath.PI * (toEnd - 0.5) / fade);
            }
            c[i] = env * StrictMath.sin(2 * StrictMath.PI * hz * (i + 0.5) / sampleRate);
        }
        return c;
    }

    /**
     * Audio thread only. Applies a {@code setMetronome} message at absolute frame
     * {@code frameNow} (the start of the block it is applied in). Enabling from disabled, or a new
     * tempo while enabled, restarts counting at {@code frameNow}. {@code bpm} is clamped to
     * 20..300 and {@code level} to 0..1 (the scenario reader has already refused other values).
     */
    public void set(boolean enabled, double bpm, double level, long frameNow) {
        double b = bpm >= MIN_BPM ? Math.min(bpm, MAX_BPM) : MIN_BPM; // NaN goes to MIN_BPM
        this.level = level > 0 ? Math.min(level, 1) : 0;
        if (!enabled) {
            this.enabled = false;
            return;
        }
        boolean restart = !this.enabled || b != this.bpm;
        this.enabled = true;
        this.bpm = b;
        if (restart) {
            startFrame = frameNow;
            beat = 0;
            nextBeatFrame = frameNow;
        }
    }

    /** Audio thread only (control before the engine starts). Whether new clicks are being scheduled. */
    public boolean isEnabled() {
        return enabled;
    }

    /** Audio thread only. Frame of beat {@code k} of the current count. */
    long beatFrame(long k) {
        // k * 60 * rate is exact in a double up to 2^53; one division, one rounding.
        return startFrame + Math.round((double) (k * 60L * sampleRate) / bpm);
    }

    /**
     * Audio thread only. Mixes the clicks that sound during frames
     * {@code [blockStartFrame, blockStartFrame + len)} into {@code buf[off, off + len)}.
     */
    public void process(double[] buf, int off, int len, long blockStartFrame) {
        long end = blockStartFrame + len;
        long from = blockStartFrame;
        while (enabled && nextBeatFrame < end) {
            long at = Math.max(nextBeatFrame, blockStartFrame);
            mix(buf, off, blockStartFrame, from, at);
            voice = beat % BEATS_PER_BAR == 0 ? accent : click;
            voiceStart = nextBeatFrame;
            voiceLevel = level;
            from = at;
            beat++;
            nextBeatFrame = beatFrame(beat);
        }
        mix(buf, off, blockStartFrame, from, end);
    }

    /** Adds the sounding click's samples for frames {@code [from, to)}. */
    private void mix(double[] buf, int off, long blockStartFrame, long from, long to) {
        double[] v = voice;
        if (v == null || from >= to) {
            return;
        }
        long first = from - voiceStart;
        if (first >= v.length) {
            voice = null;
            return;
        }
        int start = (int) first;
        int count = (int) Math.min(to - from, v.length - first);
        int o = off + (int) (from - blockStartFrame);
        double g = voiceLevel;
        for (int i = 0; i < count; i++) {
            buf[o + i] += g * v[start + i];
        }
    }

    /** Audio thread only. Silences the click sounding; keeps the settings and the count. */
    public void reset() {
        voice = null;
    }

    /** Any thread. Samples in one click. */
    public int clickFrames() {
        return click.length;
    }

    /** Any thread. Bytes of the precomputed clicks. */
    public long bytes() {
        return 8L * (click.length + accent.length);
    }
}
