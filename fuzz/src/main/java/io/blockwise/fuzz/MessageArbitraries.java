package io.blockwise.fuzz;

import io.blockwise.dsp.ParamSpec;
import io.blockwise.dsp.StageType;
import io.blockwise.record.Encoding;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.StageSpec;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Every message kind of {@link Message}, with payloads the reader accepts and indices that often
 * do not exist (rejected by the audio thread at run time, which is part of what is tested):
 * stage indices are mostly 0..3, sometimes past any chain, sometimes {@code Integer.MAX_VALUE};
 * parameter values lie in the range of some stage type that has the parameter, so they are
 * valid on one type and refused by another.
 */
final class MessageArbitraries {
    private MessageArbitraries() {
    }

    /** One sample message of every kind, in the format's table order. */
    static final List<Message> EVERY_KIND = List.of(
            new Message.SetChain(List.of()),
            new Message.SetInputFilters(null, null),
            new Message.SetParameter(0, "gain", 1),
            new Message.ReplaceStage(0, StageSpec.defaults(StageType.LEVEL)),
            new Message.AddStage(0, StageSpec.defaults(StageType.LEVEL)),
            new Message.RemoveStage(0),
            new Message.SwapStages(0, 0),
            new Message.SetStageBypassed(0, false),
            new Message.SwapIr(new io.blockwise.scenario.IrSpec.Synthetic(1, 1), 0),
            new Message.ClearIr(),
            new Message.SetIrBypass(false),
            new Message.SetIrGain(1),
            new Message.SetPitchShift(0),
            new Message.SetOversampling(1),
            new Message.SetTunerEnabled(false),
            new Message.SetMetronome(false, 120, 0.5),
            new Message.StartRecording(Encoding.PCM16),
            new Message.StopRecording());

