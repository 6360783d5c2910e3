package io.blockwise.render;

import io.blockwise.scenario.Scenario;

/**
 * Decides how many blocks the driver may hand the audio thread in one run: up to the next block
 * at which the offline schedule needs the control side. That is the block before which a message
 * is due or still waiting to be sent, or the block after which a collector turn has retired
 * resources to free, or after which a writer turn has a take to write, or the end of the render.
 * The audio thread itself ends a run early after a block that published an event, a tuner value
 * or a clip change ({@link RtThread}), so these are only the meetings the schedule knows ahead.
 * Control thread.
 */
final class RunPlanner {
    private final Scenario scenario;
    private final int maxRunBlocks;

    RunPlanner(Scenario scenario, int maxRunBlocks) {
        this.scenario = scenario;
        this.maxRunBlocks = maxRunBlocks;
    }

    /**
     * The number of blocks, from {@code block} on, that need no control-side work before or in
     * between them (at least 1). {@code nextSendBlock}: the first later block a message must be
     * sent before; {@code collectorHasWork}/{@code writerHasWork}: whether a turn of that role
     * would do anything now.
     */
    int runLength(long block, long nextSendBlock, boolean collectorHasWork, boolean writerHasWork) {
        long limit = Math.min(scenario.blockCount(), block + maxRunBlocks);
        limit = Math.min(limit, nextSendBlock);
        int bs = scenario.blockSize();
        for (long b = block; b < limit; b++) {
            // A role's turn comes after block b: the run must end with b so the turn sees it.
            if ((collectorHasWork && scenario.collector().runsAfter(b, b * bs))
                    || (writerHasWork && scenario.writer().runsAfter(b, b * bs))) {
                return (int) (b - block + 1);
            }
        }
        return (int) Math.max(1, limit - block);
    }

    /** The most blocks of {@code blockSize} frames a run holds: about 32 k frames, 1 to 256 blocks. */
    static int maxRunBlocks(int blockSize) {
        return Math.max(1, Math.min(256, (1 << 15) / blockSize));
    }
}
