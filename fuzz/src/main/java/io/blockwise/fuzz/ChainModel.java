package io.blockwise.fuzz;

import io.blockwise.dsp.StageType;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.StageSpec;
import io.blockwise.scenario.TimedMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * What the chain probably holds at some point of a scenario: its setup chain, edited by every
 * chain message sent before, as the engine would apply them (an edit the engine refuses changes
 * nothing). It ignores deferrals, so it can be wrong after a flood; it only steers generation
 * towards parameters that exist ({@link MessageDraft.AimedParameter}), it checks nothing.
 */
final class ChainModel {
    private final List<StageType> stages = new ArrayList<>();
    private final int maxLength;

    ChainModel(List<StageSpec> setup, int maxLength) {
        this.maxLength = maxLength;
        for (StageSpec s : setup) {
            stages.add(s.type());
        }
    }

    /** The model after the setup and every event of {@code s} due at or before {@code frame}. */
    static ChainModel before(Scenario s, long frame) {
        ChainModel m = new ChainModel(s.setup().chain(), s.limits().maxChainLength());
        for (TimedMessage t : s.events()) {
            if (t.atFrame() <= frame) {
                m.apply(t.message());
            }
        }
        return m;
    }

    int size() {
        return stages.size();
    }

    /** A copy of the stage types, in chain order. */
    List<StageType> types() {
        return List.copyOf(stages);
    }

    StageType at(int index) {
        return stages.get(index);
    }

    void apply(Message message) {
        int n = stages.size();
        if (message instanceof Message.SetChain m && m.chain().size() <= maxLength) {
            stages.clear();
            for (StageSpec s : m.chain()) {
                stages.add(s.type());
            }
        } else if (message instanceof Message.AddStage m && m.index() <= n && n < maxLength) {
            stages.add(m.index(), m.stage().type());
        } else if (message instanceof Message.RemoveStage m && m.index() < n) {
            stages.remove(m.index());
        } else if (message instanceof Message.ReplaceStage m && m.index() < n) {
            stages.set(m.index(), m.stage().type());
        } else if (message instanceof Message.SwapStages m && m.a() < n && m.b() < n) {
            StageType a = stages.get(m.a());
            stages.set(m.a(), stages.get(m.b()));
            stages.set(m.b(), a);
        }
    }
}
