package io.blockwise.fuzz;

import io.blockwise.render.RenderResult;
import io.blockwise.render.WavData;
import io.blockwise.render.WavReader;
import io.blockwise.rt.LogEvent;
import io.blockwise.record.Encoding;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.TimedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Property 8, the click oracle: around an applied message, the output changes no faster than the
 * message's documented glide or crossfade allows, and a refused message changes nothing.
 *
 * <p>The reference is the same scenario rendered without that message (cut short after the
 * message's transition): before the message's block the two outputs are equal to the bit (nothing
 * acts before its block), and from the apply frame {@code f} on their difference {@code d} is the
 * message's effect. Each kind's timing has one home, {@link ChangeTiming}: a warm-up of {@code W}
 * frames (0 for most kinds) during which the new part is fed unheard, then a glide or crossfade of
 * {@code N} frames. During the warm-up nothing may change: {@code |d[f+i]| <= q} for
 * {@code i < W}. A change faded or glided linearly over {@code N} frames from {@code A} (without) to
 * {@code B} (with), starting at the warm-up's end, gives {@code d[f+W+k] = g(k) (B - A)} with
 * {@code g(k) <= (k+1)/N}, so
 * <pre>  |d[f+W+k]| <= min(1, SLACK (k+1) / N) * E + q</pre>
 * where {@code E} is the largest {@code |with| + |without|} from the warm-up's end over the
 * transition ({@code W + N}) and as long again after it (so it bounds {@code |B - A|} once the new
 * sound is heard alone), {@code q} two steps of the output encoding (at least {@link #INAUDIBLE}),
 * and {@link #SLACK} allows for stages whose output moves faster than their parameter (a saturating
 * gain). A message switched at its block (or at its warm-up's end) instead gives {@code d = B - A}
 * at once: a step {@code N / SLACK} times too big; one heard during its warm-up fails the first
 * rule.
 *
 * <table>
 *   <caption>Warm-up {@code W} and ramp {@code N} per kind ({@link ChangeTiming})</caption>
 *   <tr><th>kind</th><th>W</th><th>N</th></tr>
 *   <tr><td>setParameter, setIrGain</td><td>0</td><td>20 ms</td></tr>
 *   <tr><td>swapIr</td><td>0</td><td>its own crossfade</td></tr>
 *   <tr><td>setInputFilters to a filter</td><td>10 ms</td><td>10 ms</td></tr>
 *   <tr><td>setPitchShift to a shift</td><td>the new shifter's latency + 2,048 (3,327 to 7,167 frames: 69 to 149 ms at 48 kHz)</td>
 *     <td>10 ms</td></tr>
 *   <tr><td>setOversampling</td><td>2 x the new oversampler's latency + 5 ms, at least</td><td>10 ms</td></tr>
 *   <tr><td>every other kind (bypasses: {@code Stage.BYPASS_RAMP_SECONDS})</td><td>0</td><td>10 ms</td></tr>
 * </table>
 *
 * <p>A limit for setOversampling: the engine may warm a new chain path up for longer than the
 * minimum (a large state hand-over), which the oracle cannot compute. "Nothing heard" is judged over
 * the minimum warm-up only, and {@code k} counts from the minimum's end, which is still a valid
 * (looser) bound when the crossfade starts later; a warm-up longer than the transition also leaves
 * the new sound unheard in the window {@code E} is taken over, so {@code E} may then underestimate
 * {@code B} (a loud new path judged tight, not a click let through).
 *
 * <p>Where the new sound {@code B} is loudest inside the transition itself (an input impulse at the
 * message's block), {@code E} from the judged render underestimates it; a message that fails the
 * bound is judged again with {@code E} also taken from the render with the message moved earlier by
 * its transition, where {@code B} is heard alone ({@link #earlyReference}).
 *
 * <p>Messages alone in their transition are judged in the render itself, so that {@code d} is
 * theirs alone and no earlier fade is still running (a second {@code replaceStage} of a slot, or a
 * second {@code swapIr}, during a fade ends the older fade with a documented step): no message
 * deferred, and no other applied or refused within twice the longer of the two transitions before
 * or after the judged one's block; at most {@link #MAX_CHECKED} per scenario, of distinct kinds
 * first, each costing one short render. A kind with a warm-up is hardly ever alone in a generated
 * scenario: a pitch shift's transition of 3,800 to 7,650 frames asks for a quiet stretch of 0.16
 * to 0.32 s each side at 48 kHz (more at lower rates, where the shifter's warm-up is the same number
 * of frames), and the generator puts several messages at one frame; in 300 tries of seed 7 not one
 * setPitchShift or setOversampling was alone. So while fewer than {@link #MAX_CHECKED} were judged,
 * the first applied message with a warm-up of a kind not judged yet that is not alone is judged in
 * a copy of the scenario without the messages too close to it, cut after its transition
 * ({@link #isolated}: one render more), if it is applied there at its block and alone.
 * {@code setMetronome} is exempt from the bound (a beat is the sound it asks for) but not from
 * "nothing before its block". Control thread (or a fuzz worker).
 */
final class ClickChecks {
    /** How much faster than its glide a message's effect may grow at the start. */
    static final double SLACK = 8;
    /**
     * A change this small (-100 dBFS) is no click at any level, so the bound never goes below it.
     * Without it a quiet signal fails the bound on inaudible detail: the fresh state of a filter
     * crossfaded in by {@code setInputFilters} starts with a transient that can be several times a
     * -80 dBFS signal, and at the fade's first frame, weighted 1/480, it stepped 1.9e-6 where the
     * bound allowed 1.9e-6 (found by a CI run).
     */
    static final double INAUDIBLE = 1e-5;
    /** Messages judged per scenario (each one more render). */
    static final int MAX_CHECKED = 2;

    /**
     * Message kinds the bound is not applied to (only "nothing before its block" is). Empty: every
     * message kind fades or glides (removeStage, swapStages, setChain and setInputFilters since
     * they learned to fade); a kind added here must say why it may still switch at its block.
     */
    static final Set<String> NOT_YET_FADED = Set.of();

    private ClickChecks() {
    }

    /**
     * Checks the click bound around up to {@link #MAX_CHECKED} lone messages of {@code s}, whose
     * render is {@code r}, and, while fewer were judged, around one message with a warm-up in a copy
     * of {@code s} without its neighbours ({@link #isolated}); {@code render} renders a scenario into
     * a fresh folder.
     */
    static Optional<String> clickFree(Scenario s, RenderResult r, Function<Scenario, RenderResult> render) {
        return clickFree(s, r, render, NOT_YET_FADED, MAX_CHECKED);
    }

    /** As {@link #clickFree(Scenario, RenderResult, Function)}, with the kinds exempt and the number judged given. */
    static Optional<String> clickFree(Scenario s, RenderResult r, Function<Scenario, RenderResult> render,
            Set<String> notYetFaded, int maxChecked) {
        List<Candidate> candidates = candidates(s, r, notYetFaded, maxChecked);
        if (!candidates.isEmpty()) {
            double[][] with = WavReader.read(r.outputWav()).channelData();
            for (Candidate c : candidates) {
                Optional<String> f = check(s, c, with, render, "");
                if (f.isPresent()) {
                    return f;
                }
            }
        }
        return candidates.size() < maxChecked ? isolated(s, r, candidates, notYetFaded, render) : Optional.empty();
    }

    /**
     * The first applied message with a warm-up, of a kind not judged yet, that is not alone in
     * {@code s}: judged in a copy of {@code s} without the messages the lone rule finds too close
     * to it, cut after its transition (one render more, and one for the reference). Empty when
     * there is none, or when in that copy it is refused, deferred, or still not alone.
     */
    private static Optional<String> isolated(Scenario s, RenderResult r, List<Candidate> judged,
            Set<String> notYetFaded, Function<Scenario, RenderResult> render) {
        List<long[]> outcomes = outcomes(s, r);
        Set<String> kinds = new java.util.TreeSet<>();
        for (Candidate c : judged) {
            kinds.add(c.message.message().name());
        }
        for (long[] o : outcomes) {
            int index = (int) o[0] - 1;
            if (o[2] != 1 || index < 0 || index >= s.events().size()) {
                continue;
            }
            TimedMessage m = s.events().get(index);
            ChangeTiming timing = timing(s, m.message());
            if (timing.warmUp() == 0 || kinds.contains(m.message().name())
                    || bound(m.message(), notYetFaded) != Bound.RAMP) {
                continue;
            }
            Set<Long> near = new java.util.TreeSet<>();
            for (long[] x : outcomes) {
                if (x != o && Math.abs(x[1] - o[1]) < 2 * Math.max(timing.transition(), x[3])) {
                    near.add(x[0]);
                }
            }
            if (near.isEmpty()) {
                continue;
            }
            List<TimedMessage> kept = new ArrayList<>();
            for (int i = 0; i < s.events().size(); i++) {
                if (!near.contains(i + 1L)) {
                    kept.add(s.events().get(i));
                }
            }
            Scenario alone = ScenarioEdits.cut(ScenarioEdits.withEvents(s, kept), o[1] + 2 * timing.transition());
            RenderResult ra = render.apply(alone);
            for (Candidate c : candidates(alone, ra, notYetFaded, Integer.MAX_VALUE)) {
                if (c.message.equals(m)) {
                    return check(alone, c, WavReader.read(ra.outputWav()).channelData(), render,
                            ", judged without the " + near.size() + " message(s) applied within its transition");
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> check(Scenario s, Candidate c, double[][] with,
            Function<Scenario, RenderResult> render, String note) {
        long end = Math.min(s.durationFrames(), c.frame + 2L * c.timing.transition());
        List<TimedMessage> others = new ArrayList<>(s.events());
        others.remove(c.index);
        Scenario without = ScenarioEdits.cut(ScenarioEdits.withEvents(s, others), end);
        double[][] ref = WavReader.read(render.apply(without).outputWav()).channelData();
        String what = c.message.message().name() + " at frame " + c.message.atFrame() + " (applied at frame " + c.frame
                + ", seq " + (c.index + 1) + note + ")";
        double[][] early = null;
        double q = Math.max(2 * quantum(s.output().encoding()), INAUDIBLE);
        for (int ch = 0; ch < ref.length; ch++) {
            double[] a = with[ch];
            double[] b = ref[ch];
            int n = (int) Math.min(end, Math.min(a.length, b.length));
            for (int i = 0; i < Math.min(n, c.frame); i++) {
                if (a[i] != b[i]) {
                    return Optional.of("a message changes nothing before its block: " + what
                            + " changes frame " + i + " (" + a[i] + " with it, " + b[i] + " without)");
                }
            }
            if (!c.applied || c.bound == Bound.UNCHANGED) {
                for (int i = (int) c.frame; i < n; i++) {
                    if (a[i] != b[i]) {
                        return Optional.of((c.applied ? "a " + c.message.message().name() + " leaves the output as it is"
                                : "a refused message changes nothing") + ": " + what + " changes frame " + i + " ("
                                + a[i] + " with it, " + b[i] + " without)");
                    }
                }
                continue;
            }
            if (c.bound != Bound.RAMP) {
                continue;
            }
            // A kind that warms its new part up unheard first (setInputFilters, setPitchShift,
            // setOversampling) changes nothing during the warm-up, and its crossfade is judged
            // from the warm-up's end.
            int heard = (int) Math.min(n, c.frame + c.timing.warmUp());
            for (int i = (int) c.frame; i < heard; i++) {
                if (Math.abs(a[i] - b[i]) > q) {
                    return Optional.of("a change is not heard while its new part warms up: " + what + " changes frame "
                            + i + " (" + a[i] + " with it, " + b[i] + " without)");
                }
            }
            if (heard == n) {
                continue;
            }
            double e = 0;
            for (int i = heard; i < n; i++) {
                e = Math.max(e, Math.abs(a[i]) + Math.abs(b[i]));
            }
            Optional<String> excess = excess(a, b, n, c, heard, e, q, what);
            if (excess.isPresent()) {
                if (early == null) {
                    early = earlyReference(s, c, render);
                }
                if (early != null) {
                    double[] x = early[ch];
                    for (int i = heard; i < Math.min(n, x.length); i++) {
                        e = Math.max(e, Math.abs(x[i]) + Math.abs(b[i]));
                    }
                    excess = excess(a, b, n, c, heard, e, q, what);
                }
            }
            if (excess.isPresent()) {
                return excess;
            }
        }
        return Optional.empty();
    }

    /** The first frame of the transition where {@code |a - b|} exceeds the bound for a change of size {@code e}. */
    private static Optional<String> excess(double[] a, double[] b, int n, Candidate c, int heard, double e, double q,
            String what) {
        long ramp = c.timing.ramp();
        for (int i = heard; i < Math.min(n, heard + ramp); i++) {
            long k = i - heard;
            double allowed = Math.min(1, SLACK * (k + 1) / ramp) * e * (1 + 1e-6) + q;
            double d = Math.abs(a[i] - b[i]);
            if (d > allowed) {
                return Optional.of("the output glides into a message's change (at most " + fmt(SLACK)
                        + " x (k+1)/" + ramp + " of the change, k frames after " + (heard == c.frame ? "its block" : "its warm-up")
                        + "): " + what
                        + " changes frame " + i + " (k=" + k + ") by " + fmt(d) + ", allowed " + fmt(allowed)
                        + " (E " + fmt(e) + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * The output with the message moved earlier by whole blocks, at least its transition, so
     * that over {@code [f, f + N)} the new sound is heard alone: its {@code |early|} bounds
     * {@code |B|} where {@code B} is never heard alone in the judged render (an impulse or an
     * onset at the message's own block, which is gone by the time the fade ends: seed 7, try 1615,
     * a {@code setChain} from a closed noise gate at the frame of an input impulse). Null when the
     * message cannot move (too close to the start, or another message within a transition of the
     * earlier frame). One more render, only for a message that failed the first bound.
     */
    private static double[][] earlyReference(Scenario s, Candidate c, Function<Scenario, RenderResult> render) {
        long transition = c.timing.transition();
        long shift = (transition + s.blockSize() - 1) / s.blockSize() * s.blockSize();
        long at = c.frame - shift;
        if (at < 0) {
            return null;
        }
        List<TimedMessage> events = new ArrayList<>();
        for (int i = 0; i < s.events().size(); i++) {
            TimedMessage t = s.events().get(i);
            if (i == c.index) {
                events.add(new TimedMessage(at, t.fileIndex(), t.position(), t.message()));
            } else if (t.atFrame() > at - transition && t.atFrame() <= c.frame) {
                return null;
            } else {
                events.add(t);
            }
        }
        long end = Math.min(s.durationFrames(), c.frame + 2L * transition);
        Scenario early = ScenarioEdits.cut(ScenarioEdits.withEvents(s, events), end);
        return WavReader.read(render.apply(early).outputWav()).channelData();
    }

    /** The messages judged: alone in their transition, applied or refused, distinct kinds first. */
    static List<Candidate> candidates(Scenario s, RenderResult r, Set<String> notYetFaded, int maxChecked) {
        List<long[]> outcomes = outcomes(s, r);
        List<Candidate> lone = new ArrayList<>();
        for (int j = 0; j < outcomes.size(); j++) {
            long[] o = outcomes.get(j);
            int index = (int) o[0] - 1;
            if (index < 0 || index >= s.events().size()) {
                continue;
            }
            TimedMessage m = s.events().get(index);
            ChangeTiming timing = timing(s, m.message());
            long transition = timing.transition();
            long from = o[1];
            boolean alone = true;
            for (int x = 0; x < outcomes.size() && alone; x++) {
                alone = x == j || Math.abs(outcomes.get(x)[1] - from) >= 2 * Math.max(transition, outcomes.get(x)[3]);
            }
            if (alone) {
                lone.add(new Candidate(index, m, from, timing, o[2] == 1, bound(m.message(), notYetFaded)));
            }
        }
        List<Candidate> picked = new ArrayList<>();
        Set<String> kinds = new java.util.TreeSet<>();
        for (Candidate c : lone) {
            if (picked.size() < maxChecked && kinds.add(c.message.message().name())) {
                picked.add(c);
            }
        }
        for (Candidate c : lone) {
            if (picked.size() < maxChecked && !picked.contains(c)) {
                picked.add(c);
            }
        }
        return picked;
    }

    /**
     * Each message's outcome on the audio thread, in log order: {seq, frame, applied (1) or refused
     * (0), transition frames}. None at all when a message was deferred (its frame is not its own).
     */
    private static List<long[]> outcomes(Scenario s, RenderResult r) {
        List<long[]> outcomes = new ArrayList<>();
        for (LogEvent e : r.events()) {
            if (e.event().equals("defer")) {
                return List.of();
            }
            if ((e.event().equals("apply") || e.event().equals("reject")) && e.thread().equals("rt")
                    && !LogChecks.NEVER_APPLIED.equals(e.get("reason")) && e.get("seq") instanceof Long seq) {
                long t = seq >= 1 && seq <= s.events().size()
                        ? timing(s, s.events().get((int) (seq - 1)).message()).transition() : 1;
                outcomes.add(new long[] {seq, e.frame(), e.event().equals("apply") ? 1 : 0, t});
            }
        }
        return outcomes;
    }

    /** How an applied message may change the output. */
    enum Bound {
        /** Not at all (recording). */
        UNCHANGED,
        /** Within the linear transition bound. */
        RAMP,
        /** Anyhow from its block on (a metronome's beat; a kind not faded yet). */
        FREE
    }

    static Bound bound(Message m, Set<String> notYetFaded) {
        if (m instanceof Message.StartRecording || m instanceof Message.StopRecording) {
            return Bound.UNCHANGED;
        }
        if (m instanceof Message.SetMetronome || notYetFaded.contains(m.name())) {
            return Bound.FREE;
        }
        return Bound.RAMP;
    }

    /** The documented timing of {@code m} in the engine that renders {@code s}. */
    static ChangeTiming timing(Scenario s, Message m) {
        return ChangeTiming.of(m, s.sampleRate(), s.blockSize());
    }

    private static double quantum(Encoding e) {
        switch (e) {
            case PCM16: return 1.0 / 32768;
            case PCM24: return 1.0 / 8388608;
            default: return 1e-7;
        }
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    record Candidate(int index, TimedMessage message, long frame, ChangeTiming timing, boolean applied,
            Bound bound) { }
}
