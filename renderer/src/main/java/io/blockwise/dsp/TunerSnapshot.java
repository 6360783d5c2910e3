package io.blockwise.dsp;

/**
 * A reusable copy of the tuner's published reading, filled by {@link TunerReadings#read}. Plain
 * fields, owned by the one thread that reads into it (the control thread), so polling allocates
 * nothing after the snapshot is made.
 */
public final class TunerSnapshot {
    private double hz;
    private long changeCount;
    private long readingCount;

    /** Control thread. An empty snapshot: no note, nothing read yet. */
    public TunerSnapshot() {
    }

    void set(double hz, long changeCount, long readingCount) {
        this.hz = hz;
        this.changeCount = changeCount;
        this.readingCount = readingCount;
    }

    /** Owner thread. The detected fundamental in Hz, or 0 when there is no note. */
    public double hz() {
        return hz;
    }

    /** Owner thread. How many published readings differed from the one before (a new value to show). */
    public long changeCount() {
        return changeCount;
    }

    /** Owner thread. How many readings have been published (one per estimate, plus resets). */
    public long readingCount() {
        return readingCount;
    }

    /** Owner thread. True when a note was detected. */
    public boolean hasNote() {
        return hz > 0;
    }

    /** Owner thread (allocates nothing: names are constants). {@link TunerReadings#noteName} of {@link #hz()}. */
    public String noteName() {
        return TunerReadings.noteName(hz);
    }

    /** Owner thread. {@link TunerReadings#cents} of {@link #hz()}. */
    public double cents() {
        return TunerReadings.cents(hz);
    }
}
