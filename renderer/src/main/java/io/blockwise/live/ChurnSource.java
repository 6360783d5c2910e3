package io.blockwise.live;

import io.blockwise.scenario.IrSpec;
import io.blockwise.scenario.Message;
import java.util.List;

/**
 * Where a churn thread draws its messages from: {@link ChurnMessages} (random valid messages of
 * every kind) unless {@link LiveOptions#churnSource} says otherwise (a test hearing the device
 * under churn sends messages that leave the sound alone).
 */
public interface ChurnSource {
    /** Control thread (the churn thread that owns this source). The next message. */
    Message next();

    /** Control thread. The IRs its messages may swap in (prepared before the clock starts). */
    List<IrSpec> irs();

    /** Makes the source of one churn thread. */
    interface Factory {
        /**
         * Control thread. The source of a churn thread drawing from {@code seed}, for a session at
         * {@code sampleRate} with chains of at most {@code maxChainLength} stages, swapping IRs of
         * {@code irFrames} frames.
         */
        ChurnSource create(long seed, int sampleRate, int maxChainLength, long irFrames);
    }
}
