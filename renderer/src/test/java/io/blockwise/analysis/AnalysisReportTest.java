package io.blockwise.analysis;

import static io.blockwise.analysis.Signals.SR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.blockwise.record.Encoding;
import io.blockwise.render.WavData;
import io.blockwise.render.WavWriter;
import io.blockwise.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statistics, NaN counting, the JSON shape and reading real WAV files. */
class AnalysisReportTest {
    @TempDir
    Path tmp;

    @Test
    void statisticsMatchTheirDefinitionsOnASineWithDcAndClippedSamples() {
        // 0.5 sin + 0.1 over whole periods: peak 0.6, DC 0.1, RMS sqrt(0.5^2/2 + 0.1^2).
        double[] x = Signals.sine(480, 0.5, SR, 0, Integer.MAX_VALUE, 0);
        for (int n = 0; n < x.length; n++) {
            x[n] += 0.1;
        }
        SignalStats s = SignalStats.of(new double[][] {x}, Signals.QFLOAT);
        assertEquals(0.6, s.peak(), 1e-9);
        assertEquals(0.1, s.dc(), 1e-9);
        assertEquals(Math.sqrt(0.125 + 0.01), s.rms(), 1e-9);
        assertEquals(0, s.clipped());
        x[10] = 1.0;
        x[20] = -1.5;
        x[30] = 32767 / 32768.0;
        assertEquals(2, SignalStats.of(new double[][] {x}, Signals.QFLOAT).clipped());
        assertEquals(3, SignalStats.of(new double[][] {x}, Signals.Q16).clipped(), "16-bit full scale is 1 - 1 LSB");
    }

    @Test
    void nanAndInfAreCountedWithTheirFirstFrameAndMakeTheFileUnclean() {
        double[] left = Signals.sine(440, 0.5, SR);
        double[] right = Signals.sine(440, 0.5, SR);
        left[3000] = Double.NaN;
        right[1234] = Double.POSITIVE_INFINITY;
        left[5000] = Double.NEGATIVE_INFINITY;
        AnalysisReport r = AnalysisReport.of("t", new WavData(SR, 2, SR, new double[][] {left, right}, "float 32-bit"));
        assertEquals(3, r.overall().nonFinite());
        assertEquals(1234, r.overall().firstNonFiniteFrame());
        assertEquals(2, r.perChannel().get(0).nonFinite());
        assertEquals(3000, r.perChannel().get(0).firstNonFiniteFrame());
        assertEquals(1234, r.perChannel().get(1).firstNonFiniteFrame());
        assertEquals(0.5, r.overall().peak(), 1e-6, "non-finite samples stay out of the levels");
        assertFalse(r.clean());
    }

    @Test
    void theJsonListsEachGlitchWithFrameChannelKindAndSizeAndTheStatistics() throws Exception {
        double[] left = Signals.pcm16(Signals.sine(440, 0.5, SR));
        double[] right = Signals.pcm16(Signals.sine(440, 0.5, SR));
        right[20000] = -right[20000] * 0.2 - 0.4 * Math.signum(right[20000]);
        AnalysisReport r = AnalysisReport.of("x.wav", new WavData(SR, 2, SR, new double[][] {left, right}, "PCM 16-bit"));
        JsonNode j = new ObjectMapper().readTree(AnalysisJson.write(r));
        assertFalse(j.get("clean").asBoolean());
        assertEquals(1, j.get("glitches").size(), j.toPrettyString());
        JsonNode g = j.get("glitches").get(0);
        assertEquals(20000, g.get("frame").asInt());
        assertEquals(1, g.get("channel").asInt());
        assertEquals("spike", g.get("kind").asText());
        assertTrue(g.get("size").asDouble() > 0.4, g.toString());
        assertEquals(2, j.get("perChannel").size());
        assertEquals(0.5, j.get("perChannel").get(0).get("peak").asDouble(), 1e-3);
        assertEquals(-6.02, j.get("perChannel").get(0).get("peakDbfs").asDouble(), 0.01);
        assertTrue(j.get("firstNonFiniteFrame").isNull());
        assertEquals(0, j.get("nonFinite").asInt());
    }

    @Test
    void aCleanSixteenBitFileReadFromDiskIsCleanAndAPlantedPhaseJumpIsFound() throws Exception {
        double[] x = Signals.sine(1000, 0.5, SR, 0.3, 30000, Math.PI / 2);
        Path wav = tmp.resolve("jump.wav");
        try (WavWriter w = WavWriter.open(wav, SR, 1, Encoding.PCM16)) {
            w.write(x, 0, x.length);
            w.commit();
        }
        AnalysisReport r = AnalysisReport.analyze(wav);
        assertEquals("PCM 16-bit", r.format());
        assertEquals(1, r.glitches().size(), r.text());
        assertTrue(Math.abs(r.glitches().get(0).frame() - 30000) <= 2, r.text());
        assertTrue(r.text().contains("discontinuity"), r.text());
    }

    @Test
    void silenceAndAnEmptyFileAreCleanWithMinusInfinityLevels() {
        AnalysisReport silent = AnalysisReport.of("s", new WavData(SR, 1, SR, new double[][] {new double[SR]}, "PCM 16-bit"));
        assertTrue(silent.clean(), silent.text());
        assertTrue(silent.text().contains("peak 0.0000 (-inf dBFS)"), silent.text());
        AnalysisReport empty = AnalysisReport.of("e", new WavData(SR, 2, 0, new double[][] {{}, {}}, "float 32-bit"));
        assertTrue(empty.clean(), empty.text());
    }

    @Test
    void aFileThatIsNotAWavIsBadInputNamingTheFile() throws Exception {
        Path bad = tmp.resolve("notes.txt");
        Files.writeString(bad, "hello");
        ScenarioException e = assertThrows(ScenarioException.class, () -> AnalysisReport.analyze(bad));
        assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
    }
}
