package io.blockwise.live.device;

import io.blockwise.live.LiveOptions;
import io.blockwise.live.LiveResult;
import io.blockwise.live.LiveSession;
import io.blockwise.render.WavData;
import io.blockwise.render.WavReader;
import io.blockwise.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The device test's player, run in a child JVM (whose environment points ALSA at the test's
 * PulseAudio server): a live session ({@link LiveSession}, the same driver as {@code live
 * --device}) of a 440 Hz sine through a level stage, paced by a {@link DeviceClock}, while two
 * churn threads fill the heap with garbage (the collector runs often). Prints the device line,
 * the session's line and the peak of the session's {@code output.wav}. Arguments: SECONDS
 * BUFFER_BLOCKS OUT_DIR [DEVICE_NAME].
 */
public final class PlaySineMain {
    static final int RATE = 48000;
    static final int BLOCK = 128;

    private PlaySineMain() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = Double.parseDouble(args[0]);
        int bufferBlocks = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        String device = args.length > 3 ? args[3] : null;
        String json = "{\"format\": \"blockwise/1\", \"name\": \"device-sine\", \"sampleRate\": " + RATE
                + ", \"blockSize\": " + BLOCK + ", \"duration\": \"" + seconds + "s\","
                + " \"input\": {\"type\": \"sine\", \"freq\": 440, \"amp\": 0.5},"
                + " \"setup\": {\"chain\": [{\"type\": \"level\", \"gain\": 0.5}]}}";
        List<Thread> churn = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread c = new Thread(PlaySineMain::churn, "churn-" + t);
            c.setDaemon(true);
            churn.add(c);
        }
        DeviceClock clock = DeviceClock.open(device, RATE, BLOCK, bufferBlocks);
        System.out.println("device: " + clock.description());
        churn.forEach(Thread::start);
        LiveResult r = LiveSession.run(ScenarioReader.parse(json, out.resolve("device-sine.json"), false), out,
                LiveOptions.DEFAULT.withPacer(clock.factory(), List.of(clock)));
        System.out.println(r.describe());
        WavData wav = WavReader.read(r.folder().resolve("output.wav"));
        double peak = 0;
        for (double x : wav.channelData()[0]) {
            peak = Math.max(peak, Math.abs(x));
        }
        System.out.println("peak " + peak);
        if (!r.clean()) {
            System.out.println("defects: " + r.defects());
            System.exit(1);
        }
    }

    /** A churn thread: garbage, about 64 MB a second, so the collector runs while the sine plays. */
    private static void churn() {
        long sink = 0;
        while (true) {
            byte[][] junk = new byte[64][];
            for (int i = 0; i < junk.length; i++) {
                junk[i] = new byte[1024];
                sink += junk[i].length;
            }
            if (sink % (1 << 20) == 0) {
                try {
                    Thread.sleep(16);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
