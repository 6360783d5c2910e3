package io.blockwise.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The collector's reachability check in a live session runs only between blocks ({@link BlockGate}). */
class BlockGateTest {

    @Test
    void aCheckThatABlockOverlappedIsDiscardedAndMadeAgain() {
        AtomicInteger calls = new AtomicInteger();
        BlockGate[] gate = new BlockGate[1];
        // The first check sees a block handed off and back while it reads: its answer (true) is stale.
        gate[0] = new BlockGate(r -> {
            int n = calls.incrementAndGet();
            if (n == 1) {
                gate[0].handingOff();
                gate[0].handedBack();
            }
            return n == 1;
        });
        assertFalse(gate[0].reaches(null));
        assertEquals(2, calls.get());
    }

    @Test
    void aCheckThatThrowsOnAChainInFluxIsMadeAgain() {
        AtomicInteger calls = new AtomicInteger();
        BlockGate gate = new BlockGate(r -> {
            if (calls.incrementAndGet() == 1) {
                throw new ArrayIndexOutOfBoundsException("a chain shrinking under the check");
            }
            return true;
        });
        assertTrue(gate.reaches(null));
        assertEquals(2, calls.get());
    }

    @Test
    void noCheckIsMadeWhileABlockIsInFlight() throws Exception {
        AtomicBoolean inFlight = new AtomicBoolean(true);
        AtomicInteger checkedInFlight = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        BlockGate gate = new BlockGate(r -> {
            calls.incrementAndGet();
            if (inFlight.get()) {
                checkedInFlight.incrementAndGet();
            }
            return false;
        });
        gate.handingOff();
        Thread collector = new Thread(() -> gate.reaches(null), "collector");
        collector.start();
        collector.join(50); // the collector is waiting for the block now (or not started yet)
        assertEquals(0, calls.get());
        inFlight.set(false);
        gate.handedBack();
        collector.join();
        assertEquals(1, calls.get());
        assertEquals(0, checkedInFlight.get());
    }

    @Test
    void aCollectorWaitingForABlockThatNeverEndsGivesUpWhenInterrupted() throws Exception {
        BlockGate gate = new BlockGate(r -> false);
        gate.handingOff();
        Throwable[] thrown = new Throwable[1];
        Thread collector = new Thread(() -> {
            try {
                gate.reaches(null);
            } catch (IllegalStateException e) {
                thrown[0] = e;
            }
        }, "collector");
        collector.start();
        collector.interrupt();
        collector.join();
        assertTrue(thrown[0] != null && thrown[0].getMessage().contains("in flight"), String.valueOf(thrown[0]));
    }
}
