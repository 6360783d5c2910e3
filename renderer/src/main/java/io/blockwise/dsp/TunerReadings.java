package io.blockwise.dsp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The tuner's published reading: plain data behind a sequence lock, so the audio thread publishes
 * without allocating or waiting and the control thread reads a consistent pair of values without
 * a new object per reading.
 *
 * <p>Protocol (one writer): the writer makes {@code seq} odd, then writes the fields, then makes
 * it even again with a release store. A reader loads {@code seq} (acquire), reads the fields,
 * and loads {@code seq} again after a load-load fence; it keeps the values only when both loads
 * saw the same even number, which proves no write overlapped the field reads. Otherwise it spins
 * and retries (the writer's critical section is a few stores, and it publishes about 50 times a
 * second). The fields use opaque accesses so that a 64-bit value can never tear.
 *
 * <p>Also the control side's conversions: {@link #noteName} and {@link #cents}.
 */
public final class TunerReadings {
    private static final String[] NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    /** Note names for MIDI numbers 0..127, made once so that {@link #noteName} never builds a string. */
    private static final String[] NOTE_NAMES = new String[128];

    static {
        for (int midi = 0; midi < 128; midi++) {
            NOTE_NAMES[midi] = NAMES[midi % 12] + (midi / 12 - 1);
        }
    }

    private static final VarHandle SEQ;
    private static final VarHandle HZ_BITS;
    private static final VarHandle CHANGE_COUNT;
    private static final VarHandle READING_COUNT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            SEQ = lookup.findVarHandle(TunerReadings.class, "seq", long.class);
            HZ_BITS = lookup.findVarHandle(TunerReadings.class, "hzBits", long.class);
            CHANGE_COUNT = lookup.findVarHandle(TunerReadings.class, "changeCount", long.class);
            READING_COUNT = lookup.findVarHandle(TunerReadings.class, "readingCount", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Sequence: written by the writer only (opaque odd, then release even); read by readers
    // (acquire before the fields, opaque after a load-load fence).
    @SuppressWarnings("unused")
    private long seq;
    // Fields: written by the writer inside the odd section (opaque), read by readers (opaque).
    @SuppressWarnings("unused")
    private long hzBits;
    @SuppressWarnings("unused")
    private long changeCount;
    @SuppressWarnings("unused")
    private long readingCount;

    // Writer's own copies: writer thread only, plain.
    private long writerSeq;
    private double writerHz;
    private long writerChanges;
    private long writerReadings;

    /** Control thread. No note, nothing published. */
    public TunerReadings() {
    }

    /**
     * Audio thread only (the one writer). Publishes a reading: {@code hz} is the fundamental, or
     * 0 for no note. Never allocates or waits.
     */
    public void publish(double hz) {
        if (Double.doubleToRawLongBits(hz) != Double.doubleToRawLongBits(writerHz)) {
            writerChanges++;
        }
        writerHz = hz;
        writerReadings++;
        long s = writerSeq;
        SEQ.setOpaque(this, s + 1);
        // Keeps the field stores below after the odd sequence number.
        VarHandle.storeStoreFence();
        HZ_BITS.setOpaque(this, Double.doubleToRawLongBits(hz));
        CHANGE_COUNT.setOpaque(this, writerChanges);
        READING_COUNT.setOpaque(this, writerReadings);
        // Release: a reader that sees s + 2 sees every field store above.
        SEQ.setRelease(this, s + 2);
        writerSeq = s + 2;
    }

    /** Audio thread only (the writer). How many published readings changed the value (only grows). */
    public long changesPublished() {
        return writerChanges;
    }

    /** Audio thread only (the writer). The last value it published. */
    public double lastPublishedHz() {
        return writerHz;
    }

    /** Any thread. Copies a consistent reading into {@code into}; spins while a publish overlaps. */
    public void read(TunerSnapshot into) {
        while (true) {
            long before = (long) SEQ.getAcquire(this);
            if ((before & 1) == 0) {
                long hz = (long) HZ_BITS.getOpaque(this);
                long changes = (long) CHANGE_COUNT.getOpaque(this);
                long readings = (long) READING_COUNT.getOpaque(this);
                // Keeps the field loads above before the second sequence load.
                VarHandle.loadLoadFence();
                if ((long) SEQ.getOpaque(this) == before) {
                    into.set(Double.longBitsToDouble(hz), changes, readings);
                    return;
                }
            }
            Thread.onSpinWait();
        }
    }

    /**
     * Any thread. The nearest equal-tempered note to {@code hz} (A4 = 440 Hz, sharps), e.g.
     * {@code "E2"}; null for no note ({@code hz <= 0}, not finite, or outside MIDI 0..127).
     */
    public static String noteName(double hz) {
        if (!(hz > 0) || Double.isInfinite(hz)) {
            return null;
        }
        long midi = nearestMidi(hz);
        return midi < 0 || midi > 127 ? null : NOTE_NAMES[(int) midi];
    }

    /**
     * Any thread. Cents from the nearest equal-tempered note to {@code hz}, in [-50, 50); 0 for
     * no note ({@code hz <= 0}).
     */
    public static double cents(double hz) {
        if (!(hz > 0) || Double.isInfinite(hz)) {
            return 0;
        }
        double semis = semitonesFromA4(hz);
        return 100 * (semis + 69 - nearestMidi(hz));
    }

    private static double semitonesFromA4(double hz) {
        return 12 * StrictMath.log(hz / 440) / StrictMath.log(2);
    }

    private static long nearestMidi(double hz) {
        return (long) Math.floor(69 + semitonesFromA4(hz) + 0.5);
    }
}
