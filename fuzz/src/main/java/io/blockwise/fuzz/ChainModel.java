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
    private final Editor editor = new Editor();

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
        message.accept(editor);
    }

    /** The chain edits (as the engine would apply them); every other message leaves the types alone. */
    private final class Editor implements Message.Visitor<Void> {
        @Override
        public Void visit(Message.SetChain m) {
            if (m.chain().size() <= maxLength) {
                stages.clear();
                for (StageSpec s : m.chain()) {
                    stages.add(s.type());
                }
            }
            return null;
        }

        @Override
        public Void visit(Message.SetInputFilters m) {
            return null;
        }

        @Override
        public Void visit(Message.SetParameter m) {
            return null;
        }

        @Override
        public Void visit(Message.ReplaceStage m) {
            if (m.index() < stages.size()) {
                stages.set(m.index(), m.stage().type());
            }
            return null;
        }

        @Override
        public Void visit(Message.AddStage m) {
            int n = stages.size();
            if (m.index() <= n && n < maxLength) {
                stages.add(m.index(), m.stage().type());
            }
            return null;
        }

        @Override
        public Void visit(Message.RemoveStage m) {
            if (m.index() < stages.size()) {
                stages.remove(m.index());
            }
            return null;
        }

        @Override
        public Void visit(Message.SwapStages m) {
            int n = stages.size();
            if (m.a() < n && m.b() < n) {
                StageType a = stages.get(m.a());
                stages.set(m.a(), stages.get(m.b()));
                stages.set(m.b(), a);
            }
            return null;
        }

        @Override
        public Void visit(Message.SetStageBypassed m) {
            return null;
        }

        @Override
        public Void visit(Message.SwapIr m) {
            return null;
        }

        @Override
        public Void visit(Message.ClearIr m) {
            return null;
        }

        @Override
        public Void visit(Message.SetIrBypass m) {
            return null;
        }

        @Override
        public Void visit(Message.SetIrGain m) {
            return null;
        }

        @Override
        public Void visit(Message.SetPitchShift m) {
            return null;
        }

        @Override
        public Void visit(Message.SetOversampling m) {
            return null;
        }

        @Override
        public Void visit(Message.SetTunerEnabled m) {
            return null;
        }

        @Override
        public Void visit(Message.SetMetronome m) {
            return null;
        }

        @Override
        public Void visit(Message.StartRecording m) {
            return null;
        }

        @Override
        public Void visit(Message.StopRecording m) {
            return null;
        }
    }
}
