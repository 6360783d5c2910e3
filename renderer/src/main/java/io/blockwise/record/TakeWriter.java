package io.blockwise.record;

import java.io.IOException;

/**
 * Writer thread: moves one {@link Recorder}'s frames to its {@link TakeSink}, in recording order,
 * and returns them to the pool. One per take; the writer thread calls {@link #drain()} on each
 * live take on its schedule (offline: once per block, except while stalled) until it reports the
 * take finished.
 *
 * <p>Lost frames become silence. When the pool ran dry the audio thread recorded nothing for
 * those frames; the writer sees the gap in the frames' start frames (and, for a gap at the end,
 * in the take's end frame) and writes that many zeros. So sample {@code i} of a take is always
 * output frame {@code first + i}: the take stays aligned with {@code output.wav}, its length is
 * the recorded duration whatever the writer did, and a dropout is audible and locatable instead
 * of silently shortening the take. The count of lost frames is in {@link Recorder#lostFrames()}
 * and the {@code overrun} events.
 */
public final class TakeWriter {
    private final Recorder recorder;
    private final TakeSink sink;
    private final double[] silence;

    // Writer thread only.
    private long nextFrame;
    private boolean positioned;
    private boolean finished;
    private long samplesWritten;
    private long silenceWritten;

    /** Writer thread (or control, before the take starts). */
    public TakeWriter(Recorder recorder, TakeSink sink) {
        this.recorder = recorder;
        this.sink = sink;
        this.silence = new double[recorder.pool().frameLength()];
    }

    /** Any thread. The take this writer drains. */
    public Recorder recorder() {
        return recorder;
    }

    /**
     * Writer thread. Writes every frame available now and releases it. When the recorder is
     * stopped and everything recorded has been written, pads any trailing gap, closes the sink
     * (once) and returns true; returns true on every later call without touching the sink.
     * An exception from the sink propagates; the frame being written is still released.
     */
    public boolean drain() throws IOException {
        if (finished) {
            return true;
        }
        // Read before polling: every frame offered before stop() is then visible to the polls.
        boolean stopped = recorder.isStopped();
        for (Frame f = recorder.pollFilled(); f != null; f = recorder.pollFilled()) {
            try {
                padTo(f.startFrame());
                sink.write(f.samples(), f.length());
                samplesWritten += f.length();
                nextFrame = f.startFrame() + f.length();
            } finally {
                f.release();
            }
        }
        if (!stopped) {
            return false;
        }
        if (recorder.started()) {
            padTo(recorder.endFrame());
        }
        finished = true;
        sink.close();
        return true;
    }

    /** Writes silence for the frames lost before {@code frame}. */
    private void padTo(long frame) throws IOException {
        if (!positioned) {
            positioned = true;
            nextFrame = recorder.firstFrame();
        }
        while (nextFrame < frame) {
            int n = (int) Math.min(silence.length, frame - nextFrame);
            sink.write(silence, n);
            silenceWritten += n;
            nextFrame += n;
        }
    }

    /** Writer thread. Whether the sink has been closed. */
    public boolean isFinished() {
        return finished;
    }

    /** Writer thread. Recorded samples written so far. */
    public long samplesWritten() {
        return samplesWritten;
    }

    /** Writer thread. Zeros written for lost frames so far. */
    public long silenceWritten() {
        return silenceWritten;
    }
}
