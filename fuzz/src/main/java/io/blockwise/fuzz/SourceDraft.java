package io.blockwise.fuzz;

import io.blockwise.scenario.SourceSpec;
import java.util.ArrayList;
import java.util.List;

/** An input source before the timing is known: frequencies fold below Nyquist, times into the duration. */
sealed interface SourceDraft {

    SourceSpec resolve(Timing t);

    /** A source that does not depend on timing (noise, silence). */
    record Fixed(SourceSpec spec) implements SourceDraft {
        public SourceSpec resolve(Timing t) {
            return spec;
        }
    }

    record Sine(double hz, double amp, double phase) implements SourceDraft {
        public SourceSpec resolve(Timing t) {
            return new SourceSpec.Sine(t.frequency(hz), amp, phase);
        }
    }

    record Sweep(double fromHz, double toHz, double amp, SourceSpec.Curve curve) implements SourceDraft {
        public SourceSpec resolve(Timing t) {
            return new SourceSpec.Sweep(t.frequency(fromHz), t.frequency(toHz), amp, curve);
        }
    }

    record Impulse(TimeDraft at, double amp) implements SourceDraft {
        public SourceSpec resolve(Timing t) {
            return new SourceSpec.Impulse(at.frame(t), amp);
        }
    }

    record Pluck(double amp, List<Note> notes) implements SourceDraft {
        public SourceSpec resolve(Timing t) {
            List<SourceSpec.PluckNote> out = new ArrayList<>();
            for (Note n : notes) {
                out.add(new SourceSpec.PluckNote(n.at.frame(t), t.frequency(n.hz), t.frames(n.decayMs, 1)));
            }
            return new SourceSpec.Pluck(amp, out);
        }
    }

    /** One note of a pluck draft. */
    record Note(TimeDraft at, double hz, int decayMs) { }
}
