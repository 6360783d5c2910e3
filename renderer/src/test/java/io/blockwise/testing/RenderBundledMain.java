package io.blockwise.testing;

import io.blockwise.golden.GoldenRuns;
import io.blockwise.render.OfflineRenderer;
import io.blockwise.render.RenderOptions;
import io.blockwise.render.RenderResult;
import io.blockwise.scenario.ScenarioReader;
import io.blockwise.render.RtThread;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;

/**
 * Run in a fresh JVM by tests: renders every bundled scenario once into {@code args[1]} and prints
 * one line per scenario, {@code NAME rt-alloc N defects D}. With {@code args[0] = jfr} it also
 * records, to {@code args[2]}, every allocation outside a TLAB (run it with -XX:-UseTLAB so that
 * every allocation is one) and every monitor enter, park, sleep and file or socket I/O, with
 * stack traces, for {@code RtForensicsTest} to attribute to the audio thread; {@code jfr-planted}
 * does the same with every {@code level} stage allocating on purpose, to show the check bites.
 */
public final class RenderBundledMain {
    private RenderBundledMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean jfr = args[0].startsWith("jfr");
        boolean planted = args[0].equals("jfr-planted");
        Path out = Path.of(args[1]);
        Recording recording = null;
        if (jfr) {
            recording = new Recording();
            recording.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
            for (String blocking : new String[] {"jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.ThreadPark",
                    "jdk.ThreadSleep", "jdk.FileRead", "jdk.FileWrite", "jdk.SocketRead", "jdk.SocketWrite"}) {
                recording.enable(blocking).withThreshold(Duration.ZERO).withStackTrace();
            }
            recording.start();
        }
        for (Path scenario : Bundled.scenarios()) {
            RenderResult r = planted
                    ? OfflineRenderer.render(ScenarioReader.read(scenario), out,
                            RenderOptions.DEFAULT.withHooks(TestDefects.allocatingLevel()))
                    : GoldenRuns.render(scenario, out);
            System.out.println(r.name() + " rt-alloc " + r.eventCounts().getOrDefault("rt-alloc", 0L)
                    + " defects " + r.defects().size());
        }
        if (recording != null) {
            recording.stop();
            recording.dump(Path.of(args[2]));
        }
        System.out.println("audio thread " + RtThread.NAME);
    }
}
