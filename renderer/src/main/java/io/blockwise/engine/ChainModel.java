package io.blockwise.engine;

import io.blockwise.dsp.StageType;
import io.blockwise.scenario.StageSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The control thread's mirror of the chain: the specs of the stages in order, with every
 * accepted {@code setParameter} and bypass change applied, updated as each message is built (by
 * {@link EngineHandle}'s visitor, in the same visit that builds the message's command). The audio
 * thread applies messages in send order with the same rules (the predicates of {@link Chain}, the
 * parameter table's {@code localIndex} and range check, which {@code Stage.setParameter} uses),
 * so after the audio thread has applied everything sent, its chain holds exactly these specs.
 * {@code setOversampling} uses it to rebuild the chain at the new rate. (A stage the audio thread
 * bypassed after a fault is the one state the mirror does not see.) Control thread only.
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

    /** The setup's chain, installed directly. */
    void reset(List<StageSpec> chain) {
        stages.clear();
        stages.addAll(chain);
    }

    /** {@code setChain}: refused when longer than the chain's capacity. */
    void setChain(List<StageSpec> chain) {
        if (Chain.fits(chain.size(), maxChainLength)) {
            reset(chain);
        }
    }

    /** {@code setParameter}: refused for a missing stage, a parameter it lacks or a value out of its range. */
    void setParameter(int index, String param, double value) {
        if (Chain.exists(index, stages.size())) {
            StageSpec spec = stages.get(index);
            int local = spec.type().localIndex(StageType.globalParamId(param));
            if (local >= 0 && spec.type().param(local).accepts(value)) {
                stages.set(index, spec.with(local, value));
            }
        }
    }

    /** {@code replaceStage}. */
    void replace(int index, StageSpec stage) {
        if (Chain.exists(index, stages.size())) {
            stages.set(index, stage);
        }
    }

    /** {@code addStage}. */
    void add(int index, StageSpec stage) {
        if (Chain.insertable(index, stages.size()) && Chain.hasRoom(stages.size(), maxChainLength)) {
            stages.add(index, stage);
        }
    }

    /** {@code removeStage}. */
    void remove(int index) {
        if (Chain.exists(index, stages.size())) {
            stages.remove(index);
        }
    }

    /** {@code swapStages}. */
    void swap(int a, int b) {
        if (Chain.exists(a, stages.size()) && Chain.exists(b, stages.size())) {
            StageSpec t = stages.get(a);
            stages.set(a, stages.get(b));
            stages.set(b, t);
        }
    }

    /** {@code setStageBypassed}. */
    void setBypassed(int index, boolean bypassed) {
        if (Chain.exists(index, stages.size())) {
            stages.set(index, stages.get(index).withBypassed(bypassed));
        }
    }
}
