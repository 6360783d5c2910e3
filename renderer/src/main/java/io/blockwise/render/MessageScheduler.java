package io.blockwise.render;

import io.blockwise.engine.EngineHooks;
import io.blockwise.engine.MessageSender;
import io.blockwise.rt.EventLog;
import io.blockwise.rt.LogEvent;
import io.blockwise.scenario.TimedMessage;
import java.util.List;

/**
 * The control side's timetable: before block {@code b} it sends every message due by then
 * (an event at frame t is due at block ceil(t / blockSize)), in order, at most
 * {@code maxMessagesPerBlock} of them and never more than the queue holds. The rest wait for a
 * later block, keeping their order, and each logs one {@code defer} the first time it has to wait:
 * a message is never dropped. Control thread only.
 */
final class MessageScheduler {
    private final List<TimedMessage> messages;
    private final int blockSize;
    private final int maxMessagesPerBlock;
    // The format's due-block rule and the way messages are sent: production's, or a check's (EngineHooks).
    private final EngineHooks hooks;
    private int next;
    // Index of the first message whose deferral has not been logged yet.
    private int deferLogged;

    MessageScheduler(List<TimedMessage> messages, int blockSize, int maxMessagesPerBlock, EngineHooks hooks) {
        this.hooks = hooks;
        this.messages = messages;
        this.blockSize = blockSize;
        this.maxMessagesPerBlock = maxMessagesPerBlock;
    }

    /** Block at which a message at {@code frame} is applied (the hooks' rule; the format's by default). */
    private long dueBlock(long frame, int blockSize) {
        return hooks.dueBlock(frame, blockSize);
    }

    /**
     * Sends what is due before {@code block} through {@code sender} (the handle, or a hook's
     * wrapper of it); logs at {@code block}/{@code frame}.
     */
    void sendDue(long block, long frame, MessageSender sender, int queueCapacity, EventLog log) {
        int sent = 0;
        while (next < messages.size() && dueBlock(messages.get(next).atFrame(), blockSize) <= block) {
            String reason = null;
            if (sent == maxMessagesPerBlock) {
                reason = "maxMessagesPerBlock " + maxMessagesPerBlock + " reached this block";
            } else if (!sender.canSend()) {
                reason = "command queue full (queueCapacity " + queueCapacity + ")";
            }
            if (reason != null) {
                logDeferrals(block, frame, log, reason);
                return;
            }
            sender.send(messages.get(next).message());
            sent++;
            next++;
        }
    }

    private void logDeferrals(long block, long frame, EventLog log, String reason) {
        for (int i = Math.max(next, deferLogged); i < messages.size()
                && dueBlock(messages.get(i).atFrame(), blockSize) <= block; i++) {
            TimedMessage m = messages.get(i);
            log.add(new LogEvent(block, frame, "control", "defer").str("msg", m.message().name())
                    .num("at", m.atFrame()).str("reason", reason));
            deferLogged = i + 1;
        }
    }

    /**
     * The first block after {@code block} before which {@link #sendDue} has something to do (a
     * message due, or one still waiting), or {@link Long#MAX_VALUE} when every message was sent.
     */
    long nextSendBlock(long block) {
        if (next >= messages.size()) {
            return Long.MAX_VALUE;
        }
        return Math.max(block + 1, dueBlock(messages.get(next).atFrame(), blockSize));
    }

    /** Messages never sent, at the end of the render. */
    List<TimedMessage> unsent() {
        return messages.subList(next, messages.size());
    }
}
