package io.blockwise.golden;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes results as JUnit XML (the Ant/Surefire schema that CI systems show natively): one
 * {@code testsuite}, one {@code testcase} per scenario or property, a {@code failure} with a
 * one-line message and the readable difference as its text. Written to a temporary file and
 * renamed, so a CI step never reads half a report. Control thread.
 */
public final class JUnitXml {
    private JUnitXml() {
    }

    /** One test case: its name, whether it passed, a one-line message and the full detail. */
    public record Case(String name, boolean passed, String message, String detail, double seconds) { }

    /** The cases of a {@code check}: a case per scenario, the first line of its difference as message. */
    public static List<Case> casesOf(GoldenRuns.CheckReport report) {
        return report.outcomes().stream().map(o -> new Case(o.name(), o.passed(),
                o.passed() ? "" : firstLine(o.detail()), o.detail(), o.seconds())).toList();
    }

    /** Writes {@code cases} as a suite named {@code suite} to {@code file}. */
    public static void write(Path file, String suite, List<Case> cases) {
        Path tmp = file.toAbsolutePath().resolveSibling("." + file.getFileName() + ".tmp");
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                x.writeStartDocument("UTF-8", "1.0");
                x.writeCharacters("\n");
                x.writeStartElement("testsuites");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", suite);
                x.writeAttribute("tests", Integer.toString(cases.size()));
                x.writeAttribute("failures", Long.toString(cases.stream().filter(c -> !c.passed()).count()));
                x.writeAttribute("errors", "0");
                x.writeAttribute("skipped", "0");
                x.writeAttribute("time", seconds(cases.stream().mapToDouble(Case::seconds).sum()));
                for (Case c : cases) {
                    x.writeCharacters("\n  ");
                    x.writeStartElement("testcase");
                    x.writeAttribute("classname", suite);
                    x.writeAttribute("name", c.name());
                    x.writeAttribute("time", seconds(c.seconds()));
                    if (!c.passed()) {
                        x.writeStartElement("failure");
                        x.writeAttribute("message", c.message());
                        x.writeAttribute("type", "mismatch");
                        x.writeCharacters(c.detail());
                        x.writeEndElement();
                    }
                    x.writeEndElement();
                }
                x.writeCharacters("\n");
                x.writeEndElement();
                x.writeEndElement();
                x.writeEndDocument();
                x.close();
                out.write("\n".getBytes(StandardCharsets.UTF_8));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } catch (XMLStreamException e) {
            deleteQuietly(tmp);
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the write already failed with a better message
        }
    }
}
