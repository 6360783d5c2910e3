package io.blockwise.engine;

import io.blockwise.dsp.PitchShifter;
import io.blockwise.dsp.Transition;
import io.blockwise.rt.Retirer;

/**
 * The pitch-shift slot of the signal path, changed without a click by the rule of
 * {@link Transition}: a new shifter is fed the input unheard until it is full, then crossfaded
 * in, and the old one is retired when the fade ends. What is this class's own: a part is a
 * {@link PitchShifter} (null: the dry signal, for 0 semitones), whose warm-up is
 * {@link PitchShifter#warmUpFrames} (a new shifter starts empty: for about its latency it outputs silence and
 * then fades in as its windows fill; at +3 semitones, silence for about 5 ms and a fade over
 * 30-50 ms), and which is retired through the engine's retire queue ({@link Retirer}: no
 * allocation, no lock).
 *
 * <p>Audio thread only once the engine runs ({@link #install} is for the set-up, on the control
 * thread before the first block). Never allocates: the transition's buffers are sized once.
 */
final class PitchPath {
    // Written in the constructor, read by the audio thread.
    private final Transition<PitchShifter> transition;

    PitchPath(Retirer retirer, int maxBlockFrames, int crossfadeFrames) {
        this.transition = new Transition<>(new Transition.Parts<>() {
            @Override
            public void process(PitchShifter s, double[] buf, int off, int len) {
                s.process(buf, off, len);
            }

            @Override
            public long warmUpFrames(PitchShifter s) {
                return PitchShifter.warmUpFrames(s);
            }

            @Override
            public void retire(PitchShifter s) {
                retirer.retire(s);
            }
        }, maxBlockFrames, crossfadeFrames);
    }

    /** Control thread, before the first block: {@code shifter} is heard from the start. */
    void install(PitchShifter shifter) {
        Engine.install(shifter);
        transition.install(shifter);
    }

    /** Audio thread only. Starts (or queues) a click-free change to {@code next} (null: 0 semitones). */
    void change(PitchShifter next) {
        Engine.install(next);
        transition.change(next);
    }

    /** Audio thread only. Processes {@code len} frames of {@code buf} from 0 in place. */
    void process(double[] buf, int len) {
        transition.process(buf, len);
    }

    /** Audio thread only. At the end of a render: retires every shifter held. */
    void retireAll() {
        transition.retireAll();
    }

    /** Collector thread, audio thread idle. Whether {@code r} is one of the shifters held. */
    boolean reaches(Object r) {
        return transition.holds(r);
    }
}
