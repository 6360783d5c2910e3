package io.blockwise.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TunerReadingsTest {

    @Test
    void namesNotesWithSharpsAndA4At440() {
        assertEquals("A4", TunerReadings.noteName(440));
        assertEquals("E2", TunerReadings.noteName(82.41));
        assertEquals("A0", TunerReadings.noteName(27.5));
        assertEquals("C4", TunerReadings.noteName(261.63));
        assertEquals("C#5", TunerReadings.noteName(554.37));
        assertEquals("D#3", TunerReadings.noteName(155.56));
        assertEquals("B3", TunerReadings.noteName(246.94));
        assertEquals("F#1", TunerReadings.noteName(46.25));
        assertEquals("C-1", TunerReadings.noteName(8.18));
        assertNull(TunerReadings.noteName(0));
        assertNull(TunerReadings.noteName(-3));
        assertNull(TunerReadings.noteName(Double.NaN));
    }

    @Test
    void centsAreMeasuredFromTheNearestNote() {
        assertEquals(0, TunerReadings.cents(440), 1e-9);
        assertEquals(1200 * Math.log(445.0 / 440) / Math.log(2), TunerReadings.cents(445), 1e-9);
        double flat = 440 * Math.pow(2, -30 / 1200.0);
        assertEquals(-30, TunerReadings.cents(flat), 1e-9);
        assertEquals("A4", TunerReadings.noteName(flat));
        double sharp = 440 * Math.pow(2, 49.9 / 1200.0);
        assertEquals(49.9, TunerReadings.cents(sharp), 1e-9);
        assertEquals("A4", TunerReadings.noteName(sharp));
        double nextFlat = 440 * Math.pow(2, 50.1 / 1200.0);
        assertEquals("A#4", TunerReadings.noteName(nextFlat));
        assertEquals(-49.9, TunerReadings.cents(nextFlat), 1e-9);
        assertEquals(0, TunerReadings.cents(0));
    }

    @Test
    void countsReadingsAndChanges() {
        TunerReadings r = new TunerReadings();
        TunerSnapshot s = new TunerSnapshot();
        r.read(s);
        assertEquals(0, s.hz());
        assertEquals(0, s.readingCount());
        r.publish(110);
        r.publish(110);
        r.publish(0);
        r.read(s);
        assertEquals(0, s.hz());
        assertEquals(3, s.readingCount());
        assertEquals(2, s.changeCount());
    }

    @Test
    void aReaderNeverSeesATornReading() throws Exception {
        // The writer publishes hz = i for i = 1..N; each differs from the one before, so a
        // consistent reading has hz == changeCount == readingCount. A torn one mixes two.
        TunerReadings r = new TunerReadings();
        int n = 3_000_000;
        AtomicReference<String> failure = new AtomicReference<>();
        long[] reads = new long[1];
        Thread reader = new Thread(() -> {
            TunerSnapshot s = new TunerSnapshot();
            long last = 0;
            while (last < n) {
                r.read(s);
                reads[0]++;
                long hz = (long) s.hz();
                if (hz != s.hz() || hz != s.changeCount() || hz != s.readingCount() || hz < last) {
                    failure.compareAndSet(null, "torn or backwards: hz " + s.hz() + " changes " + s.changeCount()
                            + " readings " + s.readingCount() + " after " + last);
                    return;
                }
                last = hz;
            }
        }, "seqlock-reader");
        reader.start();
        for (int i = 1; i <= n; i++) {
            r.publish(i);
        }
        reader.join();
        assertNull(failure.get(), failure.get());
        assertTrue(reads[0] > 0);
        System.out.println("seqlock stress: " + n + " publications, " + reads[0] + " consistent reads");
    }
}
