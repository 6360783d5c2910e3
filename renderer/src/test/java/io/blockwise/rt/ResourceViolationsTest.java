package io.blockwise.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every lifecycle violation the registry and the collector tell apart, each with its own message,
 * and the collector's two planted defects (an early free, a double free) reported as violations.
 */
class ResourceViolationsTest {
    /** A collector policy that frees everything twice: a defect planted on purpose. */
    private static final FreePolicy FREE_TWICE = (r, free) -> {
        free.accept(r);
        free.accept(r);
    };


    @Test
    void aResourceIsRegisteredOnceWithItsSerialAndCountedAsBuilt() {
        ResourceRegistry registry = new ResourceRegistry();
        TestResource a = new TestResource(1);
        assertEquals("test#?", a.toString(), "no id before registration");
        assertSame(a, registry.register(a));
        registry.register(new TestResource(2));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> registry.register(a));
        assertEquals("test#1 is already registered", e.getMessage());
        assertEquals(1, a.serial());
        assertEquals("test#1", a.toString());
        assertEquals(2, registry.builtCount());
        assertEquals(0, registry.freedCount());
        assertEquals(Resource.BUILT, a.state());
    }

    @Test
    void freeingAResourceThatWasNeverInstalledNamesItBuilt() {
        ResourceRegistry registry = new ResourceRegistry();
        TestResource r = registry.register(new TestResource(1));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> registry.free(r));
        assertEquals("test#1 was freed while built (never retired)", e.getMessage());
        assertEquals(List.of(r), registry.unfreed());
    }

    @Test
    void aResourceInstalledTwiceIsReportedByTheCollectorAndNotFreed() {
        ResourceRegistry registry = new ResourceRegistry();
        EventLog log = new EventLog();
        RetireQueue queue = new RetireQueue();
        TestResource r = registry.register(new TestResource(64));
        r.markLive();
        r.markLive();
        queue.retire(r);

        Collector c = new Collector(queue, registry, log);
        assertEquals(1, c.drain(5, 320));

        assertEquals(List.of("block 5: test#1: installed twice"), c.violations());
        assertEquals(List.of(), log.events(), "no free event for a resource that was not freed");
        assertEquals(List.of(r), registry.unfreed());
        assertEquals(Resource.RETIRED, r.state());
    }

    @Test
    void aRetiredResourceThatWasNeverRegisteredIsNamedWithoutAnId() {
        ResourceRegistry registry = new ResourceRegistry();
        TestResource other = new TestResource(2);
        other.markLive();
        assertTrue(other.markRetired());
        IllegalStateException e2 = assertThrows(IllegalStateException.class, () -> registry.free(other));
        assertEquals("test#? was freed but never registered", e2.getMessage());
        assertEquals(0, registry.freedCount());
    }

    @Test
    void aCollectorThatFreesTwiceReportsTheSecondFreeAndLogsOnlyTheFirst() {
        ResourceRegistry registry = new ResourceRegistry();
        EventLog log = new EventLog();
        RetireQueue queue = new RetireQueue();
        TestResource r = registry.register(new TestResource(128));
        r.markLive();
        queue.retire(r);

        Collector c = new Collector(queue, registry, log, FREE_TWICE, Reachability.NONE);
        assertEquals(1, c.drain(2, 128));

        assertEquals(List.of("block 2: test#1 was freed twice"), c.violations());
        assertEquals(1, log.events().size());
        assertEquals("{\"block\":2,\"frame\":128,\"thread\":\"collector\",\"event\":\"free\",\"resource\":\"test#1\",\"bytes\":128}",
                log.events().get(0).toJson());
        assertEquals(1, registry.freedCount());
    }

    @Test
    void aResourceTheEngineStillReachesIsReportedAsAnEarlyFreeAndFreedAllTheSame() {
        ResourceRegistry registry = new ResourceRegistry();
        EventLog log = new EventLog();
        RetireQueue queue = new RetireQueue();
        TestResource reached = registry.register(new TestResource(8));
        TestResource gone = registry.register(new TestResource(16));
        reached.markLive();
        gone.markLive();
        queue.retire(reached);
        queue.retire(gone);

        Collector c = new Collector(queue, registry, log, FreePolicy.ONCE, res -> res == reached);
        assertEquals(2, c.drain(9, 576));

        assertEquals(List.of("block 9: early free: test#1 was retired and freed while the engine still reached it"),
                c.violations());
        assertEquals(List.of("test#1", "test#2"), log.events().stream().map(e -> (String) e.get("resource")).toList());
        assertEquals(2, registry.freedCount());
        assertEquals(List.of(), registry.unfreed());
        assertEquals(Resource.FREED, reached.state());
        assertEquals(0, c.drain(10, 640), "the queue is empty afterwards");
    }

    @Test
    void theViolationsAreASnapshot() {
        ResourceRegistry registry = new ResourceRegistry();
        RetireQueue queue = new RetireQueue();
        Collector c = new Collector(queue, registry, new EventLog(), FREE_TWICE, Reachability.NONE);
        List<String> before = c.violations();
        TestResource r = registry.register(new TestResource(1));
        r.markLive();
        queue.retire(r);
        c.drain(0, 0);
        assertEquals(List.of(), before);
        assertEquals(1, c.violations().size());
        assertThrows(UnsupportedOperationException.class, () -> c.violations().clear());
    }
}
