package io.blockwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blockwise.record.Encoding;
import io.blockwise.render.WavWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code blockwise analyze}: exit 0 clean, 1 glitches, 2 bad input; text and JSON reports. */
class AnalyzeCommandTest {
    private static final int SR = 48000;

    @TempDir
    Path tmp;

    private Path wav(String name, double[] x) {
        Path p = tmp.resolve(name);
        try (WavWriter w = WavWriter.open(p, SR, 1, Encoding.PCM16)) {
            w.write(x, 0, x.length);
            w.commit();
        }
        return p;
    }

    private static double[] sine(int frames) {
        double[] x = new double[frames];
        for (int n = 0; n < frames; n++) {
            x[n] = 0.5 * Math.sin(2 * Math.PI * 440 * n / SR + 0.3);
        }
        return x;
    }

    @Test
    void aCleanSineExitsZeroAndSaysNoGlitches() {
        BlockwiseCliTest.Run r = BlockwiseCliTest.run("analyze", wav("clean.wav", sine(SR)).toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("0 glitches"), r.out());
        assertTrue(r.out().contains("peak 0.5000 (-6.0 dBFS)"), r.out());
    }

    @Test
    void aSpikeExitsOneAndTheJsonNamesItsFrame() throws IOException {
        double[] x = sine(SR);
        x[12345] = -x[12345];
        Path f = wav("spike.wav", x);
        BlockwiseCliTest.Run text = BlockwiseCliTest.run("analyze", f.toString());
        assertEquals(1, text.code(), text.err());
        assertTrue(text.out().contains("frame 12345"), text.out());
        BlockwiseCliTest.Run json = BlockwiseCliTest.run("analyze", "--json", f.toString());
        assertEquals(1, json.code(), json.err());
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertEquals(12345, j.get("glitches").get(0).get("frame").asInt(), json.out());
        assertEquals("spike", j.get("glitches").get(0).get("kind").asText(), json.out());
        assertEquals(SR, j.get("frames").asInt());
    }

    @Test
    void aFileThatIsNotAWavExitsTwoWithOneLineAndNoStackTrace() throws IOException {
        Path bad = tmp.resolve("bad.wav");
        Files.writeString(bad, "not audio");
        BlockwiseCliTest.Run r = BlockwiseCliTest.run("analyze", bad.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(bad.toString()) && r.err().contains("not a WAV"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        BlockwiseCliTest.Run missing = BlockwiseCliTest.run("analyze", tmp.resolve("nope.wav").toString());
        assertEquals(2, missing.code());
        assertEquals(1, missing.err().lines().count(), missing.err());
    }

    @Test
    void analyzeAnswersHelp() {
        BlockwiseCliTest.Run r = BlockwiseCliTest.run("analyze", "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Usage: blockwise analyze"), r.out());
    }
}