    /** Weight of each kind, in {@link #EVERY_KIND} order: chain edits dominate. */
    private static final int[] WEIGHTS = {2, 2, 8, 3, 4, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

    /** A message of any kind. */
    static Arbitrary<MessageDraft> messages() {
        Arbitrary<StageSpec> stage = StageArbitraries.stages();
        List<Tuple.Tuple2<Integer, Arbitrary<MessageDraft>>> weighted = new ArrayList<>();
        for (int k = 0; k < EVERY_KIND.size(); k++) {
            weighted.add(Tuple.of(4 * WEIGHTS[k], kind(EVERY_KIND.get(k).name(), stage)));
        }
        return Arbitraries.frequencyOf(weighted.toArray(new Tuple.Tuple2[0]));
    }

    private static Arbitrary<MessageDraft> kind(String name, Arbitrary<StageSpec> stage) {
        switch (name) {
            case "setChain":
                return stage.list().ofMaxSize(5).map(MessageDraft.SetChain::new);
            case "setInputFilters":
                return Combinators.combine(cutoff().injectNull(0.4), cutoff().injectNull(0.4))
                        .as(MessageDraft.SetInputFilters::new);
            case "setParameter":
                return Arbitraries.frequencyOf(Tuple.of(3, aimedParameter()),
                        Tuple.of(1, setParameter().map(MessageDraft.Fixed::new)));
            case "replaceStage":
            case "addStage":
            case "removeStage":
            case "swapStages":
            case "setStageBypassed":
                return Arbitraries.frequencyOf(Tuple.of(1, aimedEdit(name, stage)), Tuple.of(1, edit(name, stage)));
            case "swapIr":
                return Combinators.combine(ir(), Arbitraries.integers().between(0, 50).shrinkTowards(10))
                        .as(MessageDraft.SwapIr::new);
            case "clearIr":
                return Arbitraries.just(fixed(new Message.ClearIr()));
            case "setIrBypass":
                return Arbitraries.of(true, false).map(b -> fixed(new Message.SetIrBypass(b)));
            case "setIrGain":
                return irGain().map(g -> fixed(new Message.SetIrGain(g)));
            case "setPitchShift":
                return semitones().map(s -> fixed(new Message.SetPitchShift(s)));
            case "setOversampling":
                return oversampling().map(f -> fixed(new Message.SetOversampling(f)));
            case "setTunerEnabled":
                return Arbitraries.of(true, false).map(b -> fixed(new Message.SetTunerEnabled(b)));
            case "setMetronome":
                return Combinators.combine(Arbitraries.of(true, false), bpm(), level())
                        .as((e, b, l) -> fixed(new Message.SetMetronome(e, b, l)));
            case "startRecording":
                return Arbitraries.of(Encoding.PCM16, Encoding.PCM24, Encoding.FLOAT32)
                        .map(e -> fixed(new Message.StartRecording(e)));
            case "stopRecording":
                return Arbitraries.just(fixed(new Message.StopRecording()));
            default:
                throw new IllegalArgumentException("no generator for message " + name);
        }
    }

    /** A chain edit with indices as generated: often past the chain (refused), sometimes huge. */
    private static Arbitrary<MessageDraft> edit(String name, Arbitrary<StageSpec> stage) {
        switch (name) {
            case "replaceStage":
                return Combinators.combine(index(), stage).as((i, s) -> fixed(new Message.ReplaceStage(i, s)));
            case "addStage":
                return Combinators.combine(index(), stage).as((i, s) -> fixed(new Message.AddStage(i, s)));
            case "removeStage":
                return index().map(i -> fixed(new Message.RemoveStage(i)));
            case "swapStages":
                return Combinators.combine(index(), index()).as((a, b) -> fixed(new Message.SwapStages(a, b)));
            default:
                return Combinators.combine(index(), Arbitraries.of(true, false))
                        .as((i, b) -> fixed(new Message.SetStageBypassed(i, b)));
        }
    }

    /** A chain edit aimed at stages that probably exist ({@link MessageDraft.AimedEdit}). */
    private static Arbitrary<MessageDraft> aimedEdit(String name, Arbitrary<StageSpec> stage) {
        return Combinators.combine(pick(), pick(), stage, Arbitraries.of(true, false))
                .as((a, b, s, f) -> new MessageDraft.AimedEdit(name, a, b, s, f));
    }

    static MessageDraft fixed(Message m) {
        return new MessageDraft.Fixed(m);
    }

    /** A stage index: mostly one that may exist, sometimes one that never does. */
    static Arbitrary<Integer> index() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.integers().between(0, 3)),
                Tuple.of(2, Arbitraries.integers().between(4, 9)),
                Tuple.of(1, Arbitraries.integers().between(10, 1000)),
                Tuple.of(1, Arbitraries.just(Integer.MAX_VALUE)));
    }

    /**
     * {@code setParameter} of any numeric parameter name (eq bands less often) with a value in the
     * range of one of the stage types that have it.
     */
    static Arbitrary<Message> setParameter() {
        List<Tuple.Tuple2<Integer, Arbitrary<Message>>> weighted = new ArrayList<>();
        for (String param : StageType.paramNames()) {
            weighted.add(Tuple.of(param.startsWith("band_") ? 1 : 6, setParameter(index(), param)));
        }
        return Arbitraries.frequencyOf(weighted.toArray(new Tuple.Tuple2[0]));
    }

    /** {@code setParameter} of {@code param} on stage {@code index}, valued for some type that has it. */
    static Arbitrary<Message> setParameter(Arbitrary<Integer> index, String param) {
        List<Arbitrary<Double>> values = new ArrayList<>();
        for (StageType t : StageType.values()) {
            int i = t.paramIndex(param);
            if (i >= 0) {
                values.add(StageArbitraries.value(t.param(i)));
            }
        }
        return Combinators.combine(index, Arbitraries.oneOf(values))
                .as((i, v) -> new Message.SetParameter(i, param, v));
    }

    /** {@code setParameter} of parameter {@code p} of {@code type}, in that type's range. */
    static Arbitrary<Message> setParameter(Arbitrary<Integer> index, StageType type, int p) {
        ParamSpec spec = type.param(p);
        return Combinators.combine(index, StageArbitraries.value(spec))
                .as((i, v) -> new Message.SetParameter(i, spec.name(), v));
    }

    /** {@code setParameter} aimed at a parameter the stage probably has ({@link MessageDraft.AimedParameter}). */
    static Arbitrary<MessageDraft> aimedParameter() {
        return Combinators.combine(pick(), Arbitraries.integers().between(0, 15), fraction())
                .as(MessageDraft.AimedParameter::new);
    }

    /** Which stage of the chain an aimed message means (modulo its length). */
    static Arbitrary<Integer> pick() {
        return Arbitraries.integers().between(0, 7);
    }

    /** Where in a parameter's range: two decimals, shrinking to the middle. */
    static Arbitrary<Double> fraction() {
        return Arbitraries.doubles().between(0, 1).ofScale(2).shrinkTowards(0.5);
    }

    /** A filter cut-off in Hz (folded below Nyquist when resolved). */
    static Arbitrary<Double> cutoff() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(100.0, 40.0, 1000.0, 8000.0, 20.0, 5000.0, 12000.0, 20000.0)),
                Tuple.of(1, Arbitraries.doubles().between(1, 100000).ofScale(1).shrinkTowards(100)));
    }

    static Arbitrary<MessageDraft.Ir> ir() {
        return Combinators.combine(Arbitraries.integers().between(1, 50).shrinkTowards(10),
                Arbitraries.integers().between(1, 50).shrinkTowards(5)).as(MessageDraft.Ir::new);
    }

    static Arbitrary<Double> irGain() {
        return Arbitraries.doubles().between(0, 2).ofScale(2).shrinkTowards(1);
    }

    static Arbitrary<Double> semitones() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0.0)),
                Tuple.of(4, Arbitraries.doubles().between(-24, 24).ofScale(1).shrinkTowards(0)));
    }

    static Arbitrary<Integer> oversampling() {
        return Arbitraries.of(1, 2, 4, 8, 16);
    }

    static Arbitrary<Double> bpm() {
        return Arbitraries.doubles().between(20, 300).ofScale(1).shrinkTowards(120);
    }

    static Arbitrary<Double> level() {
        return Arbitraries.doubles().between(0, 1).ofScale(2).shrinkTowards(0.5);
    }
}
