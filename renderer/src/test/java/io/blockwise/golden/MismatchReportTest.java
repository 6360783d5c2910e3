package io.blockwise.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.render.OfflineRenderer;
import io.blockwise.render.RenderResult;
import io.blockwise.scenario.ScenarioReader;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deliberately changed stage gives a report whose pages and pictures all exist and decode. */
class MismatchReportTest {
    static final String SCENARIO = """
            {"format": "blockwise/1", "name": "%s", "sampleRate": 48000, "blockSize": 128,
             "duration": "0.5s", "input": {"type": "sine", "freq": 330, "amp": 0.4},
             "setup": {"chain": [{"type": "preamp", "gain": 4}, {"type": "level", "gain": %s}]}}""";

    @TempDir
    Path tmp;

    @Test
    void aChangedStageProducesAReportWhoseEveryImageExistsAndDecodes() throws Exception {
        Path golden = tmp.resolve("golden");
        bless("changed", "0.5", golden);
        bless("same", "0.5", golden);
        Path changed = Files.writeString(tmp.resolve("changed.json"), SCENARIO.formatted("changed", "0.6"));
        Path same = Files.writeString(tmp.resolve("same.json"), SCENARIO.formatted("same", "0.5"));

        GoldenRuns.CheckReport report = GoldenRuns.check(List.of(changed, same), golden, tmp.resolve("out"),
                line -> { }, 2, tmp.resolve("report"));

        assertFalse(report.passed());
        assertEquals(tmp.resolve("report/index.html"), report.report());
        String index = Files.readString(report.report());
        assertTrue(index.contains("<a href=\"changed/index.html\">changed</a>"), index);
        assertTrue(index.contains("same") && index.contains("ok"), "every scenario's result is on the index");
        List<String> links = attributes(index, "href");
        assertEquals(List.of("changed/index.html"), links);
        Path page = report.report().resolveSibling(links.get(0));
        String html = Files.readString(page);
        // The sine starts at 0, which any gain keeps; frame 1 (1/48000 s) is the first to differ.
        assertTrue(html.contains("first difference at frame 1 (block 0, 0.000021 s)"), html);
        List<String> images = attributes(html, "src");
        assertEquals(List.of("waveform.png", "difference.png", "spectrogram-golden.png", "spectrogram-new.png"), images);
        for (String img : images) {
            BufferedImage decoded = ImageIO.read(page.resolveSibling(img).toFile());
            assertNotNull(decoded, img + " decodes as an image");
            assertTrue(decoded.getWidth() >= 800 && decoded.getHeight() >= 300, img + " " + decoded.getWidth());
        }
    }

    @Test
    void aCheckThatMatchesWritesNoReport() throws Exception {
        Path golden = tmp.resolve("golden");
        bless("same", "0.5", golden);
        Path same = Files.writeString(tmp.resolve("same.json"), SCENARIO.formatted("same", "0.5"));
        GoldenRuns.CheckReport report = GoldenRuns.check(List.of(same), golden, tmp.resolve("out"), line -> { }, 1,
                tmp.resolve("report"));
        assertTrue(report.passed());
        assertNull(report.report());
        assertFalse(Files.exists(tmp.resolve("report")));
    }

    private void bless(String name, String gain, Path golden) throws Exception {
        Path file = Files.writeString(tmp.resolve("bless-" + name + ".json"), SCENARIO.formatted(name, gain));
        RenderResult r = OfflineRenderer.render(ScenarioReader.read(file), tmp.resolve("bless-out"));
        GoldenStore.bless(r.folder(), golden.resolve(name));
    }

    private static List<String> attributes(String html, String attribute) {
        Matcher m = Pattern.compile(attribute + "=\"([^\"]+)\"").matcher(html);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
