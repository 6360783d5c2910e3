package io.blockwise.fuzz;

import io.blockwise.dsp.ParamSpec;
import io.blockwise.dsp.StageType;
import io.blockwise.render.RenderResult;
import io.blockwise.rt.LogEvent;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.StageSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Property 9: an independent model of what each message does, written from the scenario format's
 * documentation (SCENARIO-FORMAT.md, "events") and kept apart from the engine's code: it shares
 * no class with {@code io.blockwise.engine} and spells the refusal reasons out itself. It reads
 * only the format's stage table ({@link StageType}: names and ranges of parameters, which are part
 * of the format, not of the engine).
 *
 * <p>The model holds the chain (stage types, in order), its capacity ({@code maxChainLength})
 * and whether a take is being recorded. Fed the messages in the order the audio thread takes them
 * (seq order), it predicts for each one {@code apply}, or {@code reject} with the exact reason
 * text; the log's audio-thread outcomes must match it one for one. A message refused because the
 * render ended ({@code render ended before the message was applied}) is not a semantic outcome:
 * the model leaves its state as it is. The model is also held to the engine's chain after every
 * block (stage types, in order, read by a {@link ChainObserver} after each run of blocks; the log
 * does not show the chain). What it does not see: a stage's bypass or parameter values (no
 * outcome depends on them). Any thread.
 */
final class SemanticModel {
    private final List<StageType> chain = new ArrayList<>();
    private final int capacity;
    private boolean recording;

    SemanticModel(List<StageSpec> setup, int capacity) {
        this.capacity = capacity;
        for (StageSpec s : setup) {
            chain.add(s.type());
        }
    }

    /** A predicted outcome: applied (reason null) or refused with {@code reason}. */
    record Outcome(boolean applied, String reason) {
        static final Outcome APPLY = new Outcome(true, null);

        static Outcome reject(String reason) {
            return new Outcome(false, reason);
        }

        @Override
        public String toString() {
            return applied ? "apply" : "reject (" + reason + ")";
        }
    }

    /** Property 9 on render {@code r} of {@code s}, outcomes only: empty, or the first outcome the model did not predict. */
    static Optional<String> logMatches(Scenario s, RenderResult r) {
        return logMatches(s, r, List.of());
    }

