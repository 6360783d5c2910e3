package io.blockwise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of the renderer's packages (DESIGN-NOTES.md, "Packages"): a package may use only
 * packages of a lower layer, never one of its own layer or above. Read from the source text of
 * {@code src/main}: every {@code import io.blockwise.x...} and every qualified
 * {@code io.blockwise.x.} name in code (comments excluded).
 */
class PackageBoundariesTest {
    /** Layer of each package; lower layers never use higher ones, nor siblings each other. */
    static final Map<String, Integer> LAYER = Map.of(
            "rt", 0,
            "dsp", 1,
            "record", 1,
            "scenario", 2,
            "engine", 3,
            "render", 4,
            "analysis", 5,
            "report", 5,
            "golden", 6);

    private static final Path MAIN = Path.of("src/main/java/io/blockwise");
    private static final Pattern USE = Pattern.compile("\\bio\\.blockwise\\.([a-z]+)\\.");

    @Test
    void everyPackageUsesOnlyLowerLayers() {
        List<String> violations = violations(MAIN);
        assertEquals(List.of(), violations, "package boundaries crossed (allowed: a lower layer only, "
                + new java.util.TreeMap<>(LAYER) + ")");
    }

    @Test
    void theCheckSeesEveryPackageOfTheRenderer() throws IOException {
        TreeSet<String> packages = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(MAIN)) {
            dirs.filter(Files::isDirectory).forEach(d -> packages.add(d.getFileName().toString()));
        }
        assertEquals(new TreeSet<>(LAYER.keySet()), packages);
    }

    @Test
    void aLowerPackageUsingAHigherOneIsReported(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path rt = Files.createDirectories(dir.resolve("rt"));
        Files.writeString(rt.resolve("Bad.java"), "package io.blockwise.rt;\n\n"
                + "import io.blockwise.scenario.Message;\n"
                + "/** mentions io.blockwise.engine.Engine in a comment only */\n"
                + "final class Bad {\n"
                + "    // io.blockwise.render.X in a comment\n"
                + "    io.blockwise.dsp.Stage stage;\n"
                + "}\n");
        Path dsp = Files.createDirectories(dir.resolve("dsp"));
        Files.writeString(dsp.resolve("Sibling.java"), "package io.blockwise.dsp;\n\n"
                + "import io.blockwise.record.Encoding;\nimport io.blockwise.rt.Resource;\n"
                + "final class Sibling {\n}\n");
        List<String> v = violations(dir);
        assertEquals(List.of(
                "dsp/Sibling.java uses io.blockwise.record",
                "rt/Bad.java uses io.blockwise.dsp",
                "rt/Bad.java uses io.blockwise.scenario"), v);
    }

    /** "pkg/File.java uses io.blockwise.other" for each use of a package not in a lower layer, sorted. */
    static List<String> violations(Path root) {
        TreeSet<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Path rel = root.relativize(f);
                String own = rel.getName(0).toString();
                Integer ownLayer = LAYER.get(own);
                for (String used : usedPackages(Files.readString(f))) {
                    if (used.equals(own)) {
                        continue;
                    }
                    Integer usedLayer = LAYER.get(used);
                    if (ownLayer == null || usedLayer == null || usedLayer >= ownLayer) {
                        out.add(rel.toString().replace('\\', '/') + " uses io.blockwise." + used);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(out);
    }

    /** Packages named by {@code io.blockwise.x.} outside comments and string literals. */
    static TreeSet<String> usedPackages(String source) {
        TreeSet<String> used = new TreeSet<>();
        Matcher m = USE.matcher(stripCommentsAndStrings(source));
        while (m.find()) {
            used.add(m.group(1));
        }
        return used;
    }

    private static String stripCommentsAndStrings(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
            } else if (s.startsWith("//", i)) {
                int end = s.indexOf('\n', i);
                i = end < 0 ? s.length() : end;
            } else if (s.charAt(i) == '"') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != '"') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else if (s.charAt(i) == '\'') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != '\'') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else {
                b.append(s.charAt(i++));
            }
        }
        return b.toString();
    }
}
