package io.blockwise.render;

import static io.blockwise.render.ScenarioRuns.events;
import static io.blockwise.render.ScenarioRuns.num;
import static io.blockwise.render.ScenarioRuns.render;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.rt.LogEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 2 through whole offline renders: when events take effect, queue floods, the chain limit,
 * collector stalls, and a scenario written from the format document alone. Expected blocks are
 * computed here from the format's rules (ceil(t / blockSize), the collector's schedule), not read
 * from the renderer.
 */
class SchedulingTest {
    @TempDir
    java.nio.file.Path tmp;

    /** One event of a test scenario: its frame, its JSON text and its {@code do} name. */
    record Ev(long at, String json, String name) { }

    static Ev ev(long at, String name, String fields) {
        return new Ev(at, "{\"at\": " + at + ", \"do\": \"" + name + "\"" + (fields.isEmpty() ? "" : ", " + fields) + "}", name);
    }

    static String eventsJson(List<Ev> evs) {
        List<String> parts = new ArrayList<>();
        for (Ev e : evs) {
            parts.add(e.json());
        }
        return "[" + String.join(",\n", parts) + "]";
    }

    static long ceilDiv(long t, long bs) {
        return Math.floorDiv(t + bs - 1, bs);
    }

    @Test
    void anEventAtFrameTIsAppliedAtBlockCeilTOverBlockSizeAndSameFrameEventsKeepFileOrder() {
        int bs = 77;
        // File order deliberately not frame order: the format sends by frame, then file order.
        List<Ev> file = List.of(
                ev(3000, "setIrGain", "\"gain\": 0.5"),
                ev(3000, "setTunerEnabled", "\"enabled\": false"),
                ev(3000, "setMetronome", "\"enabled\": false, \"bpm\": 120, \"level\": 0.5"),
                ev(3000, "setIrBypass", "\"bypassed\": false"),
                ev(3000, "setStageBypassed", "\"index\": 0, \"bypassed\": true"),
                ev(10 * bs, "setParameter", "\"stage\": 0, \"param\": \"gain\", \"value\": 0.9"),
                ev(10 * bs + 1, "setIrGain", "\"gain\": 0.7"),
                ev(20 * bs - 1, "setStageBypassed", "\"index\": 0, \"bypassed\": false"),
                ev(0, "setIrBypass", "\"bypassed\": true"),
                ev(1, "setIrBypass", "\"bypassed\": false"),
                ev(bs - 1, "setIrGain", "\"gain\": 1.2"),
                ev(bs, "setIrGain", "\"gain\": 1.1"),
                ev(bs + 1, "setIrGain", "\"gain\": 1.0"));
        RenderResult r = render("""
                {"format": "blockwise/1", "name": "timing", "sampleRate": 48000, "blockSize": %d, "duration": 5000,
                 "input": {"type": "sine", "freq": 440},
                 "setup": {"chain": [{"type": "level", "gain": 0.8}]},
                 "events": %s}
                """.formatted(bs, eventsJson(file)), tmp);
        List<Ev> sendOrder = new ArrayList<>(file);
        sendOrder.sort(Comparator.comparingLong(Ev::at)); // stable: file order among equal frames
        List<LogEvent> applies = events(r, "apply");
        assertEquals(file.size(), applies.size(), "every event applied");
        for (int i = 0; i < sendOrder.size(); i++) {
            Ev e = sendOrder.get(i);
            LogEvent a = applies.get(i);
            assertEquals(i + 1, num(a, "seq"), "seq order = send order");
            assertEquals(e.name(), a.get("msg"), "apply " + (i + 1) + " is " + e.json());
            long block = ceilDiv(e.at(), bs);
            assertEquals(block, a.block(), e.json() + " applied at block ceil(" + e.at() + " / " + bs + ")");
            assertTrue(a.block() * bs >= e.at(), "never early: " + e.json());
            assertTrue(a.block() * bs - e.at() < bs, "at most blockSize - 1 frames late: " + e.json());
        }
        List<LogEvent> sends = events(r, "send");
        for (int i = 0; i < sends.size(); i++) {
            assertEquals(applies.get(i).block(), sends.get(i).block(), "sent before the block it is applied in");
        }
    }

