package io.blockwise.fuzz;

import io.blockwise.render.RenderResult;
import io.blockwise.rt.LogEvent;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.TimedMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The invariants read from a render's event log: the audio thread's allocations, each resource's
 * lifecycle, and the fate of every scheduled message. Each check returns the first violation as
 * one line naming the invariant and quoting the first offending log line (with its line number in
 * {@code events.jsonl}), or empty. Control thread.
 */
final class LogChecks {
    /** The control side's reason for a message the render ended before sending. */
    static final String NEVER_SENT = "render ended before the message could be sent";
    /** The audio thread's reason for a message still queued when the render ended. */
    static final String NEVER_APPLIED = "render ended before the message was applied";

    private LogChecks() {
    }

    /** Property 1: no {@code rt-alloc} and no {@code rt-block}, in any block from block 0. */
    static Optional<String> audioThreadAllocatesNothing(RenderResult r) {
        List<LogEvent> log = r.events();
        for (int i = 0; i < log.size(); i++) {
            String e = log.get(i).event();
            if (e.equals("rt-alloc") || e.equals("rt-block")) {
                return fail("the audio thread allocates 0 bytes and never blocks, in every block", log, i);
            }
        }
        for (String d : r.defects()) {
            if (audioThread(d)) {
                return Optional.of("the audio thread allocates 0 bytes and never blocks: defect: " + d);
            }
        }
        return Optional.empty();
    }

    /**
     * Property 2: every {@code alloc}ed resource is {@code retire}d once and then {@code free}d once
     * by the collector, in that order; nothing unknown is retired or freed; the render reports no
     * leak and no lifecycle violation.
     */
    static Optional<String> resourcesRetiredAndFreedOnce(RenderResult r) {
        List<LogEvent> log = r.events();
        Map<String, int[]> lines = new LinkedHashMap<>(); // id -> {alloc, retire, free} line index, -1 if none
        for (int i = 0; i < log.size(); i++) {
            LogEvent e = log.get(i);
            String id = e.get("resource") instanceof String s ? s : null;
            switch (e.event()) {
                case "alloc": {
                    if (lines.containsKey(id)) {
                        return fail("every resource is allocated once: " + id + " allocated twice", log, i);
                    }
                    lines.put(id, new int[] {i, -1, -1});
                    break;
                }
                case "retire": {
                    int[] l = lines.get(id);
                    if (l == null) {
                        return fail("only allocated resources are retired: " + id + " was never allocated", log, i);
                    }
                    if (l[1] >= 0) {
                        return fail("every resource is retired exactly once: " + id + " retired again (first at line "
                                + (l[1] + 1) + ")", log, i);
                    }
                    l[1] = i;
                    break;
                }
                case "free": {
                    int[] l = lines.get(id);
                    if (!e.thread().equals("collector")) {
                        return fail("resources are freed only by the collector: " + id + " freed on " + e.thread(), log, i);
                    }
                    if (l == null || l[1] < 0) {
                        return fail("a resource is freed only after it is retired: " + id + " freed before any retire",
                                log, i);
                    }
                    if (l[2] >= 0) {
                        return fail("every resource is freed exactly once: " + id + " freed again (first at line "
                                + (l[2] + 1) + ")", log, i);
                    }
                    l[2] = i;
                    break;
                }
                default:
                    break;
            }
        }
        for (Map.Entry<String, int[]> en : lines.entrySet()) {
            int[] l = en.getValue();
            if (l[1] < 0) {
                return fail("every resource is retired by the end: " + en.getKey() + " never retired", log, l[0]);
            }
            if (l[2] < 0) {
                return fail("every retired resource is freed by the end: " + en.getKey() + " retired, never freed",
                        log, l[1]);
            }
        }
        for (String d : r.defects()) {
            if (!audioThread(d) && !eventRing(d)) {
                return Optional.of("every resource is freed exactly once, by the collector, after its retire: "
                        + "defect: " + d + lastLineAbout(log, d));
            }
        }
        return Optional.empty();
    }

