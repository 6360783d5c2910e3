package io.blockwise.record;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One preallocated, reference-counted block of audio from a {@link FramePool}. The thread that
 * {@linkplain FramePool#acquire acquires} it owns it with a count of one, fills it, and hands it
 * on through a queue (which publishes the contents); every holder calls {@link #release()} once,
 * and the last release puts it back in its pool. Nothing is allocated or freed on the way.
 */
public final class Frame {
    private static final VarHandle REF_COUNT;

    static {
        try {
            REF_COUNT = MethodHandles.lookup().findVarHandle(Frame.class, "refCount", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final FramePool pool;
    private final double[] samples;

    // Written by the owner between acquire and hand-off (plain); the hand-off queue's release
    // store publishes them to the next holder.
    private int length;
    private long startFrame;

    // Link of the pool's free stack. Written plain by the pushing thread before its cas on the
    // pool's head (which publishes it), read plain by the popping thread after its la of head.
    private Frame freeNext;

    // Set to 1 by the acquirer (so), counted down by holders (getAndAdd, volatile). The count
    // reaching 0 happens before the frame goes back onto the pool's free stack.
    @SuppressWarnings("unused")
    private int refCount;

    Frame(FramePool pool, int capacity) {
        this.pool = pool;
        this.samples = new double[capacity];
    }

    /** Any holder. The sample array; valid samples are {@code [0, length())}. */
    public double[] samples() {
        return samples;
    }

    /** Any holder. Valid samples. */
    public int length() {
        return length;
    }

    /** Any holder. Absolute frame of {@code samples()[0]} in the stream the frame was cut from. */
    public long startFrame() {
        return startFrame;
    }

    /** Any holder. The pool this frame returns to. */
    public FramePool pool() {
        return pool;
    }

    /**
     * Owner (the acquiring thread), before hand-off. Copies {@code len} samples (at most the
     * frame's capacity) of {@code src} from {@code off} and stamps them with their start frame.
     */
    public void fill(double[] src, int off, int len, long start) {
        System.arraycopy(src, off, samples, 0, len);
        length = len;
        startFrame = start;
    }

    /** Any holder. Adds a holder: the frame returns to its pool only after one more release. */
    public void retain() {
        REF_COUNT.getAndAdd(this, 1);
    }

    /**
     * Any holder (the writer thread, for recorder frames). Drops this holder's reference; the last
     * one returns the frame to its pool.
     *
     * @throws IllegalStateException when the frame was already back in its pool
     */
    public void release() {
        int left = (int) REF_COUNT.getAndAdd(this, -1) - 1;
        if (left == 0) {
            pool.recycle(this);
        } else if (left < 0) {
            REF_COUNT.getAndAdd(this, 1);
            throw new IllegalStateException("frame released more often than acquired and retained");
        }
    }

    void spFreeNext(Frame next) {
        freeNext = next;
    }

    Frame lpFreeNext() {
        return freeNext;
    }

    /** Acquirer only: the frame has left the free stack and has one holder. */
    void claim() {
        REF_COUNT.setRelease(this, 1);
    }

    /** Any thread. Current number of holders (0 in the pool). */
    public int refCount() {
        return (int) REF_COUNT.getVolatile(this);
    }
}