    @ParameterizedTest(name = "{0} messages at one frame, queueCapacity {1}, maxMessagesPerBlock {2}")
    @CsvSource({"23, 5, 8", "23, 16, 6", "10, 4, 4"})
    void aQueueFloodIsSpreadOverBlocksInFileOrderWithNothingLost(int n, int q, int m) {
        int bs = 64;
        long at = 5L * bs + 3;
        long first = ceilDiv(at, bs);
        String[][] kinds = {
            {"setIrGain", "\"gain\": 0.9"},
            {"setIrBypass", "\"bypassed\": false"},
            {"setTunerEnabled", "\"enabled\": false"},
            {"setMetronome", "\"enabled\": false, \"bpm\": 100, \"level\": 0.3"},
            {"setStageBypassed", "\"index\": 0, \"bypassed\": false"},
            {"setParameter", "\"stage\": 0, \"param\": \"gain\", \"value\": 1.1"},
        };
        SplittableRandom random = new SplittableRandom(n * 31L + q);
        List<Ev> file = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] k = kinds[random.nextInt(kinds.length)];
            file.add(ev(at, k[0], k[1]));
        }
        RenderResult r = render("""
                {"format": "blockwise/1", "name": "flood", "sampleRate": 48000, "blockSize": %d, "duration": "40b",
                 "input": {"type": "sine", "freq": 440},
                 "limits": {"queueCapacity": %d, "maxMessagesPerBlock": %d},
                 "setup": {"chain": [{"type": "level"}]},
                 "events": %s}
                """.formatted(bs, q, m, eventsJson(file)), tmp);
        int perBlock = Math.min(q, m);
        List<String> names = file.stream().map(Ev::name).toList();
        List<LogEvent> sends = events(r, "send");
        assertEquals(names, sends.stream().map(e -> (String) e.get("msg")).toList(), "sent in file order, none lost");
        Map<Long, Integer> sendsPerBlock = new LinkedHashMap<>();
        for (int i = 0; i < sends.size(); i++) {
            assertEquals(i + 1, num(sends.get(i), "seq"));
            sendsPerBlock.merge(sends.get(i).block(), 1, Integer::sum);
        }
        Map<Long, Integer> expectedPerBlock = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            expectedPerBlock.merge(first + i / perBlock, 1, Integer::sum);
        }
        assertEquals(expectedPerBlock, sendsPerBlock, "min(queueCapacity, maxMessagesPerBlock) = " + perBlock + " a block");
        List<LogEvent> defers = events(r, "defer");
        assertEquals(names.subList(perBlock, n), defers.stream().map(e -> (String) e.get("msg")).toList(),
                "one defer per message that had to wait, in file order");
        for (LogEvent d : defers) {
            assertEquals(first, d.block(), "logged the first time it waits");
            assertEquals(at, num(d, "at"));
        }
        List<LogEvent> applies = events(r, "apply");
        assertEquals(names, applies.stream().map(e -> (String) e.get("msg")).toList(), "applied in file order");
        for (int i = 0; i < n; i++) {
            assertEquals(i + 1, num(applies.get(i), "seq"));
            assertEquals(sends.get(i).block(), applies.get(i).block(), "applied in the block it was sent for");
        }
    }

    @Test
    void anAddStagePastMaxChainLengthIsRejectedAndItsStageRetiredAndFreed() {
        int bs = 128;
        RenderResult r = render("""
                {"format": "blockwise/1", "name": "chain-full", "sampleRate": 48000, "blockSize": %d, "duration": "30b",
                 "input": {"type": "sine", "freq": 220},
                 "limits": {"maxChainLength": 3},
                 "setup": {"chain": [{"type": "preamp"}, {"type": "level"}, {"type": "level", "gain": 0.5}]},
                 "events": [{"at": "10b", "do": "addStage", "index": 1, "stage": {"type": "compressor"}},
                            {"at": "12b", "do": "removeStage", "index": 0},
                            {"at": "14b", "do": "addStage", "index": 0, "stage": {"type": "tremolo"}}]}
                """.formatted(bs), tmp);
        List<LogEvent> rejects = events(r, "reject");
        assertEquals(1, rejects.size(), rejects.toString());
        LogEvent reject = rejects.get(0);
        assertEquals("addStage", reject.get("msg"));
        assertEquals(1L, num(reject, "seq"));
        assertEquals(10L, reject.block());
        assertEquals("chain is full (maxChainLength 3)", reject.get("reason"));
        // The refused stage is the one built for seq 1: the alloc just before its send.
        String refused = null;
        for (LogEvent e : r.events()) {
            if (e.event().equals("alloc")) {
                refused = (String) e.get("resource");
            } else if (e.event().equals("send") && num(e, "seq") == 1) {
                break;
            }
        }
        assertEquals("compressor#1", refused);
        LogEvent retire = only(r, "retire", refused);
        LogEvent free = only(r, "free", refused);
        assertEquals(10L, retire.block(), "retired in the block it was refused");
        assertTrue(free.block() >= retire.block());
        assertEquals(List.of("addStage", "removeStage", "addStage"),
                r.events().stream().filter(e -> e.event().equals("apply") || e.event().equals("reject"))
                        .map(e -> (String) e.get("msg")).toList());
        only(r, "retire", "tremolo#1"); // at the end of the render, with the rest of the chain
    }

    private static LogEvent only(RenderResult r, String kind, String resource) {
        List<LogEvent> found = events(r, kind).stream().filter(e -> resource.equals(e.get("resource"))).toList();
        assertEquals(1, found.size(), kind + " of " + resource + ": " + found);
        return found.get(0);
    }

    @ParameterizedTest(name = "collector every {0} blocks, stalled for blocks [{1}, {2})")
    @CsvSource({"4, 40, 101", "1, 30, 60", "3, 0, 20"})
    void retiredResourcesAreFreedOnlyWhenTheCollectorRunsAgainAfterItsStall(int every, int from, int to) {
        int bs = 128;
        int blocks = 140;
        List<Ev> file = new ArrayList<>();
        for (int b = 5; b < 130; b += 7) {
            file.add(ev((long) b * bs - 3, "replaceStage", "\"index\": 0, \"stage\": {\"type\": \"level\", \"gain\": 0.5}"));
        }
        RenderResult r = render("""
                {"format": "blockwise/1", "name": "stall", "sampleRate": 48000, "blockSize": %d, "duration": "%db",
                 "input": {"type": "sine", "freq": 220},
                 "collector": {"everyBlocks": %d, "stalls": [{"from": "%db", "to": %d}]},
                 "setup": {"chain": [{"type": "level"}]},
                 "events": %s}
                """.formatted(bs, blocks, every, from, to * bs, eventsJson(file)), tmp);
        List<LogEvent> retires = events(r, "retire").stream().filter(e -> e.block() < blocks).toList();
        assertEquals(file.size(), retires.size(), "one stage retired per replaceStage");
        int duringStall = 0;
        for (LogEvent retire : retires) {
            long expected = retire.block();
            while (!collectorRunsAfter(expected, every, from, to)) {
                expected++;
            }
            if (expected >= blocks) {
                expected = blocks; // the final drain after the last block
            }
            LogEvent free = only(r, "free", (String) retire.get("resource"));
            assertEquals(expected, free.block(), "free of " + retire.get("resource") + " retired at block " + retire.block());
            if (retire.block() >= from && retire.block() < to) {
                duringStall++;
                assertTrue(free.block() >= to, "freed after the stall: " + free);
            }
        }
        assertTrue(duringStall >= 2, "some stages were retired during the stall: " + duringStall);
    }

    /** The format: the collector drains after block b when (b + 1) is a multiple of everyBlocks, outside stalls. */
    private static boolean collectorRunsAfter(long b, int every, int from, int to) {
        return (b + 1) % every == 0 && !(b >= from && b < to);
    }

    /**
     * Written from SCENARIO-FORMAT.md alone, with the walking skeleton's features: every source
     * type but file, every time notation, comments of both kinds, pcm24 stereo output, input
     * filters, a collector schedule with a stall, limits and every chain message (some refused).
     */
    static final String FROM_THE_FORMAT_DOC = """
            /* A session written by someone outside the team, from SCENARIO-FORMAT.md only. */
            {
              "format": "blockwise/1",
              "name": "outside-author",
              "description": "skeleton features only",
              "sampleRate": 44100,
              "blockSize": 100,          // not a power of two
              "duration": "1.5s",
              "seed": 42,
              "input": [
                {"type": "pluck", "notes": [{"at": 0, "note": "E2"}, {"at": "0.5s", "note": 45, "decay": "700ms"},
                                            {"at": "1s", "hz": 196}]},
                {"type": "sine", "freq": 82.41, "amp": 0.1, "phase": 1.0},
                {"type": "sweep", "from": 50, "to": 5000, "amp": 0.05, "curve": "linear"},
                {"type": "noise", "color": "pink", "amp": 0.01},
                {"type": "impulse", "at": "250ms", "amp": 0.8},
                {"type": "silence"}
              ],
              "output": {"encoding": "pcm24", "channels": 2},
              "setup": {
                "inputFilters": {"highpass": 60, "lowpass": 9000},
                "chain": [{"type": "preamp", "gain": 6, "bias": 0.1, "clipper": "triode"},
                          {"type": "level", "gain": 0.7}]
              },
              "collector": {"everyBlocks": 2, "stalls": [{"from": "0.6s", "to": "0.8s"}]},
              "limits": {"queueCapacity": 4, "maxMessagesPerBlock": 3, "maxChainLength": 4},
              "events": [
                {"at": "12b", "do": "addStage", "index": 1, "stage": {"type": "preamp", "clipper": "hard"}},
                {"at": "12b", "do": "addStage", "index": 9, "stage": {"type": "level"}},
                {"at": 2205, "do": "setParameter", "stage": 0, "param": "gain", "value": 8},
                {"at": "0.1s", "do": "setParameter", "stage": 0, "param": "mix", "value": 0.5},
                {"at": "0.2s", "do": "swapStages", "a": 0, "b": 2},
                {"at": "0.3s", "do": "setStageBypassed", "index": 1, "bypassed": true},
                {"at": "0.3s", "do": "replaceStage", "index": 1, "stage": {"type": "preamp", "clipper": "asymmetric", "bypassed": true}},
                {"at": "0.4s", "do": "setStageBypassed", "index": 1, "bypassed": false},
                {"at": "0.5s", "do": "removeStage", "index": 3},
                {"at": "0.5s", "do": "removeStage", "index": 0},
                {"at": "0.65s", "do": "setChain", "chain": [{"type": "preamp", "clipper": "medium"}, {"type": "level", "gain": 0.5}]},
                {"at": "0.7s", "do": "setInputFilters", "highpass": 100},
                {"at": "0.9s", "do": "addStage", "index": 2, "stage": {"type": "preamp", "clipper": "classA"}},
                {"at": "0.9s", "do": "addStage", "index": 0, "stage": {"type": "preamp", "clipper": "soft"}},
                {"at": "0.9s", "do": "addStage", "index": 0, "stage": {"type": "level", "gain": 1.5}},
                {"at": "0.9s", "do": "addStage", "index": 0, "stage": {"type": "level", "gain": 1.5}},
                {"at": "0.9s", "do": "addStage", "index": 0, "stage": {"type": "level", "gain": 1.5}},
                {"at": "1.2s", "do": "setInputFilters", "highpass": null, "lowpass": null}
              ]
            }
            """;

    @Test
    void aScenarioWrittenFromTheFormatDocAloneRendersDeterministically() throws IOException {
        RenderResult a = OfflineRenderer.render(ScenarioRuns.parse(FROM_THE_FORMAT_DOC, tmp), tmp.resolve("a"));
        RenderResult b = OfflineRenderer.render(ScenarioRuns.parse(FROM_THE_FORMAT_DOC, tmp), tmp.resolve("b"));
        assertEquals(List.of(), a.defects());
        assertEquals(List.of(), b.defects());
        for (String f : List.of("output.wav", "events.jsonl")) {
            assertArrayEquals(Files.readAllBytes(a.folder().resolve(f)), Files.readAllBytes(b.folder().resolve(f)),
                    f + " differs between two renders");
        }
        WavData wav = WavReader.read(a.outputWav());
        assertEquals(66150, wav.frames(), "exactly duration frames");
        assertEquals(2, wav.channels());
        assertEquals(44100, wav.sampleRate());
        assertArrayEquals(wav.channelData()[0], wav.channelData()[1], "channel 2 is a copy");
        assertFalse(events(a, "defer").isEmpty(), "the 0.9s burst exceeds maxMessagesPerBlock");
        assertFalse(events(a, "reject").isEmpty(), "refused edits are logged");
        assertEquals(18, events(a, "send").size(), "every message sent");
        assertEquals(18, events(a, "apply").size() + events(a, "reject").stream()
                .filter(e -> e.has("seq")).count(), "every message applied or refused");
    }
}
