package io.blockwise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.record.Encoding;
import io.blockwise.scenario.IrSpec;
import io.blockwise.scenario.Scenario;
import io.blockwise.scenario.ScenarioException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An IR file's rate and length are checked before it is resampled; non-finite samples are refused. */
class IrLibraryLimitsTest {
    @TempDir
    Path dir;

    Path ir(String name, int rate, double[] samples) {
        Path p = dir.resolve(name);
        try (WavWriter w = WavWriter.open(p, rate, 1, Encoding.FLOAT32)) {
            w.write(samples, 0, samples.length);
            w.commit();
        }
        return p;
    }

    Scenario withIr(Path ir) {
        return ScenarioRuns.parse("{\"format\": \"blockwise/1\", \"name\": \"t\", \"sampleRate\": 48000, \"blockSize\": 128,"
                + " \"duration\": 4800, \"input\": {\"type\": \"silence\"},"
                + " \"setup\": {\"chain\": [], \"ir\": {\"type\": \"file\", \"path\": \"" + ir.getFileName() + "\"}}}", dir);
    }

    static double[] decaying(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.exp(-i / (double) n) * (i % 2 == 0 ? 1 : -1) * 0.5;
        }
        return x;
    }

    String error(Path ir) {
        return assertThrows(ScenarioException.class, () -> IrLibrary.of(withIr(ir))).getMessage();
    }

    @Test
    void anIrAt1HzIsRefusedForItsRateBeforeBeingResampled() {
        String m = error(ir("one-hz.wav", 1, decaying(2000)));
        assertTrue(m.endsWith("setup.ir.path: one-hz.wav: IR sample rate 1 Hz; allowed: 1000..768000 Hz"), m);
    }

    @Test
    void anIrLongerThanTenSecondsAtItsOwnRateIsRefusedBeforeBeingResampled() {
        String m = error(ir("long.wav", 1000, decaying(20000)));
        assertTrue(m.endsWith("long.wav: IR is 20000 frames at 1000 Hz (20 s without its trailing silence); "
                + "allowed: at most 10 s"), m);
    }

    @Test
    void trailingSilenceDoesNotCountTowardsTheLength() {
        double[] x = new double[8000 * 18];
        System.arraycopy(decaying(8000 * 8), 0, x, 0, 8000 * 8);
        IrLibrary lib = IrLibrary.of(withIr(ir("padded.wav", 8000, x)));
        IrSpec spec = withIr(dir.resolve("padded.wav")).setup().ir();
        assertTrue(lib.samples(spec).length <= 48000 * 10, "prepared at most 10 s");
    }

    @Test
    void anIrHoldingNanIsRefusedNamingTheFirstBadFrame() {
        double[] x = decaying(1000);
        x[321] = Double.NaN;
        x[500] = Double.POSITIVE_INFINITY;
        Path p = ir("nan.wav", 48000, x);
        String m = error(p);
        assertTrue(m.endsWith("setup.ir.path: " + p + ": frame 321 (channel 1) is NaN; allowed: finite samples"), m);
    }

    @Test
    void theSizeCheckReadsTheTrimmedLengthOfEveryChannel() {
        double[] quiet = new double[3000];
        quiet[2999] = 1e-3;
        double[] loud = new double[3000];
        loud[0] = 1;
        // The peak is 1; channel 0's last sample at 1e-3 is above -120 dB, so all 3000 frames count.
        assertEquals(null, IrLibrary.sizeProblem(new WavData(1000, 2, 3000, new double[][] {quiet, loud})));
        double[] tail = new double[12000];
        tail[11999] = 1e-3;
        tail[0] = 1;
        assertTrue(IrLibrary.sizeProblem(new WavData(1000, 1, 12000, new double[][] {tail})).startsWith("IR is 12000 frames"));
        tail[11999] = 1e-7; // below -120 dB: trimmed
        assertEquals(null, IrLibrary.sizeProblem(new WavData(1000, 1, 12000, new double[][] {tail})));
    }
}
