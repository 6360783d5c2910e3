package io.blockwise.fuzz;

import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.SourceSpec;
import io.blockwise.scenario.TimedMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A whole scenario as independent parts, so that jqwik's combinators shrink each part without
 * regenerating the others: fewer event groups, fewer messages per group, fewer stages, fewer
 * blocks, simpler values. {@link #resolve} turns it into a valid {@link Scenario}: events get
 * {@code fileIndex} 0..n-1 in the order they were generated (the file order) and are sorted by
 * frame, then file order, as the reader sorts them.
 */
record ScenarioDraft(TimingDraft timing, Scenario.Limits limits, List<SourceDraft> inputs,
        Scenario.Output output, long seed, SetupDraft setup, ScheduleDraft collector, ScheduleDraft writer,
        List<EventGroup> events) {

    /** Name and file every generated scenario carries until the fuzzer renames it. */
    static final String NAME = "fuzz";
    static final Path FILE = Path.of("fuzz.json");

    /** Rate, block size, a number of blocks and how much of the last block to cut. */
    record TimingDraft(int sampleRate, int blockSize, int blocks, int tailPermille, int longMs) {
        /** A short render. */
        TimingDraft(int sampleRate, int blockSize, int blocks, int tailPermille) {
            this(sampleRate, blockSize, blocks, tailPermille, 0);
        }

        /**
         * At most {@code blocks} blocks and at most half a second: a render takes milliseconds; or,
         * when {@code longMs} is more than 0, a long render of that many milliseconds whose events
         * spread over all its blocks.
         */
        Timing resolve(int maxChainLength) {
            if (longMs > 0) {
                long duration = Math.max(blockSize, (long) longMs * sampleRate / 1000);
                return new Timing(sampleRate, blockSize, duration, maxChainLength, true);
            }
            long frames = (long) blocks * blockSize - (long) tailPermille * (blockSize - 1) / 1000;
            long duration = Math.max(1, Math.min(frames, sampleRate / 2));
            return new Timing(sampleRate, blockSize, duration, maxChainLength);
        }
    }

    /** A collector or writer schedule: runs every {@code everyBlocks}, stalls for whole blocks. */
    record ScheduleDraft(int everyBlocks, List<StallDraft> stalls) {
        Scenario.Schedule resolve(Timing t) {
            List<Scenario.Stall> out = new ArrayList<>();
            for (StallDraft s : stalls) {
                long from = s.from().frame(t);
                out.add(new Scenario.Stall(from, from + (long) s.blocks() * t.blockSize()));
            }
            return new Scenario.Schedule(everyBlocks, out);
        }
    }

    /** A stall from a time for a number of blocks (0: an empty stall, still valid). */
    record StallDraft(TimeDraft from, int blocks) { }

    /** Messages due at one frame, in file order: a burst, or a flood when there are many. */
    record EventGroup(TimeDraft at, List<MessageDraft> messages) { }

    Scenario resolve() {
        Timing t = timing.resolve(limits.maxChainLength());
        List<SourceSpec> in = new ArrayList<>();
        for (SourceDraft s : inputs) {
            in.add(s.resolve(t));
        }
        // File order is generation order; messages are resolved in send order (frame, then file
        // order) so that aimed ones see the chain the earlier ones probably left.
        List<long[]> order = new ArrayList<>(); // {frame, fileIndex, group, position in group}
        for (int g = 0; g < events.size(); g++) {
            long frame = events.get(g).at().frame(t);
            for (int k = 0; k < events.get(g).messages().size(); k++) {
                order.add(new long[] {frame, order.size(), g, k});
            }
        }
        order.sort(Comparator.<long[]>comparingLong(o -> o[0]).thenComparingLong(o -> o[1]));
        EngineSetup engineSetup = setup.resolve(t);
        ChainModel chain = new ChainModel(engineSetup.chain(), t.maxChainLength());
        List<TimedMessage> ev = new ArrayList<>();
        for (long[] o : order) {
            Message m = events.get((int) o[2]).messages().get((int) o[3]).resolve(t, chain);
            chain.apply(m);
            ev.add(new TimedMessage(o[0], (int) o[1], null, m));
        }
        return new Scenario(FILE, NAME, "", t.sampleRate(), t.blockSize(), t.durationFrames(), seed, in, output,
                engineSetup, collector.resolve(t), writer.resolve(t), limits, sendOrder(ev));
    }

    /** Sorted by frame, then file order: the order the reader gives and the scheduler sends. */
    static List<TimedMessage> sendOrder(List<TimedMessage> events) {
        List<TimedMessage> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(TimedMessage::atFrame).thenComparingInt(TimedMessage::fileIndex));
        return sorted;
    }
}
