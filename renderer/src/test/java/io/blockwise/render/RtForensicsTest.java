package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names the cause when the audio thread breaks its rule. A fresh JVM renders every bundled
 * scenario with {@code -XX:-UseTLAB} (so every allocation is a JFR
 * {@code ObjectAllocationOutsideTLAB} event) while recording monitor enters, parks, sleeps and
 * file and socket I/O with no threshold; every such event on {@code blockwise-rt} inside
 * {@code Engine.process} or {@code Engine.shutdown} fails the test with its stack. This is how
 * the class whose string constants still needed interning (sun.misc.Unsafe, reached by JCTools)
 * was found; it is also the audio thread's blocking check ({@code rt-block}).
 */
class RtForensicsTest {
    @TempDir
    Path tmp;

    @Test
    void theAudioThreadNeitherAllocatesNorBlocksInsideProcessUnderJfr() throws Exception {
        Offences o = record("jfr");
        assertEquals(Map.of(), o.counts, String.join("\n\n", o.examples));
    }

    @Test
    void aPlantedAllocatingStageIsNamedWithItsLine() throws Exception {
        Offences o = record("jfr-planted");
        assertTrue(o.counts.keySet().stream().anyMatch(k -> k.startsWith(
                "jdk.ObjectAllocationOutsideTLAB at io.blockwise.testing.TestDefects$Defective.process:")), o.counts.toString());
    }

    private record Offences(Map<String, Integer> counts, List<String> examples) { }

    private Offences record(String mode) throws Exception {
        Path jfr = tmp.resolve(mode + ".jfr");
        FreshJvmRenderTest.runFreshJvm(List.of("-XX:-UseTLAB"), List.of(mode, tmp.resolve(mode).toString(), jfr.toString()));
        Map<String, Integer> offences = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (e.getThread() == null || !RtThread.NAME.equals(e.getThread().getJavaName())) {
                continue;
            }
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || !insideEngine(st)) {
                continue;
            }
            String key = e.getEventType().getName() + " at " + describe(st.getFrames().get(0));
            if (offences.merge(key, 1, Integer::sum) == 1 && examples.size() < 5) {
                examples.add(key + "\n" + stack(st));
            }
        }
        return new Offences(offences, examples);
    }

    private static boolean insideEngine(RecordedStackTrace st) {
        for (RecordedFrame f : st.getFrames()) {
            String type = f.getMethod().getType().getName();
            String name = f.getMethod().getName();
            if (type.equals("io.blockwise.engine.Engine") && (name.equals("process") || name.equals("shutdown"))) {
                return true;
            }
        }
        return false;
    }

    private static String describe(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName() + ":" + f.getLineNumber()
                + " (" + f.getType() + ")";
    }

    private static String stack(RecordedStackTrace st) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (RecordedFrame f : st.getFrames()) {
            sb.append("    ").append(describe(f)).append('\n');
            if (++n == 12) {
                break;
            }
        }
        return sb.toString();
    }
}
