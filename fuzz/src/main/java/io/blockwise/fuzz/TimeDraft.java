package io.blockwise.fuzz;

/**
 * When something happens, without knowing the block size yet: an anchor and a block number
 * (taken modulo the block count). The anchors aim at the frames where scheduling bugs live: a
 * block's first frame, one frame after it (applied a whole block later), one frame before it,
 * somewhere inside, the very last frame (which is due after the last block, so never sent) and
 * anywhere in the last block (due at the last block, or after it).
 */
record TimeDraft(Anchor anchor, int block, int permille) {

    /** Where in or around the block. */
    enum Anchor { EDGE, EDGE_PLUS_ONE, EDGE_MINUS_ONE, INSIDE, LAST_FRAME, LAST_BLOCK }

    static final TimeDraft START = new TimeDraft(Anchor.EDGE, 0, 0);

    long frame(Timing t) {
        // A long render spreads the 64 block numbers over all its blocks.
        long b = t.spread() ? block * t.blockCount() / 64 % t.blockCount() : block % t.blockCount();
        long edge = b * t.blockSize();
        switch (anchor) {
            case EDGE:
                return t.clampFrame(edge);
            case EDGE_PLUS_ONE:
                return t.clampFrame(edge + 1);
            case EDGE_MINUS_ONE:
                return t.clampFrame(edge - 1);
            case INSIDE:
                return t.clampFrame(edge + (long) permille * t.blockSize() / 1000);
            case LAST_BLOCK:
                return t.clampFrame((t.blockCount() - 1) * t.blockSize() + (long) permille * t.blockSize() / 1000);
            default:
                return t.durationFrames() - 1;
        }
    }
}
