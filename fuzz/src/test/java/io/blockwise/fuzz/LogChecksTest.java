package io.blockwise.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.rt.LogEvent;
import io.blockwise.render.RenderResult;
import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.SourceSpec;
import io.blockwise.scenario.TimedMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The log invariants on hand-written logs: each violation is caught, named, and quoted by its
 * first offending line; a correct log passes. (The planted-defect tests show the same checks
 * catching real engines.)
 */
class LogChecksTest {
    /** Two events: a removeStage due at block 1 (frame 64) and a setParameter due at block 2 (frame 65). */
    static final Scenario TWO_EVENTS = new Scenario(Path.of("t.json"), "t", "", 48000, 64, 256, 0,
            List.of(new SourceSpec.Silence()), Scenario.Output.DEFAULT, EngineSetup.empty(),
            Scenario.Schedule.EVERY_BLOCK, Scenario.Schedule.EVERY_BLOCK, Scenario.Limits.DEFAULT,
            List.of(new TimedMessage(64, 0, null, new Message.RemoveStage(0)),
                    new TimedMessage(65, 1, null, new Message.SetParameter(0, "gain", 1))));

    private final List<LogEvent> log = new ArrayList<>();
    private final List<String> defects = new ArrayList<>();

    private LogEvent line(long block, String thread, String event) {
        LogEvent e = new LogEvent(block, block * 64, thread, event);
        log.add(e);
        return e;
    }

    private RenderResult result() {
        return new RenderResult("t", Path.of("t"), 256, 64, 4, 0.005, 1, new io.blockwise.render.ProcessTimes(), 0, null, new io.blockwise.render.OutputStats(), log, Map.of(), defects);
    }

    private void healthyLog() {
        line(0, "control", "alloc").str("resource", "level#1").num("bytes", 0);
        line(1, "control", "send").num("seq", 1).str("msg", "removeStage");
        line(1, "rt", "apply").num("seq", 1).str("msg", "removeStage");
        line(1, "rt", "retire").str("resource", "level#1").num("bytes", 0);
        line(1, "collector", "free").str("resource", "level#1").num("bytes", 0);
        line(2, "control", "send").num("seq", 2).str("msg", "setParameter");
        line(2, "rt", "reject").num("seq", 2).str("msg", "setParameter").str("reason", "index 0 does not exist");
    }

    @Test
    void aCorrectLogPassesEveryCheck() {
        healthyLog();
        assertEquals(Optional.empty(), LogChecks.audioThreadAllocatesNothing(result()));
        assertEquals(Optional.empty(), LogChecks.resourcesRetiredAndFreedOnce(result()));
        assertEquals(Optional.empty(), LogChecks.noMessageLost(TWO_EVENTS, result()));
    }

    @Test
    void anRtAllocIsQuotedWithItsLineNumber() {
        healthyLog();
        log.add(2, new LogEvent(1, 64, "rt", "rt-alloc").num("bytes", 24));
        String f = LogChecks.audioThreadAllocatesNothing(result()).orElseThrow();
        assertTrue(f.endsWith("first offending line (events.jsonl:3): "
                + "{\"block\":1,\"frame\":64,\"thread\":\"rt\",\"event\":\"rt-alloc\",\"bytes\":24}"), f);
    }

    @Test
    void aFreeBeforeItsRetireIsCaught() {
        line(0, "control", "alloc").str("resource", "level#1");
        line(0, "collector", "free").str("resource", "level#1");
        line(1, "rt", "retire").str("resource", "level#1");
        String f = LogChecks.resourcesRetiredAndFreedOnce(result()).orElseThrow();
        assertTrue(f.startsWith("a resource is freed only after it is retired") && f.contains("events.jsonl:2"), f);
    }

    @Test
    void aFreeOffTheCollectorIsCaught() {
        line(0, "control", "alloc").str("resource", "level#1");
        line(1, "rt", "retire").str("resource", "level#1");
        line(1, "rt", "free").str("resource", "level#1");
        assertTrue(LogChecks.resourcesRetiredAndFreedOnce(result()).orElseThrow()
                .startsWith("resources are freed only by the collector"));
    }

    @Test
    void aSecondRetireAndAMissingFreeAreCaught() {
        line(0, "control", "alloc").str("resource", "level#1");
        line(1, "rt", "retire").str("resource", "level#1");
        line(2, "rt", "retire").str("resource", "level#1");
        assertTrue(LogChecks.resourcesRetiredAndFreedOnce(result()).orElseThrow()
                .startsWith("every resource is retired exactly once"));
        log.remove(2);
        String f = LogChecks.resourcesRetiredAndFreedOnce(result()).orElseThrow();
        assertTrue(f.startsWith("every retired resource is freed by the end: level#1") && f.contains("events.jsonl:2"), f);
    }

