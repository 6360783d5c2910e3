package io.blockwise.live.device;

import io.blockwise.live.LiveOptions;
import io.blockwise.live.LiveResult;
import io.blockwise.live.LiveSession;
import io.blockwise.render.WavData;
import io.blockwise.render.WavReader;
import io.blockwise.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.List;

/**
 * The device test's player, run in a child JVM (whose environment points ALSA at the test's
 * PulseAudio server): a live session ({@link LiveSession}, the same driver as {@code live
 * --device}) of a 440 Hz sine through a level stage, paced by a {@link DeviceClock}, while
 * {@link #CHURN_THREADS} churn threads send messages as fast as the engine takes them
 * ({@link InaudibleChurn}: the live churn's message path, leaving the sine's sound alone). Runs
 * the driver and the audio thread under {@code SCHED_FIFO} where permitted, as {@code ./blockwise
 * live} does. Prints the device line, the session's line (messages sent, applied, refused) and the
 * peak of the session's {@code output.wav}. Arguments: SECONDS BUFFER_BLOCKS OUT_DIR [DEVICE_NAME].
 */
public final class PlaySineMain {
    static final int RATE = 48000;
    static final int BLOCK = 128;
    static final int CHURN_THREADS = 4;

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
                + " \"setup\": {\"chain\": [{\"type\": \"level\", \"gain\": " + InaudibleChurn.GAIN + "}]},"
                + " \"limits\": {\"queueCapacity\": 16, \"maxMessagesPerBlock\": 4, \"maxChainLength\": 6}}";
        DeviceClock clock = DeviceClock.open(device, RATE, BLOCK, bufferBlocks);
        System.out.println("device: " + clock.description());
        LiveResult r = LiveSession.run(ScenarioReader.parse(json, out.resolve("device-sine.json"), false), out,
                LiveOptions.DEFAULT.withPacer(clock.factory(), List.of(clock)).withChurn(CHURN_THREADS)
                        .withChurnSource(InaudibleChurn::new).withRtPriority(70));
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
}
