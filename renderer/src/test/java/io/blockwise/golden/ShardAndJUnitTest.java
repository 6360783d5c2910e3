package io.blockwise.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.testing.Bundled;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** CI integration: shards cover a job exactly once; JUnit XML carries each scenario's result. */
class ShardAndJUnitTest {
    @TempDir
    Path tmp;

    @Test
    void nShardsCoverEveryFileExactlyOnceWhateverTheInputOrder() {
        List<String> files = IntStream.range(0, 23).mapToObj(i -> "s" + (char) ('a' + (i * 7) % 23) + ".json").toList();
        for (int n = 1; n <= 6; n++) {
            List<String> union = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                List<String> part = new Shard(i, n).of(files);
                assertTrue(part.size() >= files.size() / n && part.size() <= files.size() / n + 1, part.toString());
                union.addAll(part);
                assertEquals(part, new Shard(i, n).of(reversed(files)), "independent of input order");
            }
            assertEquals(files.stream().sorted().toList(), union.stream().sorted().toList(), "n = " + n);
        }
    }

    private static List<String> reversed(List<String> list) {
        List<String> r = new ArrayList<>(list);
        java.util.Collections.reverse(r);
        return r;
    }

    @Test
    void aShardOutsideOneToNIsRefusedWithWhatIsAllowed() {
        assertEquals("--shard 3: expected I/N, e.g. 2/4, with 1 <= I <= N",
                assertThrows(IllegalArgumentException.class, () -> Shard.parse("3")).getMessage());
        assertEquals("shard 0/3: I/N needs 1 <= I <= N",
                assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/3")).getMessage());
        assertEquals("shard 4/3: I/N needs 1 <= I <= N",
                assertThrows(IllegalArgumentException.class, () -> Shard.parse("4/3")).getMessage());
        assertEquals(new Shard(2, 4), Shard.parse("2/4"));
    }

    @Test
    void aCheckWithOneChangedGoldenWritesJUnitXmlWithOneFailureNamingTheDifference() throws Exception {
        Path golden = tmp.resolve("golden");
        List<Path> files = List.of(Bundled.root().resolve("scenarios/odd-block.json"),
                Bundled.root().resolve("scenarios/chain-edits.json"));
        for (String name : List.of("odd-block", "chain-edits")) {
            Path to = Files.createDirectories(golden.resolve(name));
            try (var s = Files.list(Bundled.golden().resolve(name))) {
                for (Path f : s.toList()) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
        Path events = golden.resolve("odd-block/events.jsonl");
        Files.writeString(events, Files.readString(events).replaceFirst("\"apply\"", "\"reject\""));
        GoldenRuns.CheckReport report = GoldenRuns.check(files, golden, tmp.resolve("out"), line -> { }, 2);
        Path xml = tmp.resolve("reports/check.xml");
        JUnitXml.write(xml, "blockwise.check", JUnitXml.casesOf(report));

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals("odd-block", ((Element) cases.item(0)).getAttribute("name"));
        assertEquals("chain-edits", ((Element) cases.item(1)).getAttribute("name"));
        Element failure = (Element) ((Element) cases.item(0)).getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").contains("does not match"), failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("events.jsonl"), failure.getTextContent());
        assertEquals(0, ((Element) cases.item(1)).getElementsByTagName("failure").getLength());
    }
}
