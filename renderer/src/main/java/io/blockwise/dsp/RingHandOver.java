package io.blockwise.dsp;

/**
 * The state of a ring stage's hand-over copy ({@link RingResampler}) that is done ahead of the
 * hand-over's frame T ({@link Stage#handOverAhead}): per ring, the ages still to copy, counted
 * down from the oldest; the frames the stage's rings have run; and where both stages' rings were
 * expected to stand at T when work was done ahead. The stage may hold ages back for T (a delay's
 * read head reads its oldest ages before T: copied ahead, they would change what it plays). That work stands only if both rings run
 * exactly the frames expected until T; when they do not (a bypass flag changed or a stage faulted
 * during the warm-up), the copy starts over from the oldest age, so the result is still the
 * one-shot copy's, at the cost of doing the work again.
 *
 * <p>Owned by its stage: the audio thread once the stage is live. Allocates only when built.
 */
final class RingHandOver {
    // Frames the stage's rings have run since it was built (all its rings advance together).
    private long frames;
    // Per ring: the oldest age the planned copy writes; the oldest the work ahead may write (the
    // ages above it are left to T); and the next age to copy ahead (the ages above it, up to
    // top, are done; 0 when there is nothing more to do ahead). Meaningful only while planned.
    private final int[] oldest;
    private final int[] top;
    private final int[] next;
    private boolean planned;
    // Whether work was done ahead, and the two rings' frame counts at T it assumed.
    private boolean ahead;
    private long toFramesAtT;
    private long fromFramesAtT;

    /** Control thread. For a stage of {@code rings} rings. */
    RingHandOver(int rings) {
        oldest = new int[rings];
        top = new int[rings];
        next = new int[rings];
    }

    /** Owner thread (the stage's process). The rings ran {@code n} more frames. */
    void ran(int n) {
        frames += n;
    }

    /**
     * Owner thread (the stage's reset). The rings were cleared: counted as a jump of the frame
     * count, so that no work ahead from or into them stands.
     */
    void cleared() {
        frames += 1L << 40;
    }

    /** Owner thread. Frames the rings have run (a reset counts as a jump). */
    long frames() {
        return frames;
    }

    /** Owner thread. Plans a new copy, none of it done yet: call {@link #plan} for each ring. */
    void start() {
        planned = true;
        ahead = false;
    }

    /** Owner thread. Ring {@code ring} is to be copied from age {@code maxAge} (its length at most) down to 1. */
    void plan(int ring, int maxAge) {
        oldest[ring] = maxAge;
        top[ring] = maxAge;
        next[ring] = maxAge;
    }

    /**
     * Owner thread. The ages of ring {@code ring} above {@code age} are not to be copied ahead
     * any more (the stage reads them itself before T); they are left to T. Never raised again.
     */
    void holdAbove(int ring, int age) {
        int a = Math.max(0, age);
        if (a < top[ring]) {
            top[ring] = a;
            next[ring] = Math.min(next[ring], a);
        }
    }

    /** Owner thread. The oldest age of ring {@code ring} that work ahead may copy; those above it, up to {@link #oldest}, are left to T. */
    int top(int ring) {
        return top[ring];
    }

    /** Owner thread. The oldest age of ring {@code ring} the planned copy writes. */
    int oldest(int ring) {
        return oldest[ring];
    }

    /** Owner thread. Samples the planned copy writes in all (0 with none planned). */
    long work() {
        long n = 0;
        if (planned) {
            for (int a : oldest) {
                n += a;
            }
        }
        return n;
    }

    /** Owner thread. Rings the planned copy writes (0 with none planned). */
    int rings() {
        int n = 0;
        if (planned) {
            for (int a : oldest) {
                n += a > 0 ? 1 : 0;
            }
        }
        return n;
    }

    /** Owner thread. Samples of the planned copy not yet done (0 with none planned). */
    long left() {
        long n = 0;
        if (planned) {
            for (int j = 0; j < next.length; j++) {
                n += next[j] + oldest[j] - top[j];
            }
        }
        return n;
    }

    /** Owner thread. Whether a copy is planned (and not yet finished at T). */
    boolean planned() {
        return planned;
    }

    /**
     * Owner thread. Before work ahead that assumes the target ring stands at frame count
     * {@code toFramesAtT} and the source at {@code fromFramesAtT} at T: if earlier work assumed
     * otherwise, it no longer stands and the copy starts over.
     */
    void expect(long toFramesAtT, long fromFramesAtT) {
        if (ahead && (toFramesAtT != this.toFramesAtT || fromFramesAtT != this.fromFramesAtT)) {
            restart();
        }
        ahead = true;
        this.toFramesAtT = toFramesAtT;
        this.fromFramesAtT = fromFramesAtT;
    }

    /**
     * Owner thread. At T, with the rings at frame counts {@code toFrames} and {@code fromFrames}:
     * the work done ahead stands only if that is where it expected them; otherwise the copy starts over.
     */
    void arrive(long toFrames, long fromFrames) {
        if (ahead && (toFrames != toFramesAtT || fromFrames != fromFramesAtT)) {
            restart();
        }
        ahead = false;
    }

    /** Owner thread. The next age of ring {@code ring} to copy ahead (0: nothing more ahead). */
    int next(int ring) {
        return next[ring];
    }

    /** Owner thread. Ring {@code ring} is done down to age {@code nextAge + 1}. */
    void reached(int ring, int nextAge) {
        next[ring] = Math.max(0, nextAge);
    }

    /** Owner thread. Forgets the plan (the hand-over happened, or will not). */
    void clear() {
        planned = false;
        ahead = false;
    }

    private void restart() {
        System.arraycopy(top, 0, next, 0, next.length);
    }
}