    /**
     * Property 9 on render {@code r} of {@code s}, whose chain after each run of blocks was
     * {@code chains} (from a {@link ChainObserver}): empty, or the first outcome the model did not
     * predict, or the first block after which the engine's chain (stage types, in order) is not
     * the model's.
     */
    static Optional<String> logMatches(Scenario s, RenderResult r, List<ChainObserver.Snapshot> chains) {
        SemanticModel model = new SemanticModel(s.setup().chain(), s.limits().maxChainLength());
        List<LogEvent> log = r.events();
        int next = 0;
        for (int i = 0; i < log.size(); i++) {
            LogEvent e = log.get(i);
            boolean apply = e.event().equals("apply");
            if (!(apply || e.event().equals("reject")) || !e.thread().equals("rt")) {
                continue;
            }
            for (; next < chains.size() && chains.get(next).block() < e.block(); next++) {
                Optional<String> f = model.holds(chains.get(next));
                if (f.isPresent()) {
                    return f;
                }
            }
            if (LogChecks.NEVER_APPLIED.equals(e.get("reason"))) {
                continue;
            }
            if (!(e.get("seq") instanceof Long seq) || seq < 1 || seq > s.events().size()) {
                return LogChecks.fail("every audio-thread outcome names a scheduled message by its seq", log, i);
            }
            Message m = s.events().get((int) (seq - 1)).message();
            Outcome expected = model.take(m);
            Outcome actual = apply ? Outcome.APPLY : Outcome.reject(String.valueOf(e.get("reason")));
            if (!expected.equals(actual)) {
                return LogChecks.fail("each message is applied or refused as the format says: the model predicts "
                        + expected + " for seq " + seq + " (" + m.name() + ")", log, i);
            }
        }
        for (; next < chains.size(); next++) {
            Optional<String> f = model.holds(chains.get(next));
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    /** Whether the engine's chain after a run of blocks is the model's (types, in order). */
    private Optional<String> holds(ChainObserver.Snapshot engine) {
        if (engine.chain().equals(chain)) {
            return Optional.empty();
        }
        return Optional.of("the chain after each block is the one the messages applied so far make: after block "
                + engine.block() + " the engine holds " + names(engine.chain()) + ", the model " + names(chain));
    }

    private static List<String> names(List<StageType> types) {
        return types.stream().map(StageType::formatName).toList();
    }

    /**
     * Predicts the outcome of {@code m} and, when it applies, changes the model as it would the
     * engine. A visitor: a new message kind does not compile until the model says what it does.
     */
    Outcome take(Message m) {
        return m.accept(rules);
    }

    private final Message.Visitor<Outcome> rules = new Message.Visitor<>() {
        @Override
        public Outcome visit(Message.SetChain x) {
            if (x.chain().size() > capacity) {
                return Outcome.reject("chain of " + x.chain().size() + " stages exceeds maxChainLength " + capacity);
            }
            chain.clear();
            x.chain().forEach(st -> chain.add(st.type()));
            return Outcome.APPLY;
        }

        @Override
        public Outcome visit(Message.SetInputFilters x) {
            return Outcome.APPLY;
        }

        @Override
        public Outcome visit(Message.SetParameter x) {
            return setParameter(x);
        }

        @Override
        public Outcome visit(Message.ReplaceStage x) {
            if (!exists(x.index())) {
                return noSuchStage(x.index());
            }
            chain.set(x.index(), x.stage().type());
            return Outcome.APPLY;
        }

        @Override
        public Outcome visit(Message.AddStage x) {
            int n = chain.size();
            if (x.index() < 0 || x.index() > n) {
                return Outcome.reject("index " + x.index() + " is past the end (chain length " + n + "; allowed 0.."
                        + n + ")");
            }
            if (n == capacity) {
                return Outcome.reject("chain is full (maxChainLength " + capacity + ")");
            }
            chain.add(x.index(), x.stage().type());
            return Outcome.APPLY;
        }

        @Override
        public Outcome visit(Message.RemoveStage x) {
            if (!exists(x.index())) {
                return noSuchStage(x.index());
            }
            chain.remove(x.index());
            return Outcome.APPLY;
        }

        @Override
        public Outcome visit(Message.SwapStages x) {
            if (!exists(x.a())) {
                return noSuchStage(x.a());
            }
            if (!exists(x.b())) {
                return noSuchStage(x.b());
            }
            StageType a = chain.get(x.a());
            chain.set(x.a(), chain.get(x.b()));
            chain.set(x.b(), a);
            return Outcome.APPLY;
        }

        @Override
        public Outcome visit(Message.SetStageBypassed x) {
            return exists(x.index()) ? Outcome.APPLY : noSuchStage(x.index());
        }

        @Override
        public Outcome visit(Message.SwapIr x) {
            return Outcome.APPLY;
        }

        @Override
        public Outcome visit(Message.ClearIr x) {
            return Outcome.APPLY;
        }

        @Override
        public Outcome visit(Message.SetIrBypass x) {
            return Outcome.APPLY;
        }

        @Override
        public Outcome visit(Message.SetIrGain x) {
            return Outcome.APPLY;
        }

        @Override
        public Outcome visit(Message.SetPitchShift x) {
            return Outcome.APPLY;
        }

        @Override
        public Outcome visit(Message.SetOversampling x) {
            return Outcome.APPLY;
        }

        @Override
        public Outcome visit(Message.SetTunerEnabled x) {
            return Outcome.APPLY;
        }

        @Override
        public Outcome visit(Message.SetMetronome x) {
            return Outcome.APPLY;
        }

        @Override
        public Outcome visit(Message.StartRecording x) {
            recording = true; // a take in progress is stopped and a new one starts
            return Outcome.APPLY;
        }

        @Override
        public Outcome visit(Message.StopRecording x) {
            if (!recording) {
                return Outcome.reject("no take is being recorded");
            }
            recording = false;
            return Outcome.APPLY;
        }
    };

    private Outcome setParameter(Message.SetParameter x) {
        if (!exists(x.stage())) {
            return noSuchStage(x.stage());
        }
        StageType t = chain.get(x.stage());
        ParamSpec p = null;
        for (ParamSpec q : t.params()) {
            if (q.name().equals(x.param())) {
                p = q;
            }
        }
        if (p == null) {
            return Outcome.reject(t.formatName() + " has no parameter " + x.param());
        }
        if (!(x.value() >= p.min() && x.value() <= p.max())) {
            return Outcome.reject(t.formatName() + "." + x.param() + " " + plain(x.value()) + " is out of range "
                    + plain(p.min()) + ".." + plain(p.max()));
        }
        return Outcome.APPLY;
    }

    private boolean exists(int index) {
        return index >= 0 && index < chain.size();
    }

    private Outcome noSuchStage(int index) {
        return Outcome.reject("index " + index + " does not exist (chain length " + chain.size() + ")");
    }

    /** A number as the log writes it: an integer without a point, else the shortest decimal. */
    private static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
