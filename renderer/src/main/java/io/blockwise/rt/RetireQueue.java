package io.blockwise.rt;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Deferred release of engine resources, after basedrop. When the audio thread takes a resource
 * out of the engine (a replaced stage, a faded-out convolver, a refused payload) it does not drop
 * it: it {@linkplain #retire retires} it onto this queue, and the collector thread later
 * {@linkplain #poll polls} it off and frees it there, where allocation, logging and the garbage
 * collector's work on the object's arrays are allowed. The queue is intrusive: each resource
 * carries its own link, built with it on the control thread, so a push is one atomic exchange and
 * a store; it never allocates, never blocks and cannot fail, however far the collector falls
 * behind (a bounded return channel would have to leak or free on the audio thread when full). It
 * is Dmitry Vyukov's intrusive multi-producer single-consumer queue, so several audio threads (or
 * a control thread) may retire too. At shutdown the driver retires everything still installed and
 * drains the queue to empty, so every resource ever built is freed exactly once, by the collector.
 * {@link #retiredCount()} and {@link #polledCount()} make the backlog observable.
 */
public final class RetireQueue {

    private static final VarHandle HEAD;
    private static final VarHandle RETIRED_COUNT;
    private static final VarHandle POLLED_COUNT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(RetireQueue.class, "head", Resource.class);
            RETIRED_COUNT = lookup.findVarHandle(RetireQueue.class, "retiredCount", long.class);
            POLLED_COUNT = lookup.findVarHandle(RetireQueue.class, "polledCount", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The permanent stub node that keeps the list non-empty. Never freed. */
    private final Resource stub = new Stub();

    // Last pushed node. Exchanged by producers (xchg); read by the consumer (lv) to tell an empty
    // queue from a push in flight.
    @SuppressWarnings("unused")
    private volatile Resource head;

    // Next node to poll. Consumer (collector) only: plain.
    private Resource tail;

    // Written by producers (getAndAdd), read by any thread (lv).
    @SuppressWarnings("unused")
    private volatile long retiredCount;

    // Written by the consumer (so), read by any thread (lv).
    @SuppressWarnings("unused")
    private volatile long polledCount;

    /** Control thread. */
    public RetireQueue() {
        head = stub;
        tail = stub;
    }

    /**
     * Audio thread (any producer thread). Moves {@code resource} to retired and pushes it. Never
     * allocates, blocks or fails. A resource already retired is not pushed again (its violation
     * is recorded and reported by the collector when the first push is freed).
     */
    public void retire(Resource resource) {
        if (!resource.markRetired()) {
            return;
        }
        push(resource);
        RETIRED_COUNT.getAndAdd(this, 1L);
    }

    private void push(Resource node) {
        node.spRetireNext(null);
        // xchg: publishes node (and everything written before) to the consumer via soRetireNext.
        Resource previous = (Resource) HEAD.getAndSet(this, node);
        // so: the consumer's la of previous.retireNext sees node fully written.
        previous.soRetireNext(node);
    }

    /**
     * Collector thread only. Takes the oldest retired resource, or null when the queue is empty
     * (or a push is halfway done, which a later poll completes).
     */
    public Resource poll() {
        Resource t = tail;
        Resource next = t.lvRetireNext();
        if (t == stub) {
            if (next == null) {
                return null;
            }
            tail = next;
            t = next;
            next = next.lvRetireNext();
        }
        if (next != null) {
            tail = next;
            return taken(t);
        }
        if (t != head) {
            return null; // a producer has exchanged head but not linked yet
        }
        push(stub);
        next = t.lvRetireNext();
        if (next != null) {
            tail = next;
            return taken(t);
        }
        return null;
    }

    private Resource taken(Resource r) {
        POLLED_COUNT.setRelease(this, polledCount + 1);
        return r;
    }

    /** Any thread. Resources retired so far. */
    public long retiredCount() {
        return retiredCount;
    }

    /** Any thread. Resources polled off so far. */
    public long polledCount() {
        return polledCount;
    }

    /** Any thread. Resources retired but not yet polled. */
    public long backlog() {
        return retiredCount - polledCount;
    }

    private static final class Stub extends Resource {
        Stub() {
            super("stub");
        }

        @Override
        public long bytes() {
            return 0;
        }
    }
}
