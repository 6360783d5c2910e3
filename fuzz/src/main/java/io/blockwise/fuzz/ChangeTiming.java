package io.blockwise.fuzz;

import io.blockwise.dsp.LinearSmoother;
import io.blockwise.dsp.Oversampler;
import io.blockwise.dsp.PitchShifter;
import io.blockwise.dsp.Stage;
import io.blockwise.engine.Engine;
import io.blockwise.scenario.Message;

/**
 * The documented timing of one message's change, the one home of each kind's figures for the click
 * oracle ({@link ClickChecks}): {@code warmUp} frames from the message's block during which its new
 * part is fed unheard (nothing may change), then {@code ramp} frames of glide or crossfade (the
 * bound's {@code N}). Both at least 0 and 1 frames, at the scenario's rate.
 *
 * <table>
 *   <caption>Per kind</caption>
 *   <tr><th>kind</th><th>warm-up</th><th>ramp</th></tr>
 *   <tr><td>setParameter, setIrGain</td><td>0</td><td>{@link LinearSmoother#DEFAULT_RAMP_SECONDS} (20 ms)</td></tr>
 *   <tr><td>swapIr</td><td>0</td><td>its own {@code crossfade}</td></tr>
 *   <tr><td>setStageBypassed, setIrBypass</td><td>0</td><td>{@link Stage#BYPASS_RAMP_SECONDS}</td></tr>
 *   <tr><td>setInputFilters to a filter</td><td>one crossfade (10 ms)</td><td>{@link Engine#CROSSFADE_SECONDS}</td></tr>
 *   <tr><td>setPitchShift to a shift</td><td>{@link PitchShifter#warmUpFrames} (3,327 frames at +24
 *     semitones to 7,167 at -24: 69 to 149 ms at 48 kHz)</td><td>{@link Engine#CROSSFADE_SECONDS}</td></tr>
 *   <tr><td>setOversampling</td><td>{@link Oversampler#warmUpFrames}: twice the new oversampler's
 *     latency (0 for factor 1) plus 5 ms, at least</td><td>{@link Engine#CROSSFADE_SECONDS}</td></tr>
 *   <tr><td>every other kind (and setInputFilters to none, setPitchShift to 0)</td><td>0</td>
 *     <td>{@link Engine#CROSSFADE_SECONDS}</td></tr>
 * </table>
 *
 * <p>Each crossfade is whole frames rounded once ({@code round(0.010 x rate)}), and a warm-up of one
 * crossfade is that same whole number (at 11,025 Hz, 110 + 110, not 220.5 rounded: seed 7, try 165).
 * The oversampling warm-up is the engine's minimum, {@link Oversampler#warmUpFrames}, which the
 * engine reads too ({@code ClickChecksWarmUpTest} checks that the engine's render first differs from
 * the one without the message exactly at the warm-up's end). The engine may
 * feed a new chain path longer than that when a large state hand-over needs it; the oracle judges
 * "nothing heard" over the minimum only, and its ramp bound, counted from the minimum's end, stays
 * valid (looser) for a crossfade that starts later. A setPitchShift to 0 from 0, or a
 * setInputFilters to none from none, changes nothing, which every bound allows. Control thread (or
 * a fuzz worker).
 *
 * @param warmUp frames from the message's block during which its change is not heard
 * @param ramp frames of the glide or crossfade after the warm-up (at least 1)
 */
record ChangeTiming(long warmUp, long ramp) {
    /** The frames from the message's block to its change's end: warm-up and ramp. */
    long transition() {
        return warmUp + ramp;
    }

    /**
     * The timing of {@code m} in an engine at {@code sampleRate} whose blocks are at most
     * {@code maxBlockFrames} (a pitch shifter or oversampler is built to ask it its latency).
     */
    static ChangeTiming of(Message m, int sampleRate, int maxBlockFrames) {
        long crossfade = frames(Engine.CROSSFADE_SECONDS, sampleRate);
        if (m instanceof Message.SetParameter || m instanceof Message.SetIrGain) {
            return new ChangeTiming(0, frames(LinearSmoother.DEFAULT_RAMP_SECONDS, sampleRate));
        } else if (m instanceof Message.SwapIr sw) {
            return new ChangeTiming(0, Math.max(1, sw.crossfadeFrames()));
        } else if (m instanceof Message.SetStageBypassed || m instanceof Message.SetIrBypass) {
            return new ChangeTiming(0, frames(Stage.BYPASS_RAMP_SECONDS, sampleRate));
        } else if (m instanceof Message.SetInputFilters f) {
            // New filters are fed unheard for one crossfade; to none, there is nothing to warm up.
            return new ChangeTiming(f.highpass() != null || f.lowpass() != null ? crossfade : 0, crossfade);
        } else if (m instanceof Message.SetPitchShift p) {
            PitchShifter shifter = p.semitones() == 0 ? null
                    : new PitchShifter(p.semitones(), sampleRate, maxBlockFrames);
            return new ChangeTiming(PitchShifter.warmUpFrames(shifter), crossfade);
        } else if (m instanceof Message.SetOversampling o) {
            Oversampler oversampler = o.factor() == 1 ? null : new Oversampler(o.factor(), maxBlockFrames);
            return new ChangeTiming(Oversampler.warmUpFrames(oversampler, sampleRate), crossfade);
        }
        return new ChangeTiming(0, crossfade);
    }

    private static long frames(double seconds, int sampleRate) {
        return Math.max(1, Math.round(seconds * sampleRate));
    }
}
