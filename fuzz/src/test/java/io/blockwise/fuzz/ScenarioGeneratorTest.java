package io.blockwise.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.dsp.StageType;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioReader;
import io.blockwise.scenario.ScenarioWriter;
import io.blockwise.scenario.StageSpec;
import io.blockwise.scenario.TimedMessage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;

/**
 * The generators produce valid scenarios in the public format (they survive the reader, which
 * validates everything) and reach what they claim to reach: every message kind, every stage type,
 * floods past the limits, block edges and the frames one off them, odd block sizes.
 */
class ScenarioGeneratorTest {

    @Provide
    Arbitrary<Scenario> scenarios() {
        return ScenarioArbitraries.scenarios();
    }

    @Provide
    Arbitrary<ScenarioPair> pairs() {
        return net.jqwik.api.Arbitraries.oneOf(ScenarioArbitraries.commutations(), ScenarioArbitraries.equivalences());
    }

    @Property(tries = 1000)
    void everyGeneratedScenarioRoundTripsThroughTheReader(@ForAll("scenarios") Scenario s) {
        assertEquals(s, ScenarioReader.parse(ScenarioWriter.toJson(s), s.file(), false));
    }

    @Property(tries = 300)
    void bothScenariosOfEveryPairRoundTripThroughTheReader(@ForAll("pairs") ScenarioPair p) {
        assertEquals(p.a(), ScenarioReader.parse(ScenarioWriter.toJson(p.a()), p.a().file(), false));
        assertEquals(p.b(), ScenarioReader.parse(ScenarioWriter.toJson(p.b()), p.b().file(), false));
    }

    @Property(tries = 1000)
    void eventsAreNumberedInFileOrderAndSortedByFrameThenFileOrder(@ForAll("scenarios") Scenario s) {
        List<TimedMessage> ev = s.events();
        Set<Integer> indices = new TreeSet<>();
        for (int i = 0; i < ev.size(); i++) {
            indices.add(ev.get(i).fileIndex());
            assertTrue(ev.get(i).atFrame() >= 0 && ev.get(i).atFrame() < s.durationFrames());
            if (i > 0) {
                TimedMessage p = ev.get(i - 1);
                TimedMessage q = ev.get(i);
                assertTrue(p.atFrame() < q.atFrame() || (p.atFrame() == q.atFrame() && p.fileIndex() < q.fileIndex()),
                        "sorted by frame, then file order: " + p + " before " + q);
            }
        }
        assertEquals(ev.size(), indices.size(), "distinct file indices");
        assertTrue(ev.isEmpty() || (indices.contains(0) && indices.contains(ev.size() - 1)), "0..n-1");
    }

    @Property(tries = 1000)
    void rendersStayShortAndStagesStayInRange(@ForAll("scenarios") Scenario s) {
        boolean rich = s.durationFrames() > s.sampleRate() / 2;
        assertTrue(rich || s.blockCount() <= 64, "short: at most 64 blocks");
        assertTrue(s.durationFrames() <= 4L * s.sampleRate(), "at most four seconds");
        assertTrue(!rich || s.sampleRate() <= 48000, "a long render runs at 44.1 or 48 kHz");
        for (StageSpec st : stages(s)) {
            for (int i = 0; i < st.type().paramCount(); i++) {
                assertTrue(st.type().param(i).accepts(st.value(i)), st.type().formatName() + " " + st.values());
            }
        }
    }

    @Test
    void aSampleReachesEveryMessageKindStageTypeAndTimingCase() {
        List<Scenario> sample = sample(2000, 11);
        Set<String> kinds = new TreeSet<>();
        Set<StageType> types = EnumSet.noneOf(StageType.class);
        int floods = 0;
        int onEdge = 0;
        int oneAfterEdge = 0;
        int oneBeforeEdge = 0;
        int oddBlocks = 0;
        int neverSent = 0;
        int collectorStalls = 0;
        int writerStalls = 0;
        for (Scenario s : sample) {
            oddBlocks += Integer.bitCount(s.blockSize()) != 1 ? 1 : 0;
            floods += flooded(s) ? 1 : 0;
            collectorStalls += s.collector().stalls().isEmpty() && s.collector().everyBlocks() == 1 ? 0 : 1;
            writerStalls += s.writer().stalls().isEmpty() ? 0 : 1;
            for (StageSpec st : stages(s)) {
                types.add(st.type());
            }
            for (TimedMessage t : s.events()) {
                kinds.add(t.message().name());
                long r = t.atFrame() % s.blockSize();
                onEdge += r == 0 ? 1 : 0;
                oneAfterEdge += r == 1 ? 1 : 0;
                oneBeforeEdge += r == s.blockSize() - 1 ? 1 : 0;
                neverSent += LogChecks.dueBlock(t, s) >= s.blockCount() ? 1 : 0;
            }
        }
        Set<String> every = new TreeSet<>();
        for (Message m : MessageArbitraries.EVERY_KIND) {
            every.add(m.name());
        }
        assertEquals(every, kinds, "every message kind");
        assertEquals(EnumSet.allOf(StageType.class), types, "every stage type");
        assertTrue(floods >= sample.size() / 20, "floods past the limits: " + floods);
        assertTrue(oddBlocks >= sample.size() / 5, "block sizes that are not powers of two: " + oddBlocks);
        assertTrue(onEdge > 100 && oneAfterEdge > 100 && oneBeforeEdge > 100,
                "block edges and one frame off: " + onEdge + " " + oneAfterEdge + " " + oneBeforeEdge);
        assertTrue(neverSent > 20, "events due after the last block: " + neverSent);
        assertTrue(collectorStalls > 100 && writerStalls > 100, collectorStalls + " " + writerStalls);
    }

