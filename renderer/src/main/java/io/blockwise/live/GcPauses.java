package io.blockwise.live;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The garbage collections of a live session, from the collectors' JMX notifications
 * ({@link GarbageCollectionNotificationInfo}): each with its collector, action, cause, start (ms
 * since JVM start) and duration. HotSpot sends a notification after each collection, on its own
 * service thread. A collection whose collector is a stop-the-world one ("end of minor GC", "end of
 * major GC") paused every Java thread, the audio thread included, for its duration; ZGC and
 * Shenandoah report their pauses as separate "Pauses" collectors. Any thread.
 */
public final class GcPauses implements AutoCloseable {
    /**
     * One collection. {@code stopTheWorld}: its duration paused every Java thread (false for the
     * concurrent cycles of ZGC and Shenandoah, "... Cycles", and G1's "G1 Concurrent GC", whose
     * pauses are reported by their own beans).
     */
    public record Pause(String collector, String action, String cause, long startMillis, long durationMillis) {
        /** Any thread. */
        public boolean stopTheWorld() {
            return !(collector.endsWith(" Cycles") || collector.contains("Concurrent"));
        }
    }

    // Written by the JMX notification thread, read by the driver: guarded by `pauses`' monitor.
    private final List<Pause> pauses = new ArrayList<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::handle;

    private GcPauses() {
    }

    /** Driver thread. Starts listening to every collector of this JVM. */
    public static GcPauses start() {
        GcPauses g = new GcPauses();
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof NotificationEmitter e) {
                e.addNotificationListener(g.listener, null, null);
                g.emitters.add(e);
            }
        }
        return g;
    }

    private void handle(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        Pause p = new Pause(info.getGcName(), info.getGcAction(), info.getGcCause(),
                info.getGcInfo().getStartTime(), info.getGcInfo().getDuration());
        synchronized (pauses) {
            pauses.add(p);
        }
    }

    /** Any thread. The collections so far, in the order they were reported. */
    public List<Pause> pauses() {
        synchronized (pauses) {
            return List.copyOf(pauses);
        }
    }

    /** Driver thread. Stops listening. */
    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // never added: nothing to remove
            }
        }
    }
}
