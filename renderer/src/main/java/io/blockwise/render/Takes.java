package io.blockwise.render;

import io.blockwise.rt.Recorder;
import io.blockwise.rt.TakeWriter;
import io.blockwise.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The writer role: one {@link TakeWriter} per recorder take, each writing {@code take-N.wav}
 * into the render's folder. The control side opens a take when its recorder is built; the writer
 * drains the recorders' frames on its schedule ({@code writer.stalls}) and closes a take once its
 * recorder has stopped and every frame is written. Writer thread (the driver's thread offline and
 * in live mode).
 */
public final class Takes {
    private final Path folder;
    private final Scenario scenario;
    private final List<TakeWriter> open = new ArrayList<>();
    private final List<WavTakeSink> sinks = new ArrayList<>();

    public Takes(Path folder, Scenario scenario) {
        this.folder = folder;
        this.scenario = scenario;
    }

    /** Control thread. Opens a take file for each new recorder. */
    public void open(List<Recorder> recorders) {
        for (Recorder r : recorders) {
            WavTakeSink sink = new WavTakeSink(folder.resolve("take-" + r.takeNumber() + ".wav"),
                    scenario.sampleRate(), scenario.output().channels(), r.encoding());
            sinks.add(sink);
            open.add(new TakeWriter(r, sink));
        }
    }

    /** Control thread, between writer turns. Whether a take is open, so a writer turn has work. */
    public boolean anyOpen() {
        return !open.isEmpty();
    }

    /** Writer thread. Writes what the recorders have produced; closes finished takes. */
    public void drain() {
        open.removeIf(this::drainOne);
    }

    /** Writer thread, at the end of the render (after the audio thread stopped every take). */
    public void finish() {
        drain();
        if (!open.isEmpty()) {
            throw new IllegalStateException(open.size() + " take(s) did not finish after the recorders stopped");
        }
    }

    /** Control thread, after a failure: deletes the temporary files of takes that never closed. */
    public void abortUnfinished() {
        for (WavTakeSink sink : sinks) {
            sink.abort(); // a no-op for takes already committed
        }
    }

    private boolean drainOne(TakeWriter w) {
        try {
            return w.drain();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write take-" + w.recorder().takeNumber() + ".wav: " + e.getMessage(), e);
        }
    }
}
