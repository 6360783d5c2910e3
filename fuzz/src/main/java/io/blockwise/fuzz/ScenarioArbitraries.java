package io.blockwise.fuzz;

import io.blockwise.record.Encoding;
import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.SourceSpec;
import io.blockwise.scenario.StageSpec;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries of whole scenarios in the public format ({@code blockwise/1}), shared by the
 * properties under JUnit and by the {@code fuzz} command.
 *
 * <p>One scenario in five is rich ({@link #richDraft}: seconds long, tempos, takes across writer
 * stalls, rare paths). The others: rates 8 kHz..192 kHz, block sizes 1..4096 (powers of two and not), at most 64 blocks and half
 * a second, one or two input sources, a setup, collector schedules and stalls, writer stalls,
 * limits that are often tiny (queue, messages per block, chain length) and event lists of every
 * message kind: single events, bursts at one frame and floods past the limits, on block edges, one
 * frame off them, inside blocks and on the last frame. Inputs and impulse responses are all
 * synthetic (no {@code file} sources or IRs), so a generated scenario needs no file beside it.
 * Half the chain edits and three in four {@code setParameter}s aim at stages the chain probably
 * holds then ({@link ChainModel}), so they are applied rather than refused.
 */
public final class ScenarioArbitraries {
    private ScenarioArbitraries() {
    }

    /** Control thread. Whole scenarios, mostly renderable by today's engine. */
    public static Arbitrary<Scenario> scenarios() {
        return drafts().map(ScenarioDraft::resolve);
    }

    /** Control thread. Pairs of scenarios that differ only in the order of two independent messages at one frame. */
    public static Arbitrary<ScenarioPair> commutations() {
        return PairArbitraries.commutations();
    }

    /** Control thread. Pairs of scenarios: {@code setChain} of a list, and the same chain built by {@code addStage}s. */
    public static Arbitrary<ScenarioPair> equivalences() {
        return PairArbitraries.equivalences();
    }

    static Arbitrary<ScenarioDraft> drafts() {
        // One weighted draw between two identical alternatives, where there used to be a choice
        // between "renderable today" and "anything" (every feature renders now): it keeps the
        // random stream, so a seed gives the scenarios it always gave (seeds in bug reports and
        // in scenarios/fuzz-regressions stay reproducible).
        // The second, once a copy of the first, is now the rich draft: the first keeps the random
        // stream, so four in five scenarios of a seed are the ones it always gave.
        return Arbitraries.frequencyOf(Tuple.of(4, anyDraft()), Tuple.of(1, richDraft()));
    }

    /**
     * A rich scenario: 1 to 4 seconds at 44.1 or 48 kHz (events spread over all blocks, some in
     * the last block), the metronome's tempo changed, takes started early and stopped late across
     * writer stalls of up to 400 blocks (longer than the recorder's buffer, so takes overrun), and
     * rare paths weighted up: adjacent swaps, a bypass of a bypassed stage, a replace of an index
     * just past the chain.
     */
    private static Arbitrary<ScenarioDraft> richDraft() {
        Arbitrary<ScenarioDraft.TimingDraft> timing = Combinators.combine(Arbitraries.of(48000, 44100),
                Arbitraries.of(64, 128, 256, 512, 100, 33),
                Arbitraries.integers().between(1000, 4000).shrinkTowards(1000))
                .as((rate, block, ms) -> new ScenarioDraft.TimingDraft(rate, block, 1, 0, ms));
        Arbitrary<TimeDraft> when = richTime();
        Arbitrary<MessageDraft> tempo = Combinators.combine(MessageArbitraries.bpm(), MessageArbitraries.level())
                .as((b, l) -> MessageArbitraries.fixed(new io.blockwise.scenario.Message.SetMetronome(true, b, l)));
        Arbitrary<Integer> pick = MessageArbitraries.pick();
        Arbitrary<List<MessageDraft>> rare = Arbitraries.frequencyOf(
                Tuple.of(2, pick.map(p -> List.<MessageDraft>of(new MessageDraft.RareEdit("adjacentSwap", p)))),
                Tuple.of(1, pick.map(p -> List.<MessageDraft>of(new MessageDraft.RareEdit("bypass", p),
                        new MessageDraft.RareEdit("bypass", p)))),
                Tuple.of(1, pick.map(p -> List.<MessageDraft>of(new MessageDraft.RareEdit("refusedReplace", p)))),
                Tuple.of(1, tempo.map(List::of)),
                Tuple.of(1, Arbitraries.just(List.<MessageDraft>of(MessageArbitraries.fixed(
                        new io.blockwise.scenario.Message.StartRecording(Encoding.FLOAT32))))),
                Tuple.of(1, Arbitraries.just(List.<MessageDraft>of(MessageArbitraries.fixed(
                        new io.blockwise.scenario.Message.StopRecording())))));
        Arbitrary<List<MessageDraft>> messages = Arbitraries.frequencyOf(
                Tuple.of(3, MessageArbitraries.messages().list().ofMinSize(1).ofMaxSize(3)), Tuple.of(2, rare));
        Arbitrary<List<ScenarioDraft.EventGroup>> events = Combinators.combine(when, messages)
                .as(ScenarioDraft.EventGroup::new).list().ofMaxSize(16);
        Arbitrary<ScenarioDraft.ScheduleDraft> writer = Combinators.combine(when,
                Arbitraries.integers().between(0, 400).shrinkTowards(1)).as(ScenarioDraft.StallDraft::new)
                .list().ofMaxSize(2).map(st -> new ScenarioDraft.ScheduleDraft(1, st));
        Arbitrary<Tuple.Tuple4<ScenarioDraft.TimingDraft, Scenario.Limits, List<SourceDraft>, Scenario.Output>> frame =
                Combinators.combine(timing, limits(), inputs(), output()).as(Tuple::of);
        return Combinators.combine(frame, seed(), setup(), collector(), writer, events)
                .as((f, seed, setup, c, w, ev) -> new ScenarioDraft(f.get1(), f.get2(), f.get3(), f.get4(), seed,
                        setup, c, w, ev));
    }

    /** As {@link #time}, and anywhere in the last block. */
    static Arbitrary<TimeDraft> richTime() {
        Arbitrary<TimeDraft.Anchor> anchor = Arbitraries.frequency(
                Tuple.of(3, TimeDraft.Anchor.EDGE), Tuple.of(2, TimeDraft.Anchor.EDGE_PLUS_ONE),
                Tuple.of(1, TimeDraft.Anchor.EDGE_MINUS_ONE), Tuple.of(3, TimeDraft.Anchor.INSIDE),
                Tuple.of(1, TimeDraft.Anchor.LAST_FRAME), Tuple.of(2, TimeDraft.Anchor.LAST_BLOCK));
        return Combinators.combine(anchor, Arbitraries.integers().between(0, 63).shrinkTowards(0),
                Arbitraries.integers().between(0, 999)).as(TimeDraft::new);
    }

    private static Arbitrary<ScenarioDraft> anyDraft() {
        Arbitrary<List<ScenarioDraft.EventGroup>> events = eventGroups(
                MessageArbitraries.messages()).list().ofMaxSize(12)
                .withSizeDistribution(RandomDistribution.uniform());
        // Combinators take at most eight parts: the fixed frame of the render goes first, as one.
        Arbitrary<Tuple.Tuple4<ScenarioDraft.TimingDraft, Scenario.Limits, List<SourceDraft>, Scenario.Output>> frame =
                Combinators.combine(timing(), limits(), inputs(), output()).as(Tuple::of);
        return Combinators.combine(frame, seed(), setup(), collector(), writer(), events)
                .as((f, seed, setup, c, w, ev) -> new ScenarioDraft(f.get1(), f.get2(), f.get3(), f.get4(), seed,
                        setup, c, w, ev));
    }

    static Arbitrary<ScenarioDraft.TimingDraft> timing() {
        Arbitrary<Integer> rate = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(48000, 44100, 96000, 8000, 192000, 22050, 32000, 16000, 88200, 11025)),
                Tuple.of(1, Arbitraries.integers().between(8000, 192000).shrinkTowards(48000)));
        Arbitrary<Integer> block = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(64, 128, 256, 32, 512, 1024, 2048, 4096)),
                Tuple.of(3, Arbitraries.integers().between(1, 4096).shrinkTowards(64)),
                Tuple.of(1, Arbitraries.of(1, 2, 3, 7)));
        Arbitrary<Integer> blocks = Arbitraries.integers().between(1, 64).withDistribution(RandomDistribution.uniform());
        Arbitrary<Integer> tail = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(0, 999)));
        return Combinators.combine(rate, block, blocks, tail).as(ScenarioDraft.TimingDraft::new);
    }

    static Arbitrary<Scenario.Limits> limits() {
        Arbitrary<Integer> tiny = Arbitraries.integers().between(1, 8);
        Arbitrary<Integer> some = Arbitraries.integers().between(1, 200);
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(Scenario.Limits.DEFAULT)),
                Tuple.of(3, Combinators.combine(tiny, tiny, tiny).as(Scenario.Limits::new)),
                Tuple.of(1, Combinators.combine(some, some, Arbitraries.integers().between(1, 64))
                        .as(Scenario.Limits::new)));
    }

    static Arbitrary<List<SourceDraft>> inputs() {
        Arbitrary<Double> hz = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(440.0, 110.0, 82.41, 1000.0, 5000.0, 20.0)),
                Tuple.of(1, Arbitraries.doubles().between(0.5, 100000).ofScale(2).shrinkTowards(440)));
        Arbitrary<Double> amp = Arbitraries.doubles().between(0, 1).ofScale(2).shrinkTowards(0.5);
        Arbitrary<SourceDraft> sine = Combinators.combine(hz, amp,
                Arbitraries.doubles().between(-3.14, 3.14).ofScale(2).shrinkTowards(0))
                .as(SourceDraft.Sine::new);
        Arbitrary<SourceDraft> sweep = Combinators.combine(hz, hz, amp, Arbitraries.of(SourceSpec.Curve.class))
                .as(SourceDraft.Sweep::new);
        Arbitrary<SourceDraft> noise = Combinators.combine(Arbitraries.of(SourceSpec.NoiseColor.class), amp)
                .as((c, a) -> new SourceDraft.Fixed(new SourceSpec.Noise(c, a)));
        Arbitrary<SourceDraft> impulse = Combinators.combine(time(), amp).as(SourceDraft.Impulse::new);
        Arbitrary<SourceDraft.Note> note = Combinators.combine(time(), hz,
                Arbitraries.integers().between(1, 2000).shrinkTowards(1000)).as(SourceDraft.Note::new);
        Arbitrary<SourceDraft> pluck = Combinators.combine(amp, note.list().ofMinSize(1).ofMaxSize(3))
                .as(SourceDraft.Pluck::new);
        Arbitrary<SourceDraft> silence = Arbitraries.just(new SourceDraft.Fixed(new SourceSpec.Silence()));
        return Arbitraries.frequencyOf(Tuple.of(6, sine), Tuple.of(2, noise), Tuple.of(1, sweep),
                Tuple.of(1, impulse), Tuple.of(1, pluck), Tuple.of(1, silence)).list().ofMinSize(1).ofMaxSize(2);
    }

    static Arbitrary<Scenario.Output> output() {
        return Combinators.combine(
                Arbitraries.frequency(Tuple.of(8, Encoding.FLOAT32), Tuple.of(1, Encoding.PCM16),
                        Tuple.of(1, Encoding.PCM24)),
                Arbitraries.frequency(Tuple.of(4, 1), Tuple.of(1, 2))).as(Scenario.Output::new);
    }

    static Arbitrary<Long> seed() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0L)), Tuple.of(1, Arbitraries.longs()));
    }

    /** A setup: input filters, oversampling, a chain, an IR, pitch shift, tuner and metronome. */
    static Arbitrary<SetupDraft> setup() {
        Arbitrary<Tuple.Tuple2<Double, Double>> filters = Combinators.combine(
                MessageArbitraries.cutoff().injectNull(0.7), MessageArbitraries.cutoff().injectNull(0.7)).as(Tuple::of);
        Arbitrary<List<StageSpec>> chain = StageArbitraries.stages().list().ofMaxSize(4)
                .withSizeDistribution(RandomDistribution.uniform());
        Arbitrary<Integer> oversampling = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(1)),
                Tuple.of(1, MessageArbitraries.oversampling()));
        Arbitrary<MessageDraft.Ir> ir = MessageArbitraries.ir().injectNull(0.6);
        Arbitrary<Double> irGain = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(1.0)),
                Tuple.of(1, MessageArbitraries.irGain()));
        Arbitrary<Double> pitch = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0.0)),
                Tuple.of(1, MessageArbitraries.semitones()));
        Arbitrary<Boolean> tuner = Arbitraries.frequency(Tuple.of(5, false), Tuple.of(1, true));
        Arbitrary<EngineSetup.Metronome> metronome = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(EngineSetup.Metronome.OFF)),
                Tuple.of(1, Combinators.combine(Arbitraries.of(true, false), MessageArbitraries.bpm(),
                        MessageArbitraries.level()).as(EngineSetup.Metronome::new)));
        return Combinators.combine(filters, oversampling, chain, ir, irGain, pitch, tuner, metronome)
                .as((f, o, c, i, g, p, t, m) -> new SetupDraft(f.get1(), f.get2(), o, c, i, g, p, t, m));
    }

    static Arbitrary<ScenarioDraft.ScheduleDraft> collector() {
        Arbitrary<Integer> every = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(1)),
                Tuple.of(2, Arbitraries.integers().between(2, 8)));
        return Combinators.combine(every, stalls()).as(ScenarioDraft.ScheduleDraft::new);
    }

    static Arbitrary<ScenarioDraft.ScheduleDraft> writer() {
        return stalls().map(s -> new ScenarioDraft.ScheduleDraft(1, s));
    }

    static Arbitrary<List<ScenarioDraft.StallDraft>> stalls() {
        return Combinators.combine(time(), Arbitraries.integers().between(0, 16).shrinkTowards(1))
                .as(ScenarioDraft.StallDraft::new).list().ofMaxSize(2);
    }

    /** Times aimed at block edges, one frame off them, inside blocks and at the last frame. */
    static Arbitrary<TimeDraft> time() {
        Arbitrary<TimeDraft.Anchor> anchor = Arbitraries.frequency(
                Tuple.of(3, TimeDraft.Anchor.EDGE), Tuple.of(2, TimeDraft.Anchor.EDGE_PLUS_ONE),
                Tuple.of(2, TimeDraft.Anchor.EDGE_MINUS_ONE), Tuple.of(3, TimeDraft.Anchor.INSIDE),
                Tuple.of(1, TimeDraft.Anchor.LAST_FRAME));
        return Combinators.combine(anchor, Arbitraries.integers().between(0, 63).shrinkTowards(0),
                Arbitraries.integers().between(0, 999)).as(TimeDraft::new);
    }

    /** One frame's messages: mostly one, sometimes a burst of up to 4, sometimes a flood of up to 40. */
    static Arbitrary<ScenarioDraft.EventGroup> eventGroups(Arbitrary<MessageDraft> message) {
        // Every alternative may shrink to a single message (jqwik does not shrink across them).
        Arbitrary<List<MessageDraft>> messages = Arbitraries.frequencyOf(
                Tuple.of(14, message.list().ofSize(1)),
                Tuple.of(4, message.list().ofMinSize(1).ofMaxSize(4).withSizeDistribution(RandomDistribution.uniform())),
                Tuple.of(2, message.list().ofMinSize(1).ofMaxSize(40).withSizeDistribution(RandomDistribution.uniform())));
        return Combinators.combine(time(), messages).as(ScenarioDraft.EventGroup::new);
    }
}
