package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.engine.Engine;
import io.blockwise.engine.EngineConfig;
import io.blockwise.rt.RetireQueue;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioReader;
import io.blockwise.testing.Bundled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The driver hands the audio thread runs of blocks between the points where the schedule needs
 * the control side. These tests hold the promise that makes that safe: every output byte is the
 * same whatever the run length (block by block, odd lengths, the default), in offline and lockstep
 * mode, and the run ends exactly at a block that published something.
 */
class RunHandOffTest {
    @TempDir
    Path tmp;

    static Stream<Path> scenarios() {
        return Bundled.scenarios().stream();
    }

    @ParameterizedTest(name = "{0} renders the same bytes block by block and in runs of any length")
    @MethodSource("scenarios")
    void everyBundledScenarioRendersTheSameBytesWhateverTheRunLength(Path file) throws IOException {
        Scenario s = ScenarioReader.read(file);
        RenderResult blockByBlock = OfflineRenderer.render(s, tmp.resolve("one"),
                RenderOptions.DEFAULT.withMaxRunBlocks(1));
        assertEquals(s.blockCount(), blockByBlock.handOffs(), "a run of one block per hand-off");
        List<RenderOptions> others = List.of(
                RenderOptions.DEFAULT,
                RenderOptions.DEFAULT.withMaxRunBlocks(3),
                RenderOptions.DEFAULT.withMaxRunBlocks(7).withMode(RenderOptions.Mode.LOCKSTEP),
                RenderOptions.DEFAULT.withMode(RenderOptions.Mode.LOCKSTEP));
        int i = 0;
        for (RenderOptions o : others) {
            RenderResult r = OfflineRenderer.render(s, tmp.resolve("run" + i++), o);
            assertEquals(blockByBlock.defects(), r.defects(), o.toString());
            for (String f : deterministicFiles(blockByBlock.folder())) {
                assertArrayEquals(Files.readAllBytes(blockByBlock.folder().resolve(f)),
                        Files.readAllBytes(r.folder().resolve(f)), f + " differs with " + o);
            }
        }
    }

    @Test
    void aRenderWithNothingForTheControlSideHandsOffOncePerFullRun() {
        // 2 s at 48 kHz, block 128: 750 blocks; runs hold 32768 / 128 = 256 blocks, so 3 runs.
        String json = """
                {"format": "blockwise/1", "name": "quiet", "sampleRate": 48000, "blockSize": 128,
                 "duration": "2s", "input": {"type": "sine", "freq": 220, "amp": 0.3},
                 "setup": {"chain": [{"type": "level", "gain": 0.5}]}}""";
        RenderResult r = ScenarioRuns.render(json, tmp);
        assertEquals(750, r.blocks());
        assertEquals((750 + 255) / 256, r.handOffs());
    }

    @Test
    void aMessageDueInTheMiddleSplitsTheRunBeforeItsBlock() {
        // An event at frame 12800 is due at block 100 = ceil(12800 / 128), so the first run is
        // [0, 100); 1 s at block 128 is 375 blocks.
        String json = """
                {"format": "blockwise/1", "name": "split", "sampleRate": 48000, "blockSize": 128,
                 "duration": "1s", "input": {"type": "sine", "freq": 220, "amp": 0.3},
                 "setup": {"chain": [{"type": "level", "gain": 0.5}]},
                 "events": [{"at": 12800, "do": "setParameter", "stage": 0, "param": "gain", "value": 0.7}]}""";
        RenderResult r = ScenarioRuns.render(json, tmp);
        // The block that applies it publishes an `apply` event, which ends that run after it:
        // [0, 100), [100, 101), [101, 357), [357, 375).
        assertEquals(4, r.handOffs());
        LogLine apply = LogLine.of(ScenarioRuns.events(r, "apply").get(0));
        assertEquals(100, apply.block());
    }

    @Test
    void theAudioThreadEndsARunAfterTheBlockWhereTheClipFlagRises() {
        int bs = 64;
        Engine engine = new Engine(new EngineConfig(48000, bs, 8, 8, 8), new RetireQueue());
        double[] in = new double[10 * bs];
        in[4 * bs + 17] = 1.5; // full scale in block 4 only
        double[] out = new double[10 * bs];
        try (RtThread rt = new RtThread(engine, bs, 10)) {
            assertEquals(5, rt.processRun(in, out, 10, 0, 100_000), "blocks 0..4, ending with the clip");
            assertEquals(0, rt.allocatedBytes(4));
            // The flag is held (a second): the next run has nothing new to say and goes to the end.
            double[] silence = new double[10 * bs];
            assertEquals(10, rt.processRun(silence, out, 10, 5L * bs, 100_000));
        }
    }

    @Test
    void theRunStopsAtTheEndFrameWithAShortLastBlock() {
        int bs = 64;
        Engine engine = new Engine(new EngineConfig(48000, bs, 8, 8, 8), new RetireQueue());
        double[] in = new double[4 * bs];
        for (int i = 0; i < in.length; i++) {
            in[i] = 0.001 * (i + 1);
        }
        double[] out = new double[4 * bs];
        try (RtThread rt = new RtThread(engine, bs, 4)) {
            // 3 blocks, the last one 10 frames long: frames past 2 * 64 + 10 are never written.
            assertEquals(3, rt.processRun(in, out, 3, 0, 2 * bs + 10));
        }
        for (int i = 0; i < 2 * bs + 10; i++) {
            assertEquals(in[i], out[i], "frame " + i + " passes through an empty rig");
        }
        for (int i = 2 * bs + 10; i < out.length; i++) {
            assertEquals(0.0, out[i], "frame " + i + " lies past the end");
        }
    }

    @Tag("soak") // left out of the mutation profiles (TESTING.md, "Mutation score")
    @Test
    void handOffsNeverLoseAWakeUpWhenEitherSideParks() {
        // The driver sometimes works long enough for the audio thread to park, and the audio
        // thread's runs are sometimes long enough for the driver to park: 3000 hand-offs must all
        // complete (a lost wake-up would hang here until the timeout).
        int bs = 32;
        Engine engine = new Engine(new EngineConfig(48000, bs, 8, 8, 8), new RetireQueue());
        SplittableRandom random = new SplittableRandom(42);
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            try (RtThread rt = new RtThread(engine, bs, 64)) {
                double[] in = new double[64 * bs];
                double[] out = new double[64 * bs];
                long frame = 0;
                for (int i = 0; i < 3000; i++) {
                    int blocks = 1 + random.nextInt(64);
                    int done = rt.processRun(in, out, blocks, frame, Long.MAX_VALUE);
                    assertEquals(blocks, done);
                    frame += (long) done * bs;
                    if (random.nextInt(8) == 0) {
                        Thread.sleep(0, 200_000); // long enough to make the audio thread park
                    }
                }
            }
        });
    }

    private static List<String> deterministicFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("summary.json")).sorted().toList();
            assertTrue(names.contains("output.wav") && names.contains("events.jsonl"), names.toString());
            return names;
        }
    }

    /** The block of a log event. */
    private record LogLine(long block) {
        static LogLine of(io.blockwise.rt.LogEvent e) {
            return new LogLine(e.block());
        }
    }
}
