package io.blockwise.rt;

/**
 * The bounded command queue from the control thread to the audio thread: a {@link SpscRing} of
 * exactly {@code queueCapacity} preallocated slots, whose offer and poll allocate nothing (proved
 * in QueueAllocationTest). It was JCTools' {@code SpscArrayQueue}; see {@link SpscRing} for why
 * the audio thread no longer calls into JCTools.
 *
 * @param <T> the command type
 */
public final class CommandQueue<T> {
    private final SpscRing<T> queue;
    private final int capacity;

    /** Control thread. */
    public CommandQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity " + capacity + " must be at least 1");
        }
        this.capacity = capacity;
        this.queue = new SpscRing<>(capacity);
    }

    /**
     * Control thread only (the single producer). Queues {@code command}, or returns false when
     * {@code capacity} commands are waiting. Never drops: the caller keeps a refused command.
     */
    public boolean offer(T command) {
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
