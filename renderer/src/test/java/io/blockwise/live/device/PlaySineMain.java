package io.blockwise.live.device;

import io.blockwise.dsp.StageType;
import io.blockwise.engine.Engine;
import io.blockwise.engine.EngineConfig;
import io.blockwise.engine.EngineHandle;
import io.blockwise.render.JvmPrimer;
import io.blockwise.render.RtThread;
import io.blockwise.rt.Collector;
import io.blockwise.rt.EventLog;
import io.blockwise.rt.ResourceRegistry;
import io.blockwise.rt.RetireQueue;
import io.blockwise.scenario.EngineSetup;
import io.blockwise.scenario.StageSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The device test's player, run in a child JVM (whose environment points ALSA at the test's
 * PulseAudio server): a 440 Hz sine through a real engine (preamp and level) on its audio thread,
 * block by block into {@link DeviceOutput}, paced by the device's buffer, while two churn threads
 * fill the heap with garbage (the collector runs often). Prints the device line, how many
 * frames it wrote and the peak of what it wrote. Arguments: SECONDS BUFFER_MS [DEVICE_NAME].
 */
public final class PlaySineMain {
    static final int RATE = 48000;
    static final int BLOCK = 128;

    private PlaySineMain() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = Double.parseDouble(args[0]);
        int bufferFrames = (int) (Double.parseDouble(args[1]) * RATE / 1000);
        String device = args.length > 2 ? args[2] : null;
        JvmPrimer.ensurePrimed();
        RetireQueue retireQueue = new RetireQueue();
        EventLog log = new EventLog();
        ResourceRegistry registry = new ResourceRegistry();
        Engine engine = new Engine(new EngineConfig(RATE, BLOCK, 64, 64, 8), retireQueue);
        EngineHandle handle = new EngineHandle(engine, registry, log);
        Collector collector = new Collector(retireQueue, registry, log);
        handle.installSetup(new EngineSetup(null, null, 1,
                List.of(StageSpec.defaults(StageType.PREAMP).with(0, 1.0), StageSpec.defaults(StageType.LEVEL).with(0, 0.5)),
                null, 1, 0, false, EngineSetup.Metronome.OFF));
        List<Thread> churn = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread c = new Thread(PlaySineMain::churn, "churn-" + t);
            c.setDaemon(true);
            churn.add(c);
        }
        double[] in = new double[BLOCK];
        double[] out = new double[BLOCK];
        double peak = 0;
        long blocks = (long) (seconds * RATE / BLOCK);
        try (RtThread rt = new RtThread(engine);
                DeviceOutput device0 = DeviceOutput.open(device, RATE, 1, bufferFrames, BLOCK)) {
            System.out.println("device: " + device0.description());
            churn.forEach(Thread::start);
            for (long b = 0; b < blocks; b++) {
                for (int i = 0; i < BLOCK; i++) {
                    in[i] = 0.5 * StrictMath.sin(2 * Math.PI * 440 * (b * BLOCK + i) / RATE);
                }
                rt.processBlock(in, out, BLOCK, b * BLOCK);
                handle.drainRtEvents();
                device0.write(out, 0, BLOCK);
                for (double x : out) {
                    peak = Math.max(peak, Math.abs(x));
                }
            }
            device0.drain();
            System.out.println("wrote " + device0.framesWritten() + " frames, device played " + device0.framesPlayed());
            System.out.println("peak " + peak);
            rt.shutdownEngine();
        }
        collector.drain(blocks, blocks * BLOCK);
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
