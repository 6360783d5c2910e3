package io.blockwise.record;

import io.blockwise.rt.Resource;
import io.blockwise.rt.SpscRing;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * {@code recorder}: one take of the engine's output, handed from the audio thread to the writer
 * thread in preallocated frames. Built on the control thread at {@code startRecording} with its
 * own {@link FramePool} and a {@link SpscRing} of filled frames (capacity = pool
 * size, so an offer after a successful acquire can never find it full).
 *
 * <p>Audio thread: {@link #record} copies each block into a frame and offers it; when the pool is
 * empty (the writer fell behind by the whole pool) the block is lost and counted, never waited
 * for. {@link #stop} ends the take: a release store of {@code stopped} after the last offer, so a
 * writer that reads it (acquire) and then empties the queue has seen every frame. The audio
 * thread never closes a file or joins a thread; the {@link TakeWriter} does the rest.
 *
 * <p>Lifetime: the engine may retire the recorder once stopped, and the collector may free it
 * while the writer is still draining, so {@link #release()} drops nothing the writer uses; the
 * arrays go when the writer lets go of the recorder.
 */
public final class Recorder extends Resource {
    private static final VarHandle STOPPED;
    private static final VarHandle LOST_FRAMES;
    private static final VarHandle OVERRUNS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STOPPED = lookup.findVarHandle(Recorder.class, "stopped", boolean.class);
            LOST_FRAMES = lookup.findVarHandle(Recorder.class, "lostFrames", long.class);
            OVERRUNS = lookup.findVarHandle(Recorder.class, "overruns", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int takeNumber;
    private final Encoding encoding;
    private final FramePool pool;
    private final SpscRing<Frame> filled;

    // Audio thread only, written plain before an offer or the stop store, which publish them to
    // the writer (it reads them only after a poll or after seeing stopped).
    private boolean started;
    private long firstFrame;
    private long endFrame;

    // Written by rt (so, after the last offer); read by the writer (la, before its last polls).
    @SuppressWarnings("unused")
    private boolean stopped;
    // Written by rt only (plain read, so); read by any thread (la).
    @SuppressWarnings("unused")
    private long lostFrames;
    @SuppressWarnings("unused")
    private long overruns;

    /**
     * Control thread. A take of blocks of {@code blockSize} frames, with the default pool
     * ({@link FramePool#forStream}: half a second of audio, at least four frames).
     */
    public Recorder(int takeNumber, Encoding encoding, int sampleRate, int blockSize) {
        this(takeNumber, encoding, FramePool.forStream(sampleRate, blockSize));
    }

    /** Control thread. A take with an explicit pool of {@code poolFrames} frames of {@code blockSize}. */
    public static Recorder withPool(int takeNumber, Encoding encoding, int blockSize, int poolFrames) {
        return new Recorder(takeNumber, encoding, new FramePool(poolFrames, blockSize));
    }

    private Recorder(int takeNumber, Encoding encoding, FramePool pool) {
        super("recorder");
        if (encoding == null) {
            throw new IllegalArgumentException("encoding is required");
        }
        this.takeNumber = takeNumber;
        this.encoding = encoding;
        this.pool = pool;
        this.filled = new SpscRing<>(pool.capacity());
    }

    /** Any thread. The take's number (file {@code take-N.wav}). */
    public int takeNumber() {
        return takeNumber;
    }

    /** Any thread. The encoding the take is written in. */
    public Encoding encoding() {
        return encoding;
    }

    /** Any thread. The recorder's frame pool (for its counters). */
    public FramePool pool() {
        return pool;
    }

    /**
     * Audio thread only. Records {@code len} frames of {@code out} from {@code off}, whose first
     * sample is absolute frame {@code startFrame}; a block longer than a pool frame is split.
     * Returns the frames lost in this call because the pool was empty (0 normally; the engine
     * logs an {@code overrun} when it is not). Ignored after {@link #stop}. Never allocates,
     * blocks or spins.
     */
    public int record(double[] out, int off, int len, long startFrame) {
        if ((boolean) STOPPED.get(this)) {
            return 0;
        }
        if (!started) {
            started = true;
            firstFrame = startFrame;
        }
        int lost = 0;
        int frameLength = pool.frameLength();
        for (int done = 0; done < len; done += frameLength) {
            int n = Math.min(frameLength, len - done);
            Frame f = pool.acquire();
            if (f == null) {
                lost += n;
                continue;
            }
            f.fill(out, off + done, n, startFrame + done);
            if (!filled.offer(f)) {
                // Unreachable (capacity = pool size); kept so a broken invariant loses data, not a frame.
                f.release();
                lost += n;
            }
        }
        endFrame = startFrame + len;
        if (lost > 0) {
            LOST_FRAMES.setRelease(this, lostFrames + lost);
            OVERRUNS.setRelease(this, overruns + 1);
        }
        return lost;
    }

    /**
     * Audio thread only. Ends the take after the last recorded block. The writer finishes the
     * file; nothing is closed or joined here.
     */
    public void stop() {
        STOPPED.setRelease(this, true);
    }

    /** Any thread. Whether {@link #stop} was called (acquire: frames offered before it are visible after). */
    public boolean isStopped() {
        return (boolean) STOPPED.getAcquire(this);
    }

    /** Any thread. Frames lost to an empty pool so far. */
    public long lostFrames() {
        return (long) LOST_FRAMES.getAcquire(this);
    }

    /** Any thread. Calls of {@link #record} that lost frames so far. */
    public long overruns() {
        return (long) OVERRUNS.getAcquire(this);
    }

    /** Writer thread. The next filled frame in recording order, or null. The caller releases it. */
    Frame pollFilled() {
        return filled.poll();
    }

    /** Writer thread, after a poll returned a frame or after seeing {@link #isStopped()}. */
    boolean started() {
        return started;
    }

    /** Writer thread, under the same condition: the first frame of the take. */
    long firstFrame() {
        return firstFrame;
    }

    /** Writer thread, after seeing {@link #isStopped()}: the frame after the take's last. */
    long endFrame() {
        return endFrame;
    }

    /** Any thread. The pool's sample arrays (the queue's reference array is JVM-dependent and not counted). */
    @Override
    public long bytes() {
        return pool.bytes();
    }
}