    @Test
    void aLeakReportedByTheRenderFailsEvenWhenTheLogLooksRight() {
        healthyLog();
        defects.add("leak: filter#3 was never freed (state live)");
        assertTrue(LogChecks.resourcesRetiredAndFreedOnce(result()).orElseThrow().contains("leak: filter#3"));
    }

    @Test
    void aMessageDroppedWithoutTraceIsLost() {
        healthyLog();
        log.remove(6);
        log.remove(5);
        String f = LogChecks.noMessageLost(TWO_EVENTS, result()).orElseThrow();
        assertTrue(f.startsWith("no message is lost: 2 scheduled, 1 sent, 0 reported unsent; first unaccounted: "
                + "setParameter at frame 65"), f);
    }

    @Test
    void aMessageSentBeforeItsBlockIsCaught() {
        healthyLog();
        log.set(1, new LogEvent(0, 0, "control", "send").num("seq", 1).str("msg", "removeStage"));
        assertTrue(LogChecks.noMessageLost(TWO_EVENTS, result()).orElseThrow()
                .startsWith("a message is never sent before its block (1)"));
    }

    @Test
    void aMessageSentLateWithoutADeferIsCaughtAndWithOneIsFine() {
        healthyLog();
        log.set(5, new LogEvent(3, 192, "control", "send").num("seq", 2).str("msg", "setParameter"));
        log.set(6, new LogEvent(3, 192, "rt", "reject").num("seq", 2).str("msg", "setParameter"));
        assertTrue(LogChecks.noMessageLost(TWO_EVENTS, result()).orElseThrow()
                .startsWith("a message sent after its block (2) was deferred first"));
        log.add(5, new LogEvent(2, 128, "control", "defer").str("msg", "setParameter").num("at", 65));
        assertEquals(Optional.empty(), LogChecks.noMessageLost(TWO_EVENTS, result()));
    }

    @Test
    void outcomesOutOfOrderOrTwiceAreCaught() {
        healthyLog();
        log.set(2, new LogEvent(1, 64, "rt", "apply").num("seq", 2).str("msg", "removeStage"));
        assertTrue(LogChecks.noMessageLost(TWO_EVENTS, result()).orElseThrow()
                .startsWith("sent messages are applied or rejected exactly once, in send order: expected seq 1"));
        log.clear();
        healthyLog();
        log.add(3, new LogEvent(1, 64, "rt", "apply").num("seq", 1).str("msg", "removeStage"));
        assertTrue(LogChecks.noMessageLost(TWO_EVENTS, result()).orElseThrow().contains("expected seq 2"));
    }

    @Test
    void aSentMessageStillQueuedWhenTheRenderEndsIsCaught() {
        // An audio thread that never takes its queue: both messages sent, both refused at the end.
        line(1, "control", "send").num("seq", 1).str("msg", "removeStage");
        line(2, "control", "send").num("seq", 2).str("msg", "setParameter");
        line(4, "rt", "reject").num("seq", 1).str("msg", "removeStage").str("reason", LogChecks.NEVER_APPLIED);
        line(4, "rt", "reject").num("seq", 2).str("msg", "setParameter").str("reason", LogChecks.NEVER_APPLIED);
        String f = LogChecks.noMessageLost(TWO_EVENTS, result()).orElseThrow();
        assertTrue(f.startsWith("a message is applied or rejected by the audio thread in the block it is sent (1)")
                && f.contains("events.jsonl:3"), f);
    }

    @Test
    void anAppliedMessageMissingIsCaught() {
        healthyLog();
        log.remove(6);
        assertTrue(LogChecks.noMessageLost(TWO_EVENTS, result()).orElseThrow()
                .startsWith("every sent message is applied or rejected: seq 2 never was"));
    }

    @Test
    void onlyMessagesDueAfterTheLastBlockMayBeLeftUnsent() {
        healthyLog();
        log.remove(6);
        log.remove(5);
        log.add(new LogEvent(4, 256, "control", "reject").str("msg", "setParameter").num("at", 65)
                .str("reason", LogChecks.NEVER_SENT));
        assertTrue(LogChecks.noMessageLost(TWO_EVENTS, result()).orElseThrow()
                .startsWith("only a message due after the last block, or deferred, is left unsent"));
    }
}
