package io.blockwise.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.record.Encoding;
import io.blockwise.render.OfflineRenderer;
import io.blockwise.render.RenderOptions;
import io.blockwise.render.RenderResult;
import io.blockwise.render.WavReader;
import io.blockwise.render.WavWriter;
import io.blockwise.scenario.Message;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioReader;
import io.blockwise.scenario.TimedMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The click oracle on the three kinds that feed their new part unheard before crossfading to it
 * (setInputFilters, setPitchShift, setOversampling), each a lone message on a steady sine: the
 * engine's own render passes; an output that switches to the new sound at the warm-up's end without
 * a crossfade fails; one that crossfades at the message's block, so the new sound is heard during
 * the warm-up, fails. The doctored outputs are spliced from real renders: without the message
 * ({@code A}), and with it applied early enough that the new sound ({@code B}) is heard alone from
 * the judged message's block on. The warm-ups themselves ({@link ChangeTiming}) are pinned to the
 * engine: its render first differs from the one without the message at the warm-up's end. A pitch
 * change beside another message, never alone in its transition, is judged in a copy without that
 * message.
 */
class ClickChecksWarmUpTest {
    /** The judged message's frame, on a block edge (block 112 of 64 frames, 0.149 s at 48 kHz). */
    private static final long AT = 7168;

    @TempDir
    Path dir;

    private final AtomicInteger renders = new AtomicInteger();

    private static String yaml(String setup, String chain, String event, String at) {
        return "format: blockwise/1\nname: warm\nsampleRate: 48000\nblockSize: 64\nduration: 0.4s\n"
                + "input:\n  - {type: sine, freq: 440, amp: 0.5}\n"
                + "setup: {" + setup + "chain: " + chain + "}\n"
                + "events:\n  - {at: " + at + ", " + event + "}\n";
    }

    /**
     * The pitch change of {@link #PITCH} with a level glide at the same frame: not alone, so it
     * is judged in a copy without the glide.
     */
    private static final Scenario CROWDED = ScenarioReader.parse(
            yaml("", "[{type: level, gain: 1}]", "do: setPitchShift, semitones: 7", String.valueOf(AT))
                    + "  - {at: " + AT + ", do: setParameter, stage: 0, param: gain, value: 0.8}\n",
            Path.of("crowded.yaml"), true);

    /** A kind's lone message: its scenario at {@link #AT} and the same with the message at frame 0. */
    private record Kind(Scenario judged, Scenario early) {
        static Kind of(String setup, String chain, String event) {
            return new Kind(ScenarioReader.parse(yaml(setup, chain, event, String.valueOf(AT)), Path.of("warm.yaml"), true),
                    ScenarioReader.parse(yaml(setup, chain, event, "0"), Path.of("early.yaml"), true));
        }

        ChangeTiming timing() {
            return ClickChecks.timing(judged, judged.events().get(0).message());
        }
    }

    private static final Kind FILTERS = Kind.of("", "[{type: level, gain: 1}]",
            "do: setInputFilters, highpass: 2000, lowpass: null");
    private static final Kind PITCH = Kind.of("", "[{type: level, gain: 1}]", "do: setPitchShift, semitones: 7");
    private static final Kind OVERSAMPLING = Kind.of("",
            "[{type: preamp, gain: 6, bias: 0.1}, {type: level, gain: 1}]", "do: setOversampling, factor: 4");

    private RenderResult render(Scenario s) {
        return OfflineRenderer.render(s, dir.resolve("r" + renders.incrementAndGet()), RenderOptions.DEFAULT);
    }

    private double[] mono(RenderResult r) {
        double[][] d = WavReader.read(r.outputWav()).channelData();
        assertEquals(1, d.length, "mono renders");
        return d[0];
    }

    private Optional<String> judge(Scenario s, RenderResult with) {
        return ClickChecks.clickFree(s, with, this::render, ClickChecks.NOT_YET_FADED, 4);
    }

