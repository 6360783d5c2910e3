package io.blockwise.fuzz;

import io.blockwise.dsp.PeakMeter;
import io.blockwise.dsp.Tuner;
import io.blockwise.render.RenderResult;
import io.blockwise.render.WavReader;
import io.blockwise.rt.LogEvent;
import io.blockwise.record.Encoding;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.SourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Property 10: what the audio thread published reaches the log exactly once, and a deferral is
 * explained by the limits.
 *
 * <ul>
 *   <li>{@code clip}: the clip flag is documented per frame ({@link PeakMeter}: set by a sample with
 *       {@code |x| >= 1}, shown for {@link PeakMeter#HOLD_SECONDS} after it) and published at each
 *       block's end, so the output file alone says, block by block, what the flag was; the log's
 *       {@code clip} events must be exactly its changes (same blocks, same values, none twice).
 *       Checked on float32 outputs with no sample within 1e-6 below full scale (a float32 file
 *       rounds those to 1.0; fixed-point files clamp), mono output only read from channel 0.
 *   <li>{@code tuner}: no reading before the tuner is first on, and no two readings in a row the
 *       same (a change is logged once). And the first reading is not lost: the tuner estimates
 *       every {@link Tuner#HOP_SECONDS} once it holds {@link Tuner#analysisFrames()} of input since
 *       it was turned on, so when the input is one steady sine in the tuner's range and above its
 *       gate, the span's first pitched reading is published in the block of the first estimate
 *       (the first hop at or past the analysis length after the tuner came on) and must be logged
 *       at that block, naming the sine's note. A reading the log skipped shows there as a missing
 *       or late first reading.
 *   <li>{@code defer}: a message deferred at block b was due by b, and the limit its reason names is
 *       the scenario's and was reached: as many sends in block b before it as that limit.
 * </ul>
 * Every {@code send}'s single outcome and every {@code alloc}'s single retire and free are
 * properties 3 and 2. Any thread.
 */
final class LogCompleteness {
    private LogCompleteness() {
    }

    static Optional<String> complete(Scenario s, RenderResult r) {
        Optional<String> f = clip(s, r);
        if (f.isPresent()) {
            return f;
        }
        f = tuner(s, r);
        if (f.isPresent()) {
            return f;
        }
        f = tunerOnset(s, r);
        return f.isPresent() ? f : defers(s, r);
    }

    static Optional<String> clip(Scenario s, RenderResult r) {
        if (s.output().encoding() != Encoding.FLOAT32) {
            return Optional.empty();
        }
        double[] out = WavReader.read(r.outputWav()).channelData()[0];
        for (double x : out) {
            double a = Math.abs(x);
            if (a < 1 && a >= 1 - 1e-6) {
                return Optional.empty();
            }
        }
        // A file sample of exactly 1.0 may have been just below full scale before float32 rounded
        // it (seed 20261205, try 1918: 1.0 in the file, no clip in the engine), so it is read both
        // ways; where the two readings give different flag changes, the output cannot say.
        List<long[]> expected = clipChanges(s, out, true);
        List<long[]> strict = clipChanges(s, out, false);
        if (expected.size() != strict.size()
                || java.util.stream.IntStream.range(0, expected.size()).anyMatch(i -> !java.util.Arrays.equals(expected.get(i), strict.get(i)))) {
            return Optional.empty();
        }
        List<LogEvent> log = r.events();
        int k = 0;
        for (int i = 0; i < log.size(); i++) {
            LogEvent e = log.get(i);
            if (!e.event().equals("clip")) {
                continue;
            }
            boolean v = Boolean.TRUE.equals(e.get("clip"));
            if (k >= expected.size() || expected.get(k)[0] != e.block() || (expected.get(k)[1] == 1) != v) {
                String want = k < expected.size() ? "clip " + (expected.get(k)[1] == 1) + " at block "
                        + expected.get(k)[0] : "no more clip events";
                return LogChecks.fail("each change of the clip flag (read from the output: |x| >= 1 held "
                        + PeakMeter.HOLD_SECONDS + " s) is logged once, at its block; expected " + want, log, i);
            }
            k++;
        }
        if (k < expected.size()) {
            return Optional.of("each change of the clip flag is logged once, at its block: clip "
                    + (expected.get(k)[1] == 1) + " at block " + expected.get(k)[0]
                    + " (read from the output) is missing from the log");
        }
        return Optional.empty();
    }

    /** The clip flag's changes ({block, 1 or 0}) read from the file; {@code exactOneClips}: whether a sample of exactly 1.0 counts. */
    private static List<long[]> clipChanges(Scenario s, double[] out, boolean exactOneClips) {
        int hold = (int) Math.round(PeakMeter.HOLD_SECONDS * s.sampleRate());
        List<long[]> changes = new ArrayList<>();
        boolean flag = false;
        long lastClip = Long.MIN_VALUE / 2;
        int bs = s.blockSize();
        for (long b = 0; b < s.blockCount(); b++) {
            long end = Math.min((b + 1) * bs, Math.min(s.durationFrames(), out.length));
            for (long i = b * bs; i < end; i++) {
                double a = Math.abs(out[(int) i]);
                if (a > 1.0 || (a == 1.0 && exactOneClips)) {
                    lastClip = i;
                }
            }
            boolean now = end > 0 && lastClip >= end - hold;
            if (now != flag) {
                changes.add(new long[] {b, now ? 1 : 0});
                flag = now;
            }
        }
        return changes;
    }

    static Optional<String> tuner(Scenario s, RenderResult r) {
        List<LogEvent> log = r.events();
        boolean everOn = s.setup().tuner();
        String last = null;
        for (int i = 0; i < log.size(); i++) {
            LogEvent e = log.get(i);
            if (e.event().equals("apply") && "setTunerEnabled".equals(e.get("msg"))
                    && e.get("seq") instanceof Long seq && seq >= 1 && seq <= s.events().size()
                    && s.events().get((int) (seq - 1)).message() instanceof Message.SetTunerEnabled t && t.enabled()) {
                everOn = true;
            }
            if (!e.event().equals("tuner")) {
                continue;
            }
            if (!everOn) {
                return LogChecks.fail("no tuner reading before the tuner is on", log, i);
            }
            String reading = Objects.toString(e.get("note")) + "/" + e.get("hz") + "/" + e.get("cents");
            if (reading.equals(last)) {
                return LogChecks.fail("a tuner reading is logged once, when it changes: the same reading twice in a row",
                        log, i);
            }
            last = reading;
        }
        return Optional.empty();
    }

    static Optional<String> tunerOnset(Scenario s, RenderResult r) {
        if (s.inputs().size() != 1 || !(s.inputs().get(0) instanceof SourceSpec.Sine sine)
                || sine.freq() < 50 || sine.freq() > 1200 || sine.amp() < 0.01) {
            return Optional.empty();
        }
        Tuner tuner = new Tuner(s.sampleRate(), s.blockSize());
        long hop = tuner.hopFrames();
        long firstEstimate = (tuner.analysisFrames() + hop - 1) / hop * hop;
        int bs = s.blockSize();
        List<LogEvent> log = r.events();
        List<long[]> spans = new ArrayList<>(); // {on frame, off frame}
        long on = s.setup().tuner() ? 0 : -1;
        for (LogEvent e : log) {
            if (e.event().equals("apply") && e.thread().equals("rt") && "setTunerEnabled".equals(e.get("msg"))
                    && e.get("seq") instanceof Long seq && seq >= 1 && seq <= s.events().size()
                    && s.events().get((int) (seq - 1)).message() instanceof Message.SetTunerEnabled t) {
                if (t.enabled() && on < 0) {
                    on = e.frame();
                } else if (!t.enabled() && on >= 0) {
                    spans.add(new long[] {on, e.frame()});
                    on = -1;
                }
            }
        }
        if (on >= 0) {
            spans.add(new long[] {on, s.durationFrames()});
        }
        String note = noteOf(sine.freq());
        for (long[] span : spans) {
            long block = (span[0] + firstEstimate - 1) / bs;
            if (span[0] + firstEstimate > span[1] || (block + 1) * bs > s.durationFrames()
                    || noteShowingBefore(log, block)) {
                continue;
            }
            for (int i = 0; i < log.size(); i++) {
                LogEvent e = log.get(i);
                if (!e.event().equals("tuner") || e.frame() < span[0] || e.get("note") == null) {
                    continue;
                }
                if (e.block() != block || !note.equals(e.get("note"))) {
                    return LogChecks.fail("the tuner's first reading of a steady " + sine.freq() + " Hz sine after it"
                            + " came on at frame " + span[0] + " is logged at the block of its first estimate ("
                            + block + "), naming " + note, log, i);
                }
                break;
            }
            if (log.stream().noneMatch(e -> e.event().equals("tuner") && e.frame() >= span[0] && e.get("note") != null)) {
                return Optional.of("the tuner's first reading of a steady " + sine.freq() + " Hz sine after it came on"
                        + " at frame " + span[0] + " is logged at the block of its first estimate (" + block
                        + "), naming " + note + ": no reading was logged");
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the log's latest reading before {@code block} names a note. The monitor sees one
     * reading per block: a tuner turned back on clears its note and may estimate the same one
     * within one block, so the log rightly shows no change then, and such a span is not judged.
     */
    private static boolean noteShowingBefore(List<LogEvent> log, long block) {
        Object note = null;
        for (LogEvent e : log) {
            if (e.event().equals("tuner") && e.block() < block) {
                note = e.get("note");
            }
        }
        return note != null;
    }

    /** The equal-tempered note nearest {@code hz} (A4 = 440 Hz), as the format names it ("E2", "C#4"). */
    static String noteOf(double hz) {
        String[] names = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
        long midi = Math.round(69 + 12 * Math.log(hz / 440) / Math.log(2));
        return names[(int) Math.floorMod(midi, 12)] + (Math.floorDiv(midi, 12) - 1);
    }

    static Optional<String> defers(Scenario s, RenderResult r) {
        List<LogEvent> log = r.events();
        long sendsBlock = -1;
        int sendsInBlock = 0;
        String queueFull = "command queue full (queueCapacity " + s.limits().queueCapacity() + ")";
        String perBlock = "maxMessagesPerBlock " + s.limits().maxMessagesPerBlock() + " reached this block";
        for (int i = 0; i < log.size(); i++) {
            LogEvent e = log.get(i);
            if (e.event().equals("send")) {
                if (e.block() != sendsBlock) {
                    sendsBlock = e.block();
                    sendsInBlock = 0;
                }
                sendsInBlock++;
            }
            if (!e.event().equals("defer")) {
                continue;
            }
            int sent = e.block() == sendsBlock ? sendsInBlock : 0;
            Object reason = e.get("reason");
            boolean explained = (perBlock.equals(reason) && sent == s.limits().maxMessagesPerBlock())
                    || (queueFull.equals(reason) && sent == s.limits().queueCapacity());
            if (!explained) {
                return LogChecks.fail("a message is deferred only when a limit is reached (" + sent
                        + " sent in this block; queueCapacity " + s.limits().queueCapacity() + ", maxMessagesPerBlock "
                        + s.limits().maxMessagesPerBlock() + ")", log, i);
            }
            if (e.get("at") instanceof Long at && LogChecks.dueBlock(at, s.blockSize()) > e.block()) {
                return LogChecks.fail("a message is deferred only once it is due", log, i);
            }
        }
        return Optional.empty();
    }
}