    @Test
    void aSampleReachesTheRarePaths() {
        List<Scenario> sample = sample(1000, 12);
        int longOnes = 0;
        int adjacentSwaps = 0;
        int doubleBypasses = 0;
        int refusedReplaces = 0;
        int lastBlock = 0;
        int tempoChanges = 0;
        int takesAcrossStalls = 0;
        for (Scenario s : sample) {
            longOnes += s.durationFrames() >= s.sampleRate() ? 1 : 0;
            ChainModel chain = new ChainModel(s.setup().chain(), s.limits().maxChainLength());
            Message previous = null;
            long started = -1;
            for (TimedMessage t : s.events()) {
                Message m = t.message();
                adjacentSwaps += m instanceof Message.SwapStages w && Math.abs(w.a() - w.b()) == 1 ? 1 : 0;
                doubleBypasses += m instanceof Message.SetStageBypassed b && b.bypassed() && m.equals(previous) ? 1 : 0;
                refusedReplaces += m instanceof Message.ReplaceStage r && r.index() >= chain.size() ? 1 : 0;
                lastBlock += LogChecks.dueBlock(t, s) == s.blockCount() - 1 ? 1 : 0;
                tempoChanges += m instanceof Message.SetMetronome x && x.enabled() ? 1 : 0;
                if (m instanceof Message.StartRecording && started < 0) {
                    started = t.atFrame();
                }
                if (m instanceof Message.StopRecording && started >= 0) {
                    long from = started;
                    takesAcrossStalls += s.writer().stalls().stream()
                            .anyMatch(st -> st.fromFrame() >= from && st.fromFrame() < t.atFrame()) ? 1 : 0;
                    started = -1;
                }
                chain.apply(m);
                previous = m;
            }
        }
        assertTrue(longOnes > 100, "renders of a second or more: " + longOnes);
        assertTrue(adjacentSwaps > 50 && doubleBypasses > 20 && refusedReplaces > 50,
                adjacentSwaps + " " + doubleBypasses + " " + refusedReplaces);
        assertTrue(lastBlock > 50 && tempoChanges > 50 && takesAcrossStalls > 10,
                lastBlock + " " + tempoChanges + " " + takesAcrossStalls);
    }

    @Test
    void theSameRandomSeedGivesTheSameScenarios() {
        assertEquals(sample(50, 5), sample(50, 5));
        assertTrue(!sample(5, 5).equals(sample(5, 6)));
    }

    /** More messages due in one block than the queue or the per-block budget takes. */
    private static boolean flooded(Scenario s) {
        int limit = Math.min(s.limits().queueCapacity(), s.limits().maxMessagesPerBlock());
        java.util.Map<Long, Integer> perBlock = new java.util.HashMap<>();
        for (TimedMessage t : s.events()) {
            if (perBlock.merge(LogChecks.dueBlock(t, s), 1, Integer::sum) > limit) {
                return true;
            }
        }
        return false;
    }

    static List<StageSpec> stages(Scenario s) {
        List<StageSpec> out = new ArrayList<>(s.setup().chain());
        for (TimedMessage t : s.events()) {
            if (t.message() instanceof Message.SetChain c) {
                out.addAll(c.chain());
            } else if (t.message() instanceof Message.AddStage a) {
                out.add(a.stage());
            } else if (t.message() instanceof Message.ReplaceStage r) {
                out.add(r.stage());
            }
        }
        return out;
    }

    private static List<Scenario> sample(int n, long seed) {
        List<Scenario> out = new ArrayList<>();
        JqwikSession.start();
        try {
            Random random = new Random(seed);
            var generator = ScenarioArbitraries.scenarios().generator(Fuzzer.GEN_SIZE, false);
            for (int i = 0; i < n; i++) {
                out.add(generator.next(random).value());
            }
        } finally {
            JqwikSession.finish();
        }
        return out;
    }
}
