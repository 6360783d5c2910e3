package io.blockwise.dsp;

/**
 * The one home of the rule for a change that waits behind a running fade (new input filters or a
 * pitch shift, through {@link Transition}; an IR swap or clear, in {@link Cabinet}): it starts at
 * the frame after the fade's last one, whatever the block size. When the fade ends inside a block and a change waits, that block is run in two
 * parts, up to the fade's last frame and from the next. Without the split, the waiting change
 * started at the next block, so where it began depended on the block size (the fuzzer's
 * block-size property found it: two {@code setInputFilters} at frame 0 differed from frame 486
 * between block sizes 64 and 32). Audio thread only; pure arithmetic, never allocates.
 */
public final class WaitingChange {
    private WaitingChange() {
    }

    /**
     * Audio thread only. The length of the block's first part: {@code fadeFramesLeft} when a
     * change waits and the fade ends inside this block of {@code frames} frames, else
     * {@code frames} (the block is run whole).
     */
    public static int firstPart(boolean changeWaits, long fadeFramesLeft, int frames) {
        return changeWaits && fadeFramesLeft < frames ? (int) fadeFramesLeft : frames;
    }
}
