package io.blockwise.fuzz;

import io.blockwise.dsp.ParamSpec;
import io.blockwise.dsp.StageType;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.StageSpec;
import io.blockwise.scenario.TimedMessage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Pairs of scenarios that must give identical audio. Each starts from a generated scenario whose
 * limits are the defaults and whose events are few (at most {@link #MAX_BASE_EVENTS}), so that no
 * message is ever deferred: what is compared is the order of application inside one block, not
 * a deferral that one order happens to cause.
 */
final class PairArbitraries {
    /** With the default limits (64 per block, queue of 64) nothing waits: 40 + 5 added < 64. */
    static final int MAX_BASE_EVENTS = 40;

    private PairArbitraries() {
    }

    /** Two messages that touch independent state, and a name for the relation. */
    record Independent(String label, MessageDraft first, MessageDraft second) { }

    static Arbitrary<ScenarioPair> commutations() {
        return Combinators.combine(ScenarioArbitraries.drafts(), independentPairs(),
                ScenarioArbitraries.time()).as(PairArbitraries::commutation);
    }

    static Arbitrary<ScenarioPair> equivalences() {
        Arbitrary<List<StageSpec>> chain = StageArbitraries.stages().list()
                .ofMinSize(1).ofMaxSize(5);
        return Combinators.combine(ScenarioArbitraries.drafts(), chain, ScenarioArbitraries.time())
                .as(PairArbitraries::equivalence);
    }

    private static ScenarioPair commutation(ScenarioDraft draft, Independent pair, TimeDraft at) {
        ScenarioDraft base = quiet(draft, draft.setup());
        Timing t = base.timing().resolve(base.limits().maxChainLength());
        Scenario s = base.resolve();
        long frame = at.frame(t);
        ChainModel chain = ChainModel.before(s, frame);
        Message x = pair.first().resolve(t, chain);
        Message y = pair.second().resolve(t, chain);
        int n = s.events().size();
        List<TimedMessage> ab = new ArrayList<>(s.events());
        ab.add(new TimedMessage(frame, n, null, x));
        ab.add(new TimedMessage(frame, n + 1, null, y));
        List<TimedMessage> ba = new ArrayList<>(s.events());
        ba.add(new TimedMessage(frame, n, null, y));
        ba.add(new TimedMessage(frame, n + 1, null, x));
        String what = pair.label() + " at frame " + frame + ": " + x + " / " + y;
        return new ScenarioPair("commutation", what, ScenarioEdits.withEvents(s, ab), ScenarioEdits.withEvents(s, ba));
    }

    private static ScenarioPair equivalence(ScenarioDraft draft, List<StageSpec> chain, TimeDraft at) {
        SetupDraft d = draft.setup();
        ScenarioDraft base = quiet(draft, new SetupDraft(d.highpassHz(), d.lowpassHz(), d.oversampling(), List.of(),
                d.ir(), d.irGain(), d.pitchShift(), d.tuner(), d.metronome()));
        Timing t = base.timing().resolve(base.limits().maxChainLength());
        Scenario s = base.resolve();
        long frame = at.frame(t);
        // Everything else happens at or after the chain is built, after it in file order, so the
        // chain is empty when it is built and the same afterwards in both scenarios.
        List<TimedMessage> setChain = new ArrayList<>();
        List<TimedMessage> addStages = new ArrayList<>();
        setChain.add(new TimedMessage(frame, 0, null, new Message.SetChain(chain)));
        for (int i = 0; i < chain.size(); i++) {
            addStages.add(new TimedMessage(frame, i, null, new Message.AddStage(i, chain.get(i))));
        }
        for (TimedMessage e : s.events()) {
            long f = Math.max(frame, e.atFrame());
            setChain.add(new TimedMessage(f, 1 + e.fileIndex(), null, e.message()));
            addStages.add(new TimedMessage(f, chain.size() + e.fileIndex(), null, e.message()));
        }
        String what = "setChain of " + chain.size() + " stage(s) vs addStage each, at frame " + frame;
        return new ScenarioPair("equivalence", what, ScenarioEdits.withEvents(s, setChain),
                ScenarioEdits.withEvents(s, addStages));
    }

    /** {@code draft} with default limits, {@code setup}, and its first {@link #MAX_BASE_EVENTS} events. */
    private static ScenarioDraft quiet(ScenarioDraft draft, SetupDraft setup) {
        List<ScenarioDraft.EventGroup> kept = new ArrayList<>();
        int n = 0;
        for (ScenarioDraft.EventGroup g : draft.events()) {
            int take = Math.min(g.messages().size(), MAX_BASE_EVENTS - n);
            if (take == 0) {
                break;
            }
            kept.add(new ScenarioDraft.EventGroup(g.at(), g.messages().subList(0, take)));
            n += take;
        }
        return new ScenarioDraft(draft.timing(), Scenario.Limits.DEFAULT, draft.inputs(), draft.output(),
                draft.seed(), setup, draft.collector(), draft.writer(), kept);
    }

    /** Pairs of messages on independent state, equally likely. */
    static Arbitrary<Independent> independentPairs() {
        Arbitrary<Integer> index = MessageArbitraries.index();
        Arbitrary<MessageDraft> param = MessageArbitraries.setParameter().map(MessageArbitraries::fixed);
        Arbitrary<MessageDraft> bypass = Combinators.combine(index, Arbitraries.of(true, false))
                .as((i, b) -> MessageArbitraries.fixed(new Message.SetStageBypassed(i, b)));
        Arbitrary<MessageDraft> filters = Combinators.combine(MessageArbitraries.cutoff().injectNull(0.4),
                MessageArbitraries.cutoff().injectNull(0.4)).as(MessageDraft.SetInputFilters::new);
        Arbitrary<MessageDraft> irGain = MessageArbitraries.irGain()
                .map(g -> MessageArbitraries.fixed(new Message.SetIrGain(g)));
        Arbitrary<MessageDraft> metronome = Combinators.combine(Arbitraries.of(true, false), MessageArbitraries.bpm(),
                MessageArbitraries.level()).as((e, b, l) -> MessageArbitraries.fixed(new Message.SetMetronome(e, b, l)));
        Arbitrary<MessageDraft> irBypass = Arbitraries.of(true, false)
                .map(b -> MessageArbitraries.fixed(new Message.SetIrBypass(b)));
        Arbitrary<MessageDraft> pitch = MessageArbitraries.semitones()
                .map(p -> MessageArbitraries.fixed(new Message.SetPitchShift(p)));
        Arbitrary<MessageDraft> tuner = Arbitraries.of(true, false)
                .map(b -> MessageArbitraries.fixed(new Message.SetTunerEnabled(b)));
        List<Tuple.Tuple2<Integer, Arbitrary<Independent>>> pairs = new ArrayList<>();
        add(pairs, "two parameters of one stage", twoParametersOfOneStage(), "setParameter");
        add(pairs, "two parameters of one stage", twoParametersOfOneLiveStage(), "setParameter");
        add(pairs, "parameters of two stages", parametersOfTwoStages(), "setParameter");
        add(pairs, "setStageBypassed and setParameter", pair("", bypass, param), "setStageBypassed", "setParameter");
        add(pairs, "setParameter and setInputFilters", pair("", param, filters), "setParameter", "setInputFilters");
        add(pairs, "setInputFilters and setStageBypassed", pair("", filters, bypass), "setInputFilters",
                "setStageBypassed");
        add(pairs, "setParameter and setIrGain", pair("", param, irGain), "setParameter", "setIrGain");
        add(pairs, "setMetronome and setParameter", pair("", metronome, param), "setMetronome", "setParameter");
        add(pairs, "setIrBypass and setStageBypassed", pair("", irBypass, bypass), "setIrBypass", "setStageBypassed");
        add(pairs, "setPitchShift and setParameter", pair("", pitch, param), "setPitchShift", "setParameter");
        add(pairs, "setTunerEnabled and setParameter", pair("", tuner, param), "setTunerEnabled", "setParameter");
        return Arbitraries.frequencyOf(pairs.toArray(new Tuple.Tuple2[0]));
    }

    private static void add(List<Tuple.Tuple2<Integer, Arbitrary<Independent>>> pairs, String label,
            Arbitrary<Independent> pair, String... kinds) {
        pairs.add(Tuple.of(4, pair.map(p -> new Independent(label, p.first(), p.second()))));
    }

    private static Arbitrary<Independent> pair(String label, Arbitrary<MessageDraft> x, Arbitrary<MessageDraft> y) {
        return Combinators.combine(x, y).as((a, b) -> new Independent(label, a, b));
    }

    /** Two different parameters of one type on one stage index. */
    private static Arbitrary<Independent> twoParametersOfOneStage() {
        List<Arbitrary<Independent>> perType = new ArrayList<>();
        for (StageType type : StageType.values()) {
            int n = type.paramCount();
            if (n < 2) {
                continue;
            }
            Arbitrary<Double> fraction = Arbitraries.doubles().between(0, 1).ofScale(2).shrinkTowards(0.5);
            perType.add(Combinators.combine(MessageArbitraries.index(), Arbitraries.integers().between(0, n - 1),
                    Arbitraries.integers().between(1, n - 1), fraction, fraction).as((i, p, off, f1, f2) -> {
                        ParamSpec a = type.param(p);
                        ParamSpec b = type.param((p + off) % n);
                        return new Independent("", MessageArbitraries.fixed(new Message.SetParameter(i, a.name(), at(a, f1))),
                                MessageArbitraries.fixed(new Message.SetParameter(i, b.name(), at(b, f2))));
                    }));
        }
        return Arbitraries.oneOf(perType);
    }

    /** Two different parameters of the stage that is probably at the chosen index at that frame. */
    private static Arbitrary<Independent> twoParametersOfOneLiveStage() {
        Arbitrary<Double> fraction = MessageArbitraries.fraction();
        return Combinators.combine(MessageArbitraries.pick(), Arbitraries.integers().between(0, 15),
                Arbitraries.integers().between(0, 15), fraction, fraction).as((i, p, skip, f1, f2) -> new Independent("",
                        new MessageDraft.AimedParameter(i, p, f1), new MessageDraft.OtherParameter(i, p, skip, f2)));
    }

    /** {@code setParameter} on two different stage indices. */
    private static Arbitrary<Independent> parametersOfTwoStages() {
        Arbitrary<Message> param = MessageArbitraries.setParameter();
        return Combinators.combine(param, param, Arbitraries.integers().between(1, 3)).as((x, y, off) -> {
            Message.SetParameter a = (Message.SetParameter) x;
            Message.SetParameter b = (Message.SetParameter) y;
            int other = a.stage() > Integer.MAX_VALUE - off ? a.stage() - off : a.stage() + off;
            return new Independent("", MessageArbitraries.fixed(a),
                    MessageArbitraries.fixed(new Message.SetParameter(other, b.param(), b.value())));
        });
    }

    /** The value at {@code fraction} of {@code p}'s range, two decimals, inside the range. */
    static double at(ParamSpec p, double fraction) {
        double v = BigDecimal.valueOf(p.min() + fraction * (p.max() - p.min())).setScale(2, RoundingMode.HALF_EVEN)
                .doubleValue();
        return Math.max(p.min(), Math.min(p.max(), v));
    }
}
