package io.blockwise.engine;

import io.blockwise.scenario.Message;

/** The control side's way of sending a timed message to the audio thread (an {@link EngineHandle}, or a hook's wrapper of it). */
public interface MessageSender {
    /** Control thread. True when a message can be queued now. */
    boolean canSend();

    /** Control thread. Builds and queues the command for {@code message}; call only when {@link #canSend}. */
    void send(Message message);
}
