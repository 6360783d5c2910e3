package io.blockwise.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@link EngineConfig}: every size must be positive; each one at 0 is refused, all at 1 accepted. */
class AnEngineSizeOfZeroIsRefusedAndOneIsAcceptedTest {
    @Test
    void eachSizeAtZeroIsRefusedAndEverySizeAtOneIsAccepted() {
        assertDoesNotThrow(() -> new EngineConfig(1, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new EngineConfig(0, 1, 1, 1, 1), "sampleRate");
        assertThrows(IllegalArgumentException.class, () -> new EngineConfig(1, 0, 1, 1, 1), "maxBlockFrames");
        assertThrows(IllegalArgumentException.class, () -> new EngineConfig(1, 1, 0, 1, 1), "queueCapacity");
        assertThrows(IllegalArgumentException.class, () -> new EngineConfig(1, 1, 1, 0, 1), "maxMessagesPerBlock");
        assertThrows(IllegalArgumentException.class, () -> new EngineConfig(1, 1, 1, 1, 0), "maxChainLength");
    }
}