    /**
     * Property 3: each scheduled event is sent ({@code send}, seq 1..n in send order, never before
     * its due block, later only after a logged {@code defer}) and then applied or rejected exactly
     * once, in seq order, in the block it was sent; or it is reported unsent at the end, which only
     * a message due after the last block or deferred can be. The scheduler sends at most the
     * per-block budget the audio thread takes at the start of that block, so a sent message still
     * queued when the render ends ({@link #NEVER_APPLIED}) means the audio thread did not take it:
     * a failure, not an outcome (an engine that never drained its queue passed before; PIT).
     */
    static Optional<String> noMessageLost(Scenario s, RenderResult r) {
        List<LogEvent> log = r.events();
        List<TimedMessage> due = s.events();
        List<Integer> sends = new ArrayList<>();
        List<Integer> outcomes = new ArrayList<>();
        List<Integer> unsent = new ArrayList<>();
        List<LogEvent> defers = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            LogEvent e = log.get(i);
            String ev = e.event();
            if (ev.equals("send")) {
                sends.add(i);
            } else if (ev.equals("defer")) {
                defers.add(e);
            } else if ((ev.equals("apply") || ev.equals("reject")) && e.thread().equals("rt")) {
                outcomes.add(i);
            } else if (ev.equals("reject") && NEVER_SENT.equals(e.get("reason"))) {
                unsent.add(i);
            }
        }
        long[] sendBlock = new long[sends.size()];
        for (int k = 0; k < sends.size(); k++) {
            LogEvent e = log.get(sends.get(k));
            if (k >= due.size()) {
                return fail("no more sends than scheduled events (" + due.size() + ")", log, sends.get(k));
            }
            TimedMessage m = due.get(k);
            if (!Long.valueOf(k + 1).equals(e.get("seq")) || !m.message().name().equals(e.get("msg"))) {
                return fail("send number " + (k + 1) + " has seq " + (k + 1) + " and is event " + (k + 1)
                        + " in send order (" + m.message().name() + " at frame " + m.atFrame() + ")", log, sends.get(k));
            }
            long dueBlock = dueBlock(m, s);
            if (e.block() < dueBlock) {
                return fail("a message is never sent before its block (" + dueBlock + ")", log, sends.get(k));
            }
            if (e.block() > dueBlock && !deferred(defers, m)) {
                return fail("a message sent after its block (" + dueBlock + ") was deferred first", log, sends.get(k));
            }
            sendBlock[k] = e.block();
        }
        for (int k = 0; k < outcomes.size(); k++) {
            LogEvent e = log.get(outcomes.get(k));
            if (k >= sends.size() || !Long.valueOf(k + 1).equals(e.get("seq"))) {
                return fail("sent messages are applied or rejected exactly once, in send order: expected seq "
                        + (k + 1) + (k >= sends.size() ? " (only " + sends.size() + " sent)" : ""), log, outcomes.get(k));
            }
            if (e.block() != sendBlock[k]) {
                return fail("a message is applied or rejected by the audio thread in the block it is sent ("
                        + sendBlock[k] + ")", log, outcomes.get(k));
            }
        }
        if (outcomes.size() < sends.size()) {
            return fail("every sent message is applied or rejected: seq " + (outcomes.size() + 1)
                    + " never was", log, sends.get(outcomes.size()));
        }
        for (int j = 0; j < unsent.size(); j++) {
            int k = sends.size() + j;
            LogEvent e = log.get(unsent.get(j));
            if (k >= due.size() || !due.get(k).message().name().equals(e.get("msg"))
                    || !Long.valueOf(due.get(k).atFrame()).equals(e.get("at"))) {
                return fail("messages reported unsent are the scheduled ones after the last send, in order", log,
                        unsent.get(j));
            }
            if (dueBlock(due.get(k), s) < s.blockCount() && !deferred(defers, due.get(k))) {
                return fail("only a message due after the last block, or deferred, is left unsent", log, unsent.get(j));
            }
        }
        if (sends.size() + unsent.size() != due.size()) {
            TimedMessage lost = due.get(Math.min(due.size() - 1, sends.size() + unsent.size()));
            return Optional.of("no message is lost: " + due.size() + " scheduled, " + sends.size() + " sent, "
                    + unsent.size() + " reported unsent; first unaccounted: " + lost.message().name() + " at frame "
                    + lost.atFrame() + " (no line of the log mentions it)");
        }
        for (String d : r.defects()) {
            if (eventRing(d)) {
                return Optional.of("every audio-thread event reaches the log: defect: " + d);
            }
        }
        return Optional.empty();
    }

    /** A defect of the audio thread's own conduct (property 1); lifecycle defects are everything else but lost events. */
    private static boolean audioThread(String defect) {
        return defect.contains("rt-alloc") || defect.contains("rt-block");
    }

    /** Audio-thread events lost for want of room (property 3). */
    private static boolean eventRing(String defect) {
        return defect.contains("event ring");
    }

    static long dueBlock(TimedMessage m, Scenario s) {
        return dueBlock(m.atFrame(), s.blockSize());
    }

    /** The block a message at {@code frame} is due at: {@code ceil(frame / blockSize)}. */
    static long dueBlock(long frame, int blockSize) {
        return (frame + blockSize - 1) / blockSize;
    }

    private static boolean deferred(List<LogEvent> defers, TimedMessage m) {
        for (LogEvent d : defers) {
            if (m.message().name().equals(d.get("msg")) && Long.valueOf(m.atFrame()).equals(d.get("at"))) {
                return true;
            }
        }
        return false;
    }

    static Optional<String> fail(String invariant, List<LogEvent> log, int line) {
        return Optional.of(invariant + "; first offending line (events.jsonl:" + (line + 1) + "): "
                + log.get(line).toJson());
    }

    /** The last log line about a resource named in {@code defect} (its retire, or its free), for context. */
    private static String lastLineAbout(List<LogEvent> log, String defect) {
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i).get("resource") instanceof String id && containsToken(defect, id)) {
                return "; last line about it (events.jsonl:" + (i + 1) + "): " + log.get(i).toJson();
            }
        }
        return "";
    }

    private static boolean containsToken(String text, String token) {
        int at = text.indexOf(token);
        while (at >= 0) {
            int end = at + token.length();
            if (end == text.length() || !Character.isDigit(text.charAt(end))) {
                return true;
            }
            at = text.indexOf(token, at + 1);
        }
        return false;
    }
}
