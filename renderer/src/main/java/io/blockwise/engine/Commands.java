package io.blockwise.engine;

import io.blockwise.dsp.InputFilter;
import io.blockwise.dsp.Stage;

/**
 * The commands of the chain and the input filters. Each is built finished on the control thread
 * by {@link EngineHandle} and applied on the audio thread without allocating: edits are reference
 * assignments into the engine's fixed arrays, and whatever they displace is retired.
 */
final class Commands {
    private Commands() {
    }

    /** {@code setChain}: replace the whole chain. */
    static final class SetChain extends Command {
        private final Stage[] stages;

        SetChain(Stage[] stages) {
            super("setChain");
            this.stages = stages;
        }

        @Override
        int apply(Engine e) {
            Chain chain = e.chain();
            if (!Chain.fits(stages.length, chain.capacity())) {
                return e.reject(RejectReason.CHAIN_TOO_LONG, stages.length, chain.capacity());
            }
            chain.clear(e);
            for (int i = 0; i < stages.length; i++) {
                Engine.install(stages[i]);
                stages[i].startDry(); // as addStage: every new stage fades in from the dry signal
                chain.insert(i, stages[i]);
            }
            return RejectReason.NONE;
        }

        @Override
        void retirePayload(Engine e) {
            for (Stage s : stages) {
                e.retire(s);
            }
        }
    }

    /** {@code setInputFilters}: replace both input filters (either may be null: none). */
    static final class SetInputFilters extends Command {
        private final InputFilter highpass;
        private final InputFilter lowpass;

        SetInputFilters(InputFilter highpass, InputFilter lowpass) {
            super("setInputFilters");
            this.highpass = highpass;
            this.lowpass = lowpass;
        }

        @Override
        int apply(Engine e) {
            e.replaceInputFilters(highpass, lowpass);
            return RejectReason.NONE;
        }

        @Override
        void retirePayload(Engine e) {
            if (highpass != null) {
                e.retire(highpass);
            }
            if (lowpass != null) {
                e.retire(lowpass);
            }
        }
    }

    /** {@code setParameter}: one numeric parameter of a live stage, gliding, state kept. */
    static final class SetParameter extends Command {
        private final int index;
        private final int globalParamId;
        private final double value;

        SetParameter(int index, int globalParamId, double value) {
            super("setParameter");
            this.index = index;
            this.globalParamId = globalParamId;
            this.value = value;
        }

        double value() {
            return value;
        }

        @Override
        int apply(Engine e) {
            Chain chain = e.chain();
            if (!chain.exists(index)) {
                return e.reject(RejectReason.NO_SUCH_STAGE, index, chain.length());
            }
            Stage s = chain.get(index);
            int result = s.setParameter(globalParamId, value);
            if (result == Stage.PARAM_UNKNOWN) {
                return e.reject(RejectReason.UNKNOWN_PARAM, globalParamId, s.type().ordinal());
            }
            if (result == Stage.PARAM_OUT_OF_RANGE) {
                return e.reject(RejectReason.PARAM_OUT_OF_RANGE, globalParamId, s.type().ordinal());
            }
            return RejectReason.NONE;
        }

        @Override
        void retirePayload(Engine e) {
        }
    }

    /** {@code replaceStage}: a new stage at an existing index, with fresh state. */
    static final class ReplaceStage extends Command {
        private final int index;
        private final Stage stage;

        ReplaceStage(int index, Stage stage) {
            super("replaceStage");
            this.index = index;
            this.stage = stage;
        }

        @Override
        int apply(Engine e) {
            Chain chain = e.chain();
            if (!chain.exists(index)) {
                return e.reject(RejectReason.NO_SUCH_STAGE, index, chain.length());
            }
            Engine.install(stage);
            chain.replaceFading(index, stage); // the old stage fades out, then is retired
            return RejectReason.NONE;
        }

        @Override
        void retirePayload(Engine e) {
            e.retire(stage);
        }
    }

    /** {@code addStage}: insert at 0..length. */
    static final class AddStage extends Command {
        private final int index;
        private final Stage stage;

        AddStage(int index, Stage stage) {
            super("addStage");
            this.index = index;
            this.stage = stage;
        }

        @Override
        int apply(Engine e) {
            Chain chain = e.chain();
            if (!Chain.insertable(index, chain.length())) {
                return e.reject(RejectReason.INSERT_PAST_END, index, chain.length());
            }
            if (!Chain.hasRoom(chain.length(), chain.capacity())) {
                return e.reject(RejectReason.CHAIN_FULL, chain.capacity(), 0);
            }
            Engine.install(stage);
            stage.startDry(); // fades in from the dry signal: an inserted stage must not click
            chain.insert(index, stage);
            return RejectReason.NONE;
        }

        @Override
        void retirePayload(Engine e) {
            e.retire(stage);
        }
    }

    /** {@code removeStage}. */
    static final class RemoveStage extends Command {
        private final int index;

        RemoveStage(int index) {
            super("removeStage");
            this.index = index;
        }

        @Override
        int apply(Engine e) {
            Chain chain = e.chain();
            if (!chain.exists(index)) {
                return e.reject(RejectReason.NO_SUCH_STAGE, index, chain.length());
            }
            e.retire(chain.remove(index));
            return RejectReason.NONE;
        }

        @Override
        void retirePayload(Engine e) {
        }
    }

    /** {@code swapStages}: exchange two stages; their bypass flags and state move with them. */
    static final class SwapStages extends Command {
        private final int a;
        private final int b;

        SwapStages(int a, int b) {
            super("swapStages");
            this.a = a;
            this.b = b;
        }

        @Override
        int apply(Engine e) {
            Chain chain = e.chain();
            if (!chain.exists(a)) {
                return e.reject(RejectReason.NO_SUCH_STAGE, a, chain.length());
            }
            if (!chain.exists(b)) {
                return e.reject(RejectReason.NO_SUCH_STAGE, b, chain.length());
            }
            chain.swap(a, b);
            return RejectReason.NONE;
        }

        @Override
        void retirePayload(Engine e) {
        }
    }

    /** {@code setStageBypassed}: crossfaded in the stage's bypass. */
    static final class SetStageBypassed extends Command {
        private final int index;
        private final boolean bypassed;

        SetStageBypassed(int index, boolean bypassed) {
            super("setStageBypassed");
            this.index = index;
            this.bypassed = bypassed;
        }

        @Override
        int apply(Engine e) {
            Chain chain = e.chain();
            if (!chain.exists(index)) {
                return e.reject(RejectReason.NO_SUCH_STAGE, index, chain.length());
            }
            chain.get(index).setBypassed(bypassed);
            return RejectReason.NONE;
        }

        @Override
        void retirePayload(Engine e) {
        }
    }
}