    /**
     * The render of {@code x} with its output, from {@link #AT} on, made of {@code A} (x without its
     * first message) and {@code B} (x with that message at frame 0, heard alone by {@code AT}):
     * frame {@code i} is {@code mix(i - AT, A, B)}; the log is the real one.
     */
    private RenderResult doctored(Scenario x, FrameMix mix) {
        RenderResult with = render(x);
        List<TimedMessage> events = new ArrayList<>(x.events());
        TimedMessage m = events.remove(0);
        double[] a = mono(render(ScenarioEdits.withEvents(x, events)));
        events.add(0, new TimedMessage(0, m.fileIndex(), m.position(), m.message()));
        double[] b = mono(render(ScenarioEdits.withEvents(x, events)));
        double[] out = mono(with).clone();
        double largest = 0;
        for (int i = (int) AT; i < out.length; i++) {
            out[i] = mix.at(i - AT).applyAsDouble(a[i], b[i]);
            largest = Math.max(largest, Math.abs(b[i] - a[i]));
        }
        // The new sound differs from the old by more than the bound's floor: the splice is audible.
        assertTrue(largest > 0.05, "B - A is at most " + largest);
        Path f = dir.resolve("doctored" + renders.incrementAndGet());
        try {
            Files.createDirectories(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (WavWriter w = WavWriter.open(f.resolve("output.wav"), 48000, 1, Encoding.FLOAT32)) {
            w.write(out, 0, out.length);
            w.commit();
        }
        return new RenderResult(with.name(), f, with.frames(), with.blockSize(), with.blocks(), with.audioSeconds(),
                with.wallNanos(), with.processTimes(), with.handOffs(), with.scenario(), with.output(), with.events(),
                with.eventCounts(), with.defects());
    }

    /** How the doctored output mixes {@code A} and {@code B} {@code k} frames after the message's block. */
    private interface FrameMix {
        DoubleBinaryOperator at(long k);
    }

    /** {@code A} through the warm-up, then {@code B} at once. */
    private static FrameMix switchedAfter(long warmUp) {
        return k -> (a, b) -> k < warmUp ? a : b;
    }

    /** A linear crossfade over {@code ramp} frames from the block itself: the warm-up skipped. */
    private static FrameMix crossfadedAtTheBlock(long ramp) {
        return k -> (a, b) -> {
            double g = Math.min(1, (k + 1) / (double) ramp);
            return (1 - g) * a + g * b;
        };
    }

    private void passesTheEnginesRender(Kind k) {
        assertEquals(Optional.empty(), judge(k.judged(), render(k.judged())));
    }

    private void failsASwitchAtTheWarmUpsEnd(Kind k) {
        ChangeTiming t = k.timing();
        Optional<String> f = judge(k.judged(), doctored(k.judged(), switchedAfter(t.warmUp())));
        assertTrue(f.isPresent() && f.get().contains("glides into") && f.get().contains("after its warm-up"),
                f.toString());
    }

    private void failsASoundHeardDuringTheWarmUp(Kind k) {
        ChangeTiming t = k.timing();
        Optional<String> f = judge(k.judged(), doctored(k.judged(), crossfadedAtTheBlock(t.ramp())));
        assertTrue(f.isPresent() && f.get().contains("not heard while its new part warms up"), f.toString());
    }

    /** The first frame where the engine's render with the message differs from the one without it. */
    private long firstHeardFrame(Kind k) {
        double[] with = mono(render(k.judged()));
        double[] without = mono(render(ScenarioEdits.withEvents(k.judged(), List.of())));
        for (int i = 0; i < Math.min(with.length, without.length); i++) {
            if (Math.abs(with[i] - without[i]) > 1e-9) {
                return i;
            }
        }
        return -1;
    }

    /** Renders {@code x}, doctored by {@code mix} when it holds the pitch change at {@link #AT}. */
    private Function<Scenario, RenderResult> plantedPitch(FrameMix mix) {
        return x -> !x.events().isEmpty() && x.events().get(0).atFrame() == AT
                && x.events().get(0).message() instanceof Message.SetPitchShift ? doctored(x, mix) : render(x);
    }

    @Test
    void aPitchChangeBesideAnotherMessageIsJudgedWithoutIt() {
        long warmUp = PITCH.timing().warmUp();
        assertEquals(Optional.empty(), judge(CROWDED, render(CROWDED)));
        Optional<String> f = ClickChecks.clickFree(CROWDED, render(CROWDED), plantedPitch(switchedAfter(warmUp)),
                ClickChecks.NOT_YET_FADED, 4);
        assertTrue(f.isPresent() && f.get().contains("setPitchShift") && f.get().contains("after its warm-up")
                && f.get().contains("judged without the 1 message(s)"), f.toString());
        f = ClickChecks.clickFree(CROWDED, render(CROWDED), plantedPitch(crossfadedAtTheBlock(480)),
                ClickChecks.NOT_YET_FADED, 4);
        assertTrue(f.isPresent() && f.get().contains("not heard while its new part warms up"), f.toString());
    }

    @Test
    void newInputFiltersAreFedUnheardForOneCrossfadeThenCrossfaded() {
        assertEquals(new ChangeTiming(480, 480), FILTERS.timing());
        assertEquals(AT + 480, firstHeardFrame(FILTERS));
    }

    @Test
    void aNewPitchShifterIsFedUnheardForItsLatencyAndOneAnalysisFrame() {
        // +7 semitones: ratio 1.498, grain reach floor(1024 / 1.498) = 683, latency 1024 + 683.
        assertEquals(new ChangeTiming(1024 + 683 + 2048, 480), PITCH.timing());
        assertEquals(AT + PITCH.timing().warmUp(), firstHeardFrame(PITCH));
        // The extremes: reach 255 at +24 (4 x 256 is not below 1024), 4,095 at -24.
        assertEquals(1024 + 255 + 2048, ChangeTiming.of(new Message.SetPitchShift(24), 48000, 64).warmUp());
        assertEquals(1024 + 4095 + 2048, ChangeTiming.of(new Message.SetPitchShift(-24), 48000, 64).warmUp());
        assertEquals(new ChangeTiming(0, 480), ChangeTiming.of(new Message.SetPitchShift(0), 48000, 64));
    }

    @Test
    void aNewOversamplingPathIsFedUnheardForTwiceItsLatencyAndFiveMilliseconds() {
        ChangeTiming t = OVERSAMPLING.timing();
        assertEquals(480, t.ramp());
        assertEquals(2L * new io.blockwise.dsp.Oversampler(4, 64).latencyFrames() + 240, t.warmUp());
        assertEquals(AT + t.warmUp(), firstHeardFrame(OVERSAMPLING));
    }

    @Test
    void theEnginesInputFilterChangePasses() {
        passesTheEnginesRender(FILTERS);
    }

    @Test
    void inputFiltersSwitchedAtTheWarmUpsEndAreAClick() {
        failsASwitchAtTheWarmUpsEnd(FILTERS);
    }

    @Test
    void inputFiltersHeardDuringTheirWarmUpFail() {
        failsASoundHeardDuringTheWarmUp(FILTERS);
    }

    @Test
    void theEnginesPitchChangePasses() {
        passesTheEnginesRender(PITCH);
    }

    @Test
    void aPitchShifterSwitchedAtItsWarmUpsEndIsAClick() {
        failsASwitchAtTheWarmUpsEnd(PITCH);
    }

    @Test
    void aPitchShifterHeardDuringItsWarmUpFails() {
        failsASoundHeardDuringTheWarmUp(PITCH);
    }

    @Test
    void theEnginesOversamplingChangePasses() {
        passesTheEnginesRender(OVERSAMPLING);
    }

    @Test
    void anOversamplingPathSwitchedAtItsWarmUpsEndIsAClick() {
        failsASwitchAtTheWarmUpsEnd(OVERSAMPLING);
    }

    @Test
    void anOversamplingPathHeardDuringItsWarmUpFails() {
        failsASoundHeardDuringTheWarmUp(OVERSAMPLING);
    }
}
