package io.blockwise.rt;

import org.jctools.queues.SpscArrayQueue;

/**
 * The bounded command queue from the control thread to the audio thread: JCTools'
 * {@link SpscArrayQueue}, whose slots are allocated up front and whose offer and poll allocate
 * nothing (proved in CommandQueueTest). JCTools rounds its capacity up to a power of two; this
 * class enforces the scenario's exact {@code queueCapacity} on the producer side.
 *
 * @param <T> the command type
 */
public final class CommandQueue<T> {
    private final SpscArrayQueue<T> queue;
    private final int capacity;

    /** Control thread. */
    public CommandQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity " + capacity + " must be at least 1");
        }
        this.capacity = capacity;
        this.queue = new SpscArrayQueue<>(Math.max(2, capacity));
    }

    /**
     * Control thread only (the single producer). Queues {@code command}, or returns false when
     * {@code capacity} commands are waiting. Never drops: the caller keeps a refused command.
     * The size read sees the consumer's index with acquire ordering, so it can only overestimate
     * the fill level (a poll in flight), never underestimate it.
     */
    public boolean offer(T command) {
        if (queue.size() >= capacity) {
            return false;
        }
        return queue.offer(command);
    }

    /** Audio thread only (the single consumer). The oldest command, or null. */
    public T poll() {
        return queue.poll();
    }

    /** Any thread. Commands waiting (a snapshot). */
    public int size() {
        return queue.size();
    }

    /** Any thread. */
    public int capacity() {
        return capacity;
    }
}
