package io.blockwise.engine;

import io.blockwise.dsp.Convolver;
import io.blockwise.dsp.Oversampler;
import io.blockwise.dsp.PitchShifter;
import io.blockwise.dsp.Stage;
import io.blockwise.record.Recorder;

/**
 * The commands of the rest of the rig: oversampling, cabinet, pitch shifter, tuner, metronome
 * and recorder. Built finished on the control thread; applied on the audio thread by reference
 * assignments; whatever they displace is retired.
 */
final class RigCommands {
    private RigCommands() {
    }

    /** {@code setOversampling}: a new oversampler (null for factor 1) and the chain rebuilt at its rate. */
    static final class SetOversampling extends Command {
        private final Oversampler oversampler;
        private final Stage[] stages;

        SetOversampling(Oversampler oversampler, Stage[] stages) {
            super("setOversampling");
            this.oversampler = oversampler;
            this.stages = stages;
        }

        @Override
        int apply(Engine e) {
            e.replaceOversampling(oversampler, stages, Engine.Change.CROSSFADE);
            return RejectReason.NONE;
        }

        @Override
        void retirePayload(Engine e) {
            if (oversampler != null) {
                e.retire(oversampler);
            }
            for (Stage s : stages) {
                e.retire(s);
            }
        }
    }

    /** {@code swapIr}: a new convolver, crossfaded from the current cabinet state. */
    static final class SwapIr extends Command {
        private final Convolver convolver;
        private final int crossfadeFrames;

        SwapIr(Convolver convolver, int crossfadeFrames) {
            super("swapIr");
            this.convolver = convolver;
            this.crossfadeFrames = crossfadeFrames;
        }

        @Override
        int apply(Engine e) {
            e.cabinet().install(convolver, crossfadeFrames);
            return RejectReason.NONE;
        }

        @Override
        void retirePayload(Engine e) {
            e.retire(convolver);
        }
    }

    /** {@code clearIr}: fade the cabinet to pass-through and retire its convolver. */
    static final class ClearIr extends Command {
        private final int crossfadeFrames;

        ClearIr(int crossfadeFrames) {
            super("clearIr");
            this.crossfadeFrames = crossfadeFrames;
        }

        @Override
        int apply(Engine e) {
            e.cabinet().clear(crossfadeFrames);
            return RejectReason.NONE;
        }

        @Override
        void retirePayload(Engine e) {
        }
    }

    /** {@code setIrBypass}. */
    static final class SetIrBypass extends Command {
        private final boolean bypassed;

        SetIrBypass(boolean bypassed) {
            super("setIrBypass");
            this.bypassed = bypassed;
        }

        @Override
        int apply(Engine e) {
            e.cabinet().setBypassed(bypassed);
            return RejectReason.NONE;
        }

        @Override
        void retirePayload(Engine e) {
        }
    }

    /** {@code setIrGain}: smoothed. */
    static final class SetIrGain extends Command {
        private final double gain;

        SetIrGain(double gain) {
            super("setIrGain");
            this.gain = gain;
        }

        @Override
        int apply(Engine e) {
            e.cabinet().setGain(gain);
            return RejectReason.NONE;
        }

        @Override
        void retirePayload(Engine e) {
        }
    }

    /** {@code setPitchShift}: a new shifter, or null for 0 semitones (the old one is retired). */
    static final class SetPitchShift extends Command {
        private final PitchShifter shifter;

        SetPitchShift(PitchShifter shifter) {
            super("setPitchShift");
            this.shifter = shifter;
        }

        @Override
        int apply(Engine e) {
            e.replacePitchShifter(shifter, Engine.Change.CROSSFADE);
            return RejectReason.NONE;
        }

        @Override
        void retirePayload(Engine e) {
            if (shifter != null) {
                e.retire(shifter);
            }
        }
    }

    /** {@code setTunerEnabled}: while on, the output is muted and the raw input analysed. */
    static final class SetTunerEnabled extends Command {
        private final boolean enabled;

        SetTunerEnabled(boolean enabled) {
            super("setTunerEnabled");
            this.enabled = enabled;
        }

        @Override
        int apply(Engine e) {
            e.setTunerEnabled(enabled, Engine.Change.CROSSFADE);
            return RejectReason.NONE;
        }

        @Override
        void retirePayload(Engine e) {
        }
    }

    /** {@code setMetronome}: counting restarts at this block when enabled or when the tempo changes. */
    static final class SetMetronome extends Command {
        private final boolean enabled;
        private final double bpm;
        private final double level;

        SetMetronome(boolean enabled, double bpm, double level) {
            super("setMetronome");
            this.enabled = enabled;
            this.bpm = bpm;
            this.level = level;
        }

        @Override
        int apply(Engine e) {
            e.setMetronome(enabled, bpm, level);
            return RejectReason.NONE;
        }

        @Override
        void retirePayload(Engine e) {
        }
    }

    /** {@code startRecording}: a new take; a take in progress is stopped in the same block. */
    static final class StartRecording extends Command {
        private final Recorder recorder;

        StartRecording(Recorder recorder) {
            super("startRecording");
            this.recorder = recorder;
        }

        @Override
        int apply(Engine e) {
            e.startRecording(recorder);
            return RejectReason.NONE;
        }

        @Override
        void retirePayload(Engine e) {
            recorder.stop();
            e.retire(recorder);
        }
    }

    /** {@code stopRecording}: refused when no take is in progress. */
    static final class StopRecording extends Command {
        StopRecording() {
            super("stopRecording");
        }

        @Override
        int apply(Engine e) {
            return e.stopRecording() ? RejectReason.NONE : e.reject(RejectReason.NOT_RECORDING, 0, 0);
        }

        @Override
        void retirePayload(Engine e) {
        }
    }
}
