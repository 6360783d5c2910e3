package io.blockwise.record;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A fixed set of preallocated audio {@link Frame}s. The audio thread {@linkplain #acquire
 * acquires} one per block it wants to hand off (never allocating, never waiting: an empty pool
 * returns null and counts a miss, which the engine logs as an {@code overrun}); the thread that
 * releases a frame last returns it.
 *
 * <p>Free frames form an intrusive lock-free stack (Treiber's), linked through each frame's own
 * {@code freeNext} field, so returning a frame never allocates and never fails, and any thread
 * may release. Only the audio thread pops, which rules out ABA: the head can only change under a
 * pop by gaining pushed frames, and then the pop's compare-and-set fails and retries, at most
 * once per frame out of the pool. A pop never reports empty while a frame is on the stack. We did
 * not use JCTools' {@code MpscArrayQueue} here: its {@code poll} spins while a releaser is halfway
 * through an offer (the audio thread must not wait on another thread), and its {@code relaxedPoll}
 * reports such a queue empty, which would turn a race into a spurious lost block. Last in, first
 * out also hands back the frame most recently touched, still in cache.
 *
 * <p>Size: {@link #framesFor} gives enough frames for {@link #BUFFER_SECONDS} of audio at the
 * block size, at least {@link #MIN_FRAMES}, so a writer may fall half a second behind before
 * audio is lost.
 */
public final class FramePool {
    /** Audio the default pool holds. */
    public static final double BUFFER_SECONDS = 0.5;
    /** Fewest frames in a default pool. */
    public static final int MIN_FRAMES = 4;

    private static final VarHandle HEAD;
    private static final VarHandle ACQUIRED;
    private static final VarHandle MISSES;
    private static final VarHandle RELEASED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(FramePool.class, "head", Frame.class);
            ACQUIRED = lookup.findVarHandle(FramePool.class, "acquired", long.class);
            MISSES = lookup.findVarHandle(FramePool.class, "misses", long.class);
            RELEASED = lookup.findVarHandle(FramePool.class, "released", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int frameLength;
    private final Frame[] frames;

    // Top of the free stack. Pushed by releasing threads (cas), popped by the acquirer (cas);
    // read with la so that the frame's freeNext, written before the pushing cas, is visible.
    @SuppressWarnings("unused")
    private Frame head;

    // Written by the acquiring thread only (plain read, so); read by any thread (la).
    @SuppressWarnings("unused")
    private long acquired;
    @SuppressWarnings("unused")
    private long misses;
    // Written by releasing threads (getAndAdd); read by any thread (la).
    @SuppressWarnings("unused")
    private long released;

    /** Control thread. {@code frameCount} frames of {@code frameLength} samples each, all free. */
    public FramePool(int frameCount, int frameLength) {
        if (frameCount < 1 || frameLength < 1) {
            throw new IllegalArgumentException(
                    "frameCount " + frameCount + " and frameLength " + frameLength + " must be positive");
        }
        this.frameLength = frameLength;
        this.frames = new Frame[frameCount];
        for (int i = frameCount - 1; i >= 0; i--) {
            frames[i] = new Frame(this, frameLength);
            push(frames[i]);
        }
    }

    /** Any thread. Frames for {@link #BUFFER_SECONDS} of audio in blocks of {@code blockSize}, at least 4. */
    public static int framesFor(int sampleRate, int blockSize) {
        if (sampleRate < 1 || blockSize < 1) {
            throw new IllegalArgumentException("sampleRate " + sampleRate + " and blockSize " + blockSize);
        }
        long frames = (long) Math.ceil(BUFFER_SECONDS * sampleRate / blockSize);
        return (int) Math.max(MIN_FRAMES, frames);
    }

    /** Control thread. The default pool for a stream: {@link #framesFor} frames of one block. */
    public static FramePool forStream(int sampleRate, int blockSize) {
        return new FramePool(framesFor(sampleRate, blockSize), blockSize);
    }

    /**
     * Audio thread only (the single acquirer). A free frame with one holder, or null when none is
     * free (counted as a miss). Never allocates or blocks; its compare-and-set retries only when
     * a frame was returned meanwhile, so at most once per frame out of the pool.
     */
    public Frame acquire() {
        Frame f = pop();
        if (f == null) {
            MISSES.setRelease(this, misses + 1);
            return null;
        }
        f.claim();
        ACQUIRED.setRelease(this, acquired + 1);
        return f;
    }

    /** The last holder's thread, from {@link Frame#release()}. */
    void recycle(Frame f) {
        push(f);
        RELEASED.getAndAdd(this, 1L);
    }

    private void push(Frame f) {
        Frame top;
        do {
            top = (Frame) HEAD.getAcquire(this);
            f.spFreeNext(top); // published by the cas below
        } while (!HEAD.compareAndSet(this, top, f));
    }

    /** Acquirer only. */
    private Frame pop() {
        Frame top;
        Frame next;
        do {
            top = (Frame) HEAD.getAcquire(this);
            if (top == null) {
                return null;
            }
            // Note: safe without ABA, since only this thread pops: if top is still the head at
            // the cas, no frame was pushed above it, so top.freeNext is still its successor.
            next = top.lpFreeNext();
        } while (!HEAD.compareAndSet(this, top, next));
        return top;
    }

    /** Any thread. Frames handed out so far. */
    public long acquiredCount() {
        return (long) ACQUIRED.getAcquire(this);
    }

    /** Any thread. Frames returned so far. */
    public long releasedCount() {
        return (long) RELEASED.getAcquire(this);
    }

    /** Any thread. Acquires that found the pool empty. */
    public long missCount() {
        return (long) MISSES.getAcquire(this);
    }

    /**
     * Any thread. Free frames now: capacity - acquired + released, from two counters read one
     * after the other, so a snapshot that may be stale (exact when no other thread is active).
     */
    public int available() {
        return (int) (frames.length - acquiredCount() + releasedCount());
    }

    /** Any thread. Frames in the pool. */
    public int capacity() {
        return frames.length;
    }

    /** Any thread. Samples per frame. */
    public int frameLength() {
        return frameLength;
    }

    /** Any thread. Bytes of the frames' sample arrays (deterministic). */
    public long bytes() {
        return 8L * frames.length * frameLength;
    }
}
