package io.blockwise.scenario;

import io.blockwise.record.Encoding;
import java.util.List;

/** The payload of one timed control message ({@code do} and its fields). Immutable. */
public sealed interface Message {

    /** The {@code do} name of the format. */
    String name();

    record SetChain(List<StageSpec> chain) implements Message {
        public SetChain {
            chain = List.copyOf(chain);
        }

        public String name() {
            return "setChain";
        }
    }

    /** Cut-offs in Hz; null means no filter on that side. */
    record SetInputFilters(Double highpass, Double lowpass) implements Message {
        public String name() {
            return "setInputFilters";
        }
    }

    /** {@code value} is in the parameter's own unit (delay time in ms). */
    record SetParameter(int stage, String param, double value) implements Message {
        public String name() {
            return "setParameter";
        }
    }

    record ReplaceStage(int index, StageSpec stage) implements Message {
        public String name() {
            return "replaceStage";
        }
    }

    record AddStage(int index, StageSpec stage) implements Message {
        public String name() {
            return "addStage";
        }
    }

    record RemoveStage(int index) implements Message {
        public String name() {
            return "removeStage";
        }
    }

    record SwapStages(int a, int b) implements Message {
        public String name() {
            return "swapStages";
        }
    }

    record SetStageBypassed(int index, boolean bypassed) implements Message {
        public String name() {
            return "setStageBypassed";
        }
    }

    record SwapIr(IrSpec ir, long crossfadeFrames) implements Message {
        public String name() {
            return "swapIr";
        }
    }

    record ClearIr() implements Message {
        public String name() {
            return "clearIr";
        }
    }

    record SetIrBypass(boolean bypassed) implements Message {
        public String name() {
            return "setIrBypass";
        }
    }

    record SetIrGain(double gain) implements Message {
        public String name() {
            return "setIrGain";
        }
    }

    record SetPitchShift(double semitones) implements Message {
        public String name() {
            return "setPitchShift";
        }
    }

    record SetOversampling(int factor) implements Message {
        public String name() {
            return "setOversampling";
        }
    }

    record SetTunerEnabled(boolean enabled) implements Message {
        public String name() {
            return "setTunerEnabled";
        }
    }

    record SetMetronome(boolean enabled, double bpm, double level) implements Message {
        public String name() {
            return "setMetronome";
        }
    }

    record StartRecording(Encoding encoding) implements Message {
        public String name() {
            return "startRecording";
        }
    }

    record StopRecording() implements Message {
        public String name() {
            return "stopRecording";
        }
    }
}
