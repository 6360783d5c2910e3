package io.blockwise.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceLifecycleTest {

    @Test
    void idsCountFromOnePerKindInBuildOrder() {
        ResourceRegistry registry = new ResourceRegistry();
        Resource a = registry.register(new TestResource(1));
        Resource b = registry.register(new TestResource(2));
        Resource other = registry.register(new Resource("convolver") {
            @Override
            public long bytes() {
                return 0;
            }
        });
        assertEquals("test#1", a.id());
        assertEquals("test#2", b.id());
        assertEquals("convolver#1", other.id());
    }

    @Test
    void freeingALiveResourceThrows() {
        ResourceRegistry registry = new ResourceRegistry();
        Resource r = registry.register(new TestResource(1));
        r.markLive();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> registry.free(r));
        assertEquals("test#1 was freed while live (never retired)", e.getMessage());
    }

    @Test
    void freeingTwiceThrows() {
        ResourceRegistry registry = new ResourceRegistry();
        RetireQueue q = new RetireQueue();
        Resource r = registry.register(new TestResource(1));
        r.markLive();
        q.retire(r);
        registry.free(q.poll());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> registry.free(r));
        assertEquals("test#1 was freed twice", e.getMessage());
    }

    @Test
    void aResourceNeverFreedIsListedAsUnfreed() {
        ResourceRegistry registry = new ResourceRegistry();
        RetireQueue q = new RetireQueue();
        Resource kept = registry.register(new TestResource(1));
        Resource freed = registry.register(new TestResource(2));
        kept.markLive();
        freed.markLive();
        q.retire(freed);
        new Collector(q, registry, new EventLog()).drain(0, 0);
        assertEquals(List.of(kept), registry.unfreed());
        assertEquals(1, registry.freedCount());
    }

    @Test
    void theCollectorLogsEachFreeWithItsSize() {
        ResourceRegistry registry = new ResourceRegistry();
        RetireQueue q = new RetireQueue();
        EventLog log = new EventLog();
        Resource r = registry.register(new TestResource(4096));
        r.markLive();
        q.retire(r);
        new Collector(q, registry, log).drain(3, 384);
        assertEquals("{\"block\":3,\"frame\":384,\"thread\":\"collector\",\"event\":\"free\",\"resource\":\"test#1\",\"bytes\":4096}",
                log.events().get(0).toJson());
    }
}
