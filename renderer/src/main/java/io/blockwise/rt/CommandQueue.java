package io.blockwise.rt;

/**
 * The bounded command queue from the control threads to the audio thread: a
 * {@link ManyToOneCommandQueue} of exactly {@code queueCapacity} preallocated slots, whose offer
 * and poll allocate nothing (proved in QueueAllocationTest). Offline there is one producer; in
 * live mode every control and churn thread offers to it at once, lock-free, and the audio thread
 * is the only consumer. (It was an {@link SpscRing}, and JCTools' {@code SpscArrayQueue} before
 * that; see {@link SpscRing} for why the audio thread does not call into JCTools.)
 *
 * @param <T> the command type
 */
public final class CommandQueue<T> {
    private final ManyToOneCommandQueue<T> queue;

    /** Control thread. */
    public CommandQueue(int capacity) {
        this.queue = new ManyToOneCommandQueue<>(capacity);
    }

    /**
     * Any control thread (a producer). Queues {@code command}, or returns false when
     * {@code capacity} commands are waiting. Never drops: the caller keeps a refused command.
     */
    public boolean offer(T command) {
        return queue.offer(command) >= 0;
    }

    /**
     * Any control thread (a producer). Queues {@code command} and returns its sequence number
     * (its place in the audio thread's order, from 1; a {@link ManyToOneCommandQueue.Sequenced}
     * command learns it before it is published), or 0 when the queue is full.
     */
    public long offerSequenced(T command) {
        return queue.offer(command) + 1;
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
        return queue.capacity();
    }
}
