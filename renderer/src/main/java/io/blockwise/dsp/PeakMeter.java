package io.blockwise.dsp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Output peak meter with hold, and a clip flag. The audio thread runs {@link #process} over each
 * block and publishes two values at its end; the control thread polls {@link #peak()} and
 * {@link #isClipping()} whenever it likes. No object is made per reading.
 *
 * <p>Ballistics, per frame: a sample at least as loud as the held peak replaces it and restarts
 * the hold; the peak then stays for {@link #HOLD_SECONDS} ({@code holdFrames} frames) and after
 * that falls by {@link #DECAY_DB_PER_SECOND}, exponentially, until a louder sample comes. So a
 * single sample {@code v} at frame {@code p} reads {@code v} up to frame {@code p + holdFrames}
 * and {@code v * 10^(-decay * n / (20 rate))} at frame {@code p + holdFrames + n}.
 *
 * <p>Clip flag: any sample with {@code |x| >= 1.0} sets it; it clears after {@code holdFrames}
 * frames without one (a clip at frame {@code c} shows until frame {@code c + holdFrames - 1}).
 * Both are computed per frame, so readings do not depend on block sizes beyond when they are
 * published.
 */
public final class PeakMeter {
    /** How long a peak and the clip flag are held. */
    public static final double HOLD_SECONDS = 1.0;
    /** Fall rate of the peak after the hold. */
    public static final double DECAY_DB_PER_SECOND = 20;
    /** Below this the peak reads exactly 0 (-200 dBFS), so the decay never reaches denormals. */
    private static final double FLOOR = 1e-10;

    private static final VarHandle PEAK_BITS;
    private static final VarHandle CLIPPING;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PEAK_BITS = lookup.findVarHandle(PeakMeter.class, "peakBits", long.class);
            CLIPPING = lookup.findVarHandle(PeakMeter.class, "clipping", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int holdFrames;
    private final double decayPerFrame;

    // Audio thread only.
    private double level;
    private int holdLeft;
    private int clipLeft;

    // Published by rt at the end of each process/reset (so, setRelease); read by control (la).
    @SuppressWarnings("unused")
    private long peakBits;
    @SuppressWarnings("unused")
    private boolean clipping;

    /** Control thread. */
    public PeakMeter(int sampleRate) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate " + sampleRate + " must be positive");
        }
        holdFrames = (int) Math.round(HOLD_SECONDS * sampleRate);
        decayPerFrame = StrictMath.pow(10, -DECAY_DB_PER_SECOND / 20 / sampleRate);
    }

    /** Any thread. Frames a peak and the clip flag are held. */
    public int holdFrames() {
        return holdFrames;
    }

    /** Audio thread only. Meters {@code len} frames of {@code buf} from {@code off} (not modified). */
    public void process(double[] buf, int off, int len) {
        double l = level;
        int hold = holdLeft;
        int clip = clipLeft;
        for (int i = off, end = off + len; i < end; i++) {
            double a = Math.abs(buf[i]);
            if (a >= l) {
                l = a;
                hold = holdFrames;
            } else if (hold > 0) {
                hold--;
            } else {
                l *= decayPerFrame;
                if (l < FLOOR) {
                    l = 0;
                }
            }
            if (a >= 1.0) {
                clip = holdFrames;
            } else if (clip > 0) {
                clip--;
            }
        }
        level = l;
        holdLeft = hold;
        clipLeft = clip;
        publish();
    }

    /** Audio thread only. Back to silence: peak 0, no clip. */
    public void reset() {
        level = 0;
        holdLeft = 0;
        clipLeft = 0;
        publish();
    }

    private void publish() {
        PEAK_BITS.setRelease(this, Double.doubleToRawLongBits(level));
        CLIPPING.setRelease(this, clipLeft > 0);
    }

    /** Any thread. The held peak (linear, |x|) as of the end of the last processed block. */
    public double peak() {
        return Double.longBitsToDouble((long) PEAK_BITS.getAcquire(this));
    }

    /** Any thread. Whether a sample reached full scale within the hold time before the last block's end. */
    public boolean isClipping() {
        return (boolean) CLIPPING.getAcquire(this);
    }
}
