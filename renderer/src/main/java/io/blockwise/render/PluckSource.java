package io.blockwise.render;

import io.blockwise.scenario.SourceSpec;
import java.util.List;

/**
 * {@code pluck}: the sum of its notes, each a {@link PluckString} starting exactly at its frame.
 * Note {@code i} draws its noise burst from stream {@code i} of the source's seed, so notes are
 * independent of one another.
 */
final class PluckSource implements SourceGenerator {
    private final double amp;
    private final PluckString[] strings;

    PluckSource(SourceSpec.Pluck spec, int sampleRate, long sourceSeed) {
        this.amp = spec.amp();
        List<SourceSpec.PluckNote> notes = spec.notes();
        this.strings = new PluckString[notes.size()];
        for (int i = 0; i < strings.length; i++) {
            SourceSpec.PluckNote note = notes.get(i);
            strings[i] = new PluckString(note.atFrame(), note.hz(), note.decayFrames(), sampleRate,
                    Seeds.derive(sourceSeed, i));
        }
    }

    @Override
    public void add(double[] buf, int off, long startFrame, int frames) {
        for (PluckString s : strings) {
            s.add(buf, off, startFrame, frames, amp);
        }
    }
}
