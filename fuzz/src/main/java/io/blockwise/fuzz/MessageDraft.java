package io.blockwise.fuzz;

import io.blockwise.dsp.ParamSpec;
import io.blockwise.dsp.StageType;
import io.blockwise.scenario.IrSpec;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.StageSpec;
import java.util.List;

/**
 * A message before the timing is known. Most messages are final as generated; a chain is cut to
 * {@code maxChainLength} (longer is a load error, not an engine case), filter cut-offs fold below
 * Nyquist, IR lengths and crossfades become frames.
 */
sealed interface MessageDraft {

    /** The message, at timing {@code t}, when the chain is probably {@code model}. */
    Message resolve(Timing t, ChainModel model);

    /** A message that does not depend on timing. */
    record Fixed(Message message) implements MessageDraft {
        public Message resolve(Timing t, ChainModel model) {
            return message;
        }
    }

    record SetChain(List<StageSpec> chain) implements MessageDraft {
        public Message resolve(Timing t, ChainModel model) {
            return new Message.SetChain(fit(chain, t));
        }
    }

    record SetInputFilters(Double highpassHz, Double lowpassHz) implements MessageDraft {
        public Message resolve(Timing t, ChainModel model) {
            Double[] f = filters(highpassHz, lowpassHz, t);
            return new Message.SetInputFilters(f[0], f[1]);
        }
    }

    record SwapIr(Ir ir, int crossfadeMs) implements MessageDraft {
        public Message resolve(Timing t, ChainModel model) {
            return new Message.SwapIr(ir.resolve(t), t.frames(crossfadeMs, 0));
        }
    }

    /**
     * {@code setParameter} aimed at a stage that probably exists, with a parameter its type has
     * and a value in that parameter's range: stage {@code pick} modulo the chain's length,
     * parameter {@code paramPick} modulo its type's count, value at {@code fraction} of the range.
     * On an empty chain it names stage {@code pick} and any parameter (and is rejected).
     */
    record AimedParameter(int pick, int paramPick, double fraction) implements MessageDraft {
        public Message resolve(Timing t, ChainModel model) {
            if (model.size() == 0) {
                String name = StageType.paramNames().get(paramPick % StageType.paramNames().size());
                return new Message.SetParameter(pick, name, defaultOf(name));
            }
            int index = pick % model.size();
            StageType type = model.at(index);
            ParamSpec p = type.param(paramPick % type.paramCount());
            return new Message.SetParameter(index, p.name(), PairArbitraries.at(p, fraction));
        }

        static double defaultOf(String name) {
            for (StageType type : StageType.values()) {
                int i = type.paramIndex(name);
                if (i >= 0) {
                    return type.param(i).defaultValue();
                }
            }
            throw new IllegalArgumentException(name);
        }
    }

    /**
     * {@code setParameter} of the same stage as {@code AimedParameter(pick, paramPick, ...)} but
     * of another parameter (for commutation): the next ones in its type's table, skipping
     * {@code skip}; a parameter its type lacks when the type has only one (a refusal, which commutes too).
     */
    record OtherParameter(int pick, int paramPick, int skip, double fraction) implements MessageDraft {
        public Message resolve(Timing t, ChainModel model) {
            List<String> names = StageType.paramNames();
            if (model.size() == 0) {
                return new AimedParameter(pick, paramPick % names.size() + 1 + skip, fraction).resolve(t, model);
            }
            int index = pick % model.size();
            StageType type = model.at(index);
            int n = type.paramCount();
            if (n == 1) {
                for (String name : names) {
                    if (type.paramIndex(name) < 0) {
                        return new Message.SetParameter(index, name, AimedParameter.defaultOf(name));
                    }
                }
            }
            ParamSpec p = type.param((paramPick % n + 1 + skip % (n - 1)) % n);
            return new Message.SetParameter(index, p.name(), PairArbitraries.at(p, fraction));
        }
    }

    /**
     * A chain edit aimed at stages that probably exist: indices {@code a} and {@code b} modulo the
     * chain's length ({@code addStage}: modulo length + 1); on an empty chain, as written.
     */
    record AimedEdit(String kind, int a, int b, StageSpec stage, boolean flag) implements MessageDraft {
        public Message resolve(Timing t, ChainModel model) {
            int n = model.size();
            int i = n == 0 ? a : a % n;
            int j = n == 0 ? b : b % n;
            switch (kind) {
                case "addStage": return new Message.AddStage(a % (n + 1), stage);
                case "replaceStage": return new Message.ReplaceStage(i, stage);
                case "removeStage": return new Message.RemoveStage(i);
                case "swapStages": return new Message.SwapStages(i, j);
                case "setStageBypassed": return new Message.SetStageBypassed(i, flag);
                default: throw new IllegalArgumentException(kind);
            }
        }
    }

    /**
     * An edit down a rare path: {@code adjacentSwap} swaps stage {@code pick} (modulo the chain)
     * with its neighbour; {@code bypass} bypasses a stage (generated twice in a row: a bypass of a
     * bypassed stage); {@code refusedReplace} replaces at an index just past the chain (refused).
     */
    record RareEdit(String kind, int pick) implements MessageDraft {
        public Message resolve(Timing t, ChainModel model) {
            int n = model.size();
            switch (kind) {
                case "adjacentSwap": {
                    int i = n < 2 ? 0 : pick % (n - 1);
                    return pick % 2 == 0 ? new Message.SwapStages(i, i + 1) : new Message.SwapStages(i + 1, i);
                }
                case "bypass":
                    return new Message.SetStageBypassed(n == 0 ? 0 : pick % n, true);
                case "refusedReplace":
                    return new Message.ReplaceStage(n + pick % 3, StageSpec.defaults(StageType.LEVEL));
                default:
                    throw new IllegalArgumentException(kind);
            }
        }
    }

    /** A synthetic impulse response, short so that renders stay fast. */
    record Ir(int lengthMs, int decayMs) {
        IrSpec resolve(Timing t) {
            return new IrSpec.Synthetic(t.frames(lengthMs, 1), t.frames(decayMs, 1));
        }
    }

    /** {@code chain} cut to the scenario's chain limit. */
    static List<StageSpec> fit(List<StageSpec> chain, Timing t) {
        return chain.size() <= t.maxChainLength() ? chain : chain.subList(0, t.maxChainLength());
    }

    /** Cut-offs the reader accepts: below Nyquist, and the lowpass above the highpass (else dropped). */
    static Double[] filters(Double highpassHz, Double lowpassHz, Timing t) {
        Double hp = highpassHz == null ? null : t.frequency(highpassHz);
        Double lp = lowpassHz == null ? null : t.frequency(lowpassHz);
        if (hp != null && lp != null && !(lp > hp)) {
            lp = null;
        }
        return new Double[] {hp, lp};
    }
}
