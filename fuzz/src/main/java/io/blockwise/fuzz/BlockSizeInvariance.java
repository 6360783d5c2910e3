package io.blockwise.fuzz;

import io.blockwise.render.RenderResult;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.TimedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Property 11, the timing oracle: block size is not heard. A scenario whose events all fall on
 * frames that are block edges of two block sizes, {@code B} and {@code B'} (half of {@code B}, or
 * twice it when {@code B} is odd), is rendered at both; every message is then due at the same
 * frame ({@code ceil(t / B) B = ceil(t / B') B' = t}), so the output and every take must be equal
 * sample for sample: a metronome beat, a take's first and last frame, a message's first effect are
 * all sample-accurate and owe nothing to where blocks begin. Renders where either size deferred a
 * message (a deferral waits one block, whose length is the block size) are not compared, nor is
 * the event log (it counts blocks). Nor are the takes of renders where either size lost take
 * frames to an {@code overrun}: a recorder loses whole blocks when its frame pool runs dry (the
 * format documents this), and the pool holds a whole number of blocks, so what a stalled writer
 * loses depends on the block size (seed 7, try 1152: a take through a writer stall lost 256 frames
 * at one size and 128 at the other); the output is still compared. Any thread.
 */
final class BlockSizeInvariance {
    private BlockSizeInvariance() {
    }

    /** The other block size: half of {@code b} when even, else twice it (within the format's 4096), or 0 for none. */
    static int otherBlockSize(int b) {
        if (b % 2 == 0) {
            return b / 2;
        }
        return 2 * b <= 4096 ? 2 * b : 0;
    }

    /** {@code s} with block size {@code blockSize} and every event moved to the next multiple of {@code grid}. */
    static Scenario onGrid(Scenario s, int blockSize, int grid) {
        List<TimedMessage> events = new ArrayList<>();
        for (TimedMessage t : s.events()) {
            long at = (t.atFrame() + grid - 1) / grid * grid;
            events.add(new TimedMessage(at, t.fileIndex(), t.position(), t.message()));
        }
        return new Scenario(s.file(), s.name(), s.description(), s.sampleRate(), blockSize, s.durationFrames(),
                s.seed(), s.inputs(), s.output(), s.setup(), s.collector(), s.writer(), s.limits(),
                ScenarioDraft.sendOrder(events));
    }

    /** Renders {@code s} on the common grid at both block sizes ({@code render}) and compares their audio. */
    static Optional<String> invariant(Scenario s, Function<Scenario, RenderResult> render) {
        int b = s.blockSize();
        int other = otherBlockSize(b);
        if (other == 0) {
            return Optional.empty();
        }
        int grid = Math.max(b, other);
        Scenario x = onGrid(s, b, grid);
        Scenario y = onGrid(s, other, grid);
        RenderResult rx = render.apply(x);
        RenderResult ry = render.apply(y);
        if (deferred(rx) || deferred(ry)) {
            return Optional.empty();
        }
        boolean takesLostFrames = overran(rx) || overran(ry);
        return firstDifference(rx.folder(), ry.folder(), takesLostFrames ? "output.wav" : null)
                .map(d -> "rendering with block size " + b + " and " + other + " (every event moved onto a block edge"
                        + " of both, frames multiple of " + grid + ") gives the same audio, within "
                        + TOLERANCE + " of full scale" + (takesLostFrames ? " (takes not compared: one lost frames to an overrun)" : "")
                        + "; " + d);
    }

    /**
     * How far two samples may differ: the convolver's partitions and the pitch shifter's grains
     * follow the block size, so their sums round differently (measured: 1e-7 for the convolver,
     * up to 5.5e-4 with pitch shifting, on 100 tries of seed 1). A beat, take edge or message
     * a frame or a block off differs by the signal itself.
     */
    static final double TOLERANCE = 2e-3;

    /** The first frame of the output or a take (same names in both) that differs beyond {@link #TOLERANCE}. */
    static Optional<String> firstDifference(java.nio.file.Path a, java.nio.file.Path b) {
        return firstDifference(a, b, null);
    }

    /** As {@link #firstDifference(java.nio.file.Path, java.nio.file.Path)}, comparing only {@code only} when not null. */
    static Optional<String> firstDifference(java.nio.file.Path a, java.nio.file.Path b, String only) {
        List<String> names = only == null ? wavs(a) : List.of(only);
        if (only == null && !names.equals(wavs(b))) {
            return Optional.of("the files differ: " + names + " vs " + wavs(b));
        }
        for (String name : names) {
            io.blockwise.render.WavData x = io.blockwise.render.WavReader.read(a.resolve(name));
            io.blockwise.render.WavData y = io.blockwise.render.WavReader.read(b.resolve(name));
            if (x.frames() != y.frames() || x.channels() != y.channels()) {
                return Optional.of(name + ": " + x.frames() + " vs " + y.frames() + " frames");
            }
            for (int i = 0; i < x.frames(); i++) {
                for (int c = 0; c < x.channels(); c++) {
                    double p = x.channelData()[c][i];
                    double q = y.channelData()[c][i];
                    if (!(Math.abs(p - q) <= TOLERANCE * Math.max(1, Math.max(Math.abs(p), Math.abs(q))))) {
                        return Optional.of(name + " differs first at frame " + i + ": " + p + " vs " + q);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> wavs(java.nio.file.Path dir) {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".wav")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean overran(RenderResult r) {
        return r.events().stream().anyMatch(e -> e.event().equals("overrun"));
    }

    private static boolean deferred(RenderResult r) {
        return r.events().stream().anyMatch(e -> e.event().equals("defer"));
    }
}
