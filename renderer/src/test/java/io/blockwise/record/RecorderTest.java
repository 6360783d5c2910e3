package io.blockwise.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.dsp.ThreadAllocation;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RecorderTest {

    /** A sink that keeps everything in an array and counts closes. */
    static final class ArraySink implements TakeSink {
        final double[] data;
        int size;
        int closes;
        int writesAfterClose;

        ArraySink(int capacity) {
            data = new double[capacity];
        }

        @Override
        public void write(double[] samples, int len) {
            if (closes > 0) {
                writesAfterClose++;
            }
            System.arraycopy(samples, 0, data, size, len);
            size += len;
        }

        @Override
        public void close() {
            closes++;
        }
    }

    /** Output frame t carries the value t + 1 (never 0, so silence is recognisable). */
    static void ramp(double[] block, int len, long start) {
        for (int i = 0; i < len; i++) {
            block[i] = start + i + 1;
        }
    }

    @Test
    void theTakeHoldsExactlyTheRecordedFramesInOrder() throws Exception {
        Recorder r = new Recorder(1, Encoding.PCM16, 48000, 128);
        ArraySink sink = new ArraySink(20000);
        TakeWriter writer = new TakeWriter(r, sink);
        double[] block = new double[128];
        long frame = 5000; // recording starts mid-stream
        int recorded = 0;
        for (int b = 0; b < 150; b++) {
            int len = 1 + (b * 37) % 128; // uneven block lengths
            ramp(block, len, frame);
            assertEquals(0, r.record(block, 0, len, frame));
            frame += len;
            recorded += len;
            if (b % 5 == 4) {
                assertFalse(writer.drain());
            }
        }
        r.stop();
        assertTrue(writer.drain());
        assertEquals(recorded, sink.size);
        for (int i = 0; i < recorded; i++) {
            assertEquals(5000 + i + 1, sink.data[i], "take sample " + i);
        }
        assertEquals(1, sink.closes);
        assertTrue(writer.drain());
        assertEquals(1, sink.closes, "closed once");
        assertEquals(r.pool().acquiredCount(), r.pool().releasedCount());
        assertEquals(r.pool().capacity(), r.pool().available());
        assertEquals(0, r.lostFrames());
        assertEquals(0, writer.silenceWritten());
    }

    @Test
    void aStalledWriterRunsThePoolDryAndTheLostBlocksBecomeCountedSilence() throws Exception {
        int pool = 8, block = 64, stalled = 20, after = 5;
        Recorder r = Recorder.withPool(2, Encoding.FLOAT32, block, pool);
        ArraySink sink = new ArraySink((stalled + after) * block);
        TakeWriter writer = new TakeWriter(r, sink);
        double[] buf = new double[block];
        long frame = 0;
        for (int b = 0; b < stalled; b++) {
            ramp(buf, block, frame);
            int lost = r.record(buf, 0, block, frame);
            // The first `pool` blocks find a frame; every later one is lost whole.
            assertEquals(b < pool ? 0 : block, lost, "block " + b);
            frame += block;
        }
        assertEquals((long) (stalled - pool) * block, r.lostFrames());
        assertEquals(stalled - pool, r.overruns());
        assertEquals(stalled - pool, r.pool().missCount());
        assertFalse(writer.drain()); // the writer wakes up
        assertEquals(pool, r.pool().available());
        for (int b = 0; b < after; b++) {
            ramp(buf, block, frame);
            assertEquals(0, r.record(buf, 0, block, frame));
            frame += block;
        }
        r.stop();
        assertTrue(writer.drain());
        assertEquals((stalled + after) * block, sink.size, "the take keeps its length");
        for (int i = 0; i < sink.size; i++) {
            int b = i / block;
            double want = b >= pool && b < stalled ? 0 : i + 1;
            assertEquals(want, sink.data[i], "take sample " + i);
        }
        assertEquals((long) (stalled - pool) * block, writer.silenceWritten());
        assertEquals(pool + after, r.pool().acquiredCount());
        assertEquals(r.pool().acquiredCount(), r.pool().releasedCount());
    }

    @Test
    void blocksLostAtTheEndStillCountInTheTakesLength() throws Exception {
        Recorder r = Recorder.withPool(3, Encoding.PCM24, 32, 4);
        ArraySink sink = new ArraySink(32 * 10);
        TakeWriter writer = new TakeWriter(r, sink);
        double[] buf = new double[32];
        for (int b = 0; b < 10; b++) {
            ramp(buf, 32, b * 32L);
            r.record(buf, 0, 32, b * 32L);
        }
        r.stop();
        assertTrue(writer.drain());
        assertEquals(320, sink.size);
        assertEquals(128, writer.samplesWritten());
        assertEquals(192, writer.silenceWritten());
        assertEquals(192, r.lostFrames());
        assertEquals(128, sink.data[127]);
        assertEquals(0, sink.data[128]);
        assertEquals(0, sink.data[319]);
    }

    @Test
    void aBlockLongerThanAFrameIsSplitAcrossFrames() throws Exception {
        Recorder r = Recorder.withPool(4, Encoding.PCM16, 16, 8);
        ArraySink sink = new ArraySink(100);
        TakeWriter writer = new TakeWriter(r, sink);
        double[] buf = new double[40];
        ramp(buf, 40, 0);
        assertEquals(0, r.record(buf, 0, 40, 0));
        r.stop();
        assertTrue(writer.drain());
        assertEquals(40, sink.size);
        assertEquals(3, r.pool().acquiredCount());
        for (int i = 0; i < 40; i++) {
            assertEquals(i + 1, sink.data[i]);
        }
    }

    @Test
    void aTakeStoppedBeforeAnyBlockClosesEmpty() throws Exception {
        Recorder r = new Recorder(5, Encoding.PCM16, 48000, 128);
        ArraySink sink = new ArraySink(1);
        TakeWriter writer = new TakeWriter(r, sink);
        assertFalse(writer.drain());
        r.stop();
        assertEquals(0, r.record(new double[128], 0, 128, 0), "ignored after stop");
        assertTrue(writer.drain());
        assertEquals(0, sink.size);
        assertEquals(1, sink.closes);
    }

    @Test
    void recordingAndStoppingAllocateNothingOnTheAudioThread() {
        double[] buf = new double[128];
        Recorder throwaway = Recorder.withPool(9, Encoding.PCM16, 128, 4);
        for (int b = 0; b < 10; b++) {
            throwaway.record(buf, 0, 128, b * 128L);
        }
        throwaway.stop();
        throwaway.isStopped();
        Recorder r = new Recorder(1, Encoding.PCM16, 48000, 128); // 188 frames: 312 of 500 blocks overrun
        ThreadAllocation.internStringConstants(Recorder.class, FramePool.class, Frame.class);
        ThreadAllocation.bytes();
        long before = ThreadAllocation.bytes();
        for (int b = 0; b < 500; b++) {
            r.record(buf, 0, 128, b * 128L);
        }
        r.stop();
        long after = ThreadAllocation.bytes();
        assertEquals(0, after - before);
        assertEquals(312, r.overruns());
        assertEquals(312L * 128, r.lostFrames());
    }

    @Test
    void aConcurrentWriterKeepsAMillionFramesInOrderAndLosesNoneWhenThePaceAllows() throws Exception {
        // The audio thread records 1e6 frames while the writer drains on its own thread. The
        // audio side waits for a free frame before each block only to stand in for a real-time
        // clock (a paced engine gives the writer time); the recorder itself never waits.
        int total = 1_000_000, block = 128;
        Recorder r = Recorder.withPool(1, Encoding.FLOAT32, block, 16);
        ArraySink sink = new ArraySink(total);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writerThread = new Thread(() -> {
            TakeWriter writer = new TakeWriter(r, sink);
            try {
                while (!writer.drain()) {
                    Thread.onSpinWait();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "writer");
        writerThread.start();
        double[] buf = new double[block];
        for (long frame = 0; frame < total; frame += block) {
            int len = (int) Math.min(block, total - frame);
            ramp(buf, len, frame);
            while (r.pool().available() == 0) {
                Thread.onSpinWait();
            }
            assertEquals(0, r.record(buf, 0, len, frame));
        }
        r.stop();
        writerThread.join(60_000);
        assertNull(failure.get());
        assertEquals(0, r.lostFrames());
        assertEquals(total, sink.size);
        for (int i = 0; i < total; i++) {
            if (sink.data[i] != i + 1) {
                assertEquals(i + 1, sink.data[i], "take sample " + i);
            }
        }
        assertEquals(1, sink.closes);
        assertEquals(0, sink.writesAfterClose);
        assertEquals(r.pool().acquiredCount(), r.pool().releasedCount());
    }

    @Test
    void anUnpacedConcurrentTakeStaysAlignedWhateverItLoses() throws Exception {
        // No pacing: the writer may fall behind and blocks may be lost, but every recorded sample
        // is where it belongs, every lost one is a zero, and the counts agree.
        int total = 1_000_000, block = 100;
        Recorder r = Recorder.withPool(1, Encoding.FLOAT32, block, 8);
        ArraySink sink = new ArraySink(total);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writerThread = new Thread(() -> {
            TakeWriter writer = new TakeWriter(r, sink);
            try {
                while (!writer.drain()) {
                    Thread.onSpinWait();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "writer");
        writerThread.start();
        while (writerThread.getState() == Thread.State.NEW) {
            Thread.onSpinWait();
        }
        double[] buf = new double[block];
        long lost = 0;
        double work = 0;
        for (long frame = 0; frame < total; frame += block) {
            ramp(buf, block, frame);
            lost += r.record(buf, 0, block, frame);
            // A little DSP-like work per block, so the writer keeps up part of the time.
            for (int i = 0; i < 3000; i++) {
                work += Math.sqrt(i + frame);
            }
        }
        assertTrue(work > 0);
        r.stop();
        writerThread.join(60_000);
        assertNull(failure.get());
        assertEquals(total, sink.size);
        long zeros = 0;
        for (int i = 0; i < total; i++) {
            if (sink.data[i] == 0) {
                zeros++;
            } else if (sink.data[i] != i + 1) {
                assertEquals(i + 1, sink.data[i], "take sample " + i);
            }
        }
        assertEquals(lost, zeros);
        assertEquals(lost, r.lostFrames());
        assertEquals(r.pool().acquiredCount(), r.pool().releasedCount());
        System.out.println("unpaced take: " + lost + " of " + total + " frames lost, " + r.overruns() + " overruns");
    }

    @Test
    void sizeIsThePoolsSampleArrays() {
        Recorder r = new Recorder(1, Encoding.PCM16, 48000, 128);
        assertEquals(188L * 128 * 8, r.bytes());
        assertEquals("recorder", r.kind());
        assertEquals(1, r.takeNumber());
        assertEquals(Encoding.PCM16, r.encoding());
    }
}
