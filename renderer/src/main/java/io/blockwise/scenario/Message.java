package io.blockwise.scenario;

import io.blockwise.record.Encoding;
import java.util.List;

/** The payload of one timed control message ({@code do} and its fields). Immutable. */
public sealed interface Message {

    /** The {@code do} name of the format. */
    String name();

    /** Any thread. Calls the method of {@code visitor} for this kind of message and returns its result. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of message. Every place that treats the kinds differently implements it
     * (Java 17 has no pattern-matching switch over a sealed type), so a new kind of message does
     * not compile until each of them handles it.
     */
    interface Visitor<R> {
        R visit(SetChain m);

        R visit(SetInputFilters m);

        R visit(SetParameter m);

        R visit(ReplaceStage m);

        R visit(AddStage m);

        R visit(RemoveStage m);

        R visit(SwapStages m);

        R visit(SetStageBypassed m);

        R visit(SwapIr m);

        R visit(ClearIr m);

        R visit(SetIrBypass m);

        R visit(SetIrGain m);

        R visit(SetPitchShift m);

        R visit(SetOversampling m);

        R visit(SetTunerEnabled m);

        R visit(SetMetronome m);

        R visit(StartRecording m);

        R visit(StopRecording m);
    }

    record SetChain(List<StageSpec> chain) implements Message {
        public SetChain {
            chain = List.copyOf(chain);
        }

        public String name() {
            return "setChain";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }
    }

    /** Cut-offs in Hz; null means no filter on that side. */
    record SetInputFilters(Double highpass, Double lowpass) implements Message {
        public String name() {
            return "setInputFilters";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }
    }

    /** {@code value} is in the parameter's own unit (delay time in ms). */
    record SetParameter(int stage, String param, double value) implements Message {
        public String name() {
            return "setParameter";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }
    }

    record ReplaceStage(int index, StageSpec stage) implements Message {
        public String name() {
            return "replaceStage";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }
    }

    record AddStage(int index, StageSpec stage) implements Message {
        public String name() {
            return "addStage";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }
    }

    record RemoveStage(int index) implements Message {
        public String name() {
            return "removeStage";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }
    }

    record SwapStages(int a, int b) implements Message {
        public String name() {
            return "swapStages";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }
    }

    record SetStageBypassed(int index, boolean bypassed) implements Message {
        public String name() {
            return "setStageBypassed";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }
    }

    record SwapIr(IrSpec ir, long crossfadeFrames) implements Message {
        public String name() {
            return "swapIr";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }
    }

    record ClearIr() implements Message {
        public String name() {
            return "clearIr";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }
    }

    record SetIrBypass(boolean bypassed) implements Message {
        public String name() {
            return "setIrBypass";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }
    }

    record SetIrGain(double gain) implements Message {
        public String name() {
            return "setIrGain";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }
    }

    record SetPitchShift(double semitones) implements Message {
        public String name() {
            return "setPitchShift";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }
    }

    record SetOversampling(int factor) implements Message {
        public String name() {
            return "setOversampling";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }
    }

    record SetTunerEnabled(boolean enabled) implements Message {
        public String name() {
            return "setTunerEnabled";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }
    }

    record SetMetronome(boolean enabled, double bpm, double level) implements Message {
        public String name() {
            return "setMetronome";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }
    }

    record StartRecording(Encoding encoding) implements Message {
        public String name() {
            return "startRecording";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }
    }

    record StopRecording() implements Message {
        public String name() {
            return "stopRecording";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visit(this);
        }
    }
}
