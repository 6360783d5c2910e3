package io.blockwise.engine;

import io.blockwise.dsp.StageType;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.StageSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The control thread's mirror of the chain: the specs of the stages in order, with every
 * accepted {@code setParameter} and bypass change applied, updated as each message is sent. The
 * audio thread applies messages in send order with the same rules ({@link Chain}, the commands,
 * {@code Stage.setParameter}), so after the audio thread has applied everything sent, its chain
 * holds exactly these specs. {@code setOversampling} uses it to rebuild the chain at the new rate.
 * (A stage the audio thread bypassed after a fault is the one state the mirror does not see.)
 * Control thread only.
 */
final class ChainModel {
    private final int maxChainLength;
    private final List<StageSpec> stages = new ArrayList<>();

    ChainModel(int maxChainLength) {
        this.maxChainLength = maxChainLength;
    }

    List<StageSpec> stages() {
        return List.copyOf(stages);
    }

    void reset(List<StageSpec> chain) {
        stages.clear();
        stages.addAll(chain);
    }

    /** Mirrors {@code m} as the audio thread will apply it (refusals change nothing). */
    void apply(Message m) {
        int n = stages.size();
        if (m instanceof Message.SetChain c) {
            if (c.chain().size() <= maxChainLength) {
                reset(c.chain());
            }
        } else if (m instanceof Message.SetParameter p) {
            if (p.stage() < n) {
                StageSpec spec = stages.get(p.stage());
                int local = spec.type().localIndex(StageType.globalParamId(p.param()));
                if (local >= 0 && spec.type().param(local).accepts(p.value())) {
                    stages.set(p.stage(), spec.with(local, p.value()));
                }
            }
        } else if (m instanceof Message.ReplaceStage r) {
            if (r.index() < n) {
                stages.set(r.index(), r.stage());
            }
        } else if (m instanceof Message.AddStage a) {
            if (a.index() <= n && n < maxChainLength) {
                stages.add(a.index(), a.stage());
            }
        } else if (m instanceof Message.RemoveStage r) {
            if (r.index() < n) {
                stages.remove(r.index());
            }
        } else if (m instanceof Message.SwapStages s) {
            if (s.a() < n && s.b() < n) {
                StageSpec t = stages.get(s.a());
                stages.set(s.a(), stages.get(s.b()));
                stages.set(s.b(), t);
            }
        } else if (m instanceof Message.SetStageBypassed b) {
            if (b.index() < n) {
                stages.set(b.index(), stages.get(b.index()).withBypassed(b.bypassed()));
            }
        }
    }
}
