package io.blockwise.report;

import io.blockwise.render.WavData;
import io.blockwise.render.WavReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A report folder a person can read at a glance when a render does not match: for each mismatch a
 * page {@code REPORT/NAME/index.html} with the difference as text and, when both WAVs can be read,
 * the golden and new waveforms overlaid around the first differing frame, the difference signal
 * and a spectrogram of each; and {@code REPORT/index.html}, which links every scenario's result.
 * Every file is written to a temporary name and renamed. Control thread.
 */
public final class MismatchReport {
    private final Path root;
    private final List<Entry> entries = new ArrayList<>();

    /** One scenario's line on the index: its name, whether it matched, a one-line summary. */
    private record Entry(String name, boolean matched, String summary) { }

    /** Control thread. A report that will be written under {@code root}. */
    public MismatchReport(Path root) {
        this.root = root;
    }

    /** Control thread. Records a scenario that matched (a line on the index, no page). */
    public void matched(String name) {
        entries.add(new Entry(name, true, "matches golden"));
    }

    /**
     * Control thread. Writes the page of a scenario whose render ({@code actualDir}) does not match
     * {@code goldenDir}; {@code detail} is the readable difference; {@code blockSize} places the
     * first differing frame in its block (0 when unknown).
     */
    public void mismatch(String name, Path goldenDir, Path actualDir, String detail, int blockSize) {
        mismatch(name, goldenDir, actualDir, goldenDir.resolve("output.wav"), actualDir.resolve("output.wav"), detail,
                blockSize);
    }

    /**
     * Control thread. Writes the page of a mismatch between {@code expected} and {@code actual}
     * (render folders or WAV files, named on the page) whose audio is {@code expectedWav} and
     * {@code actualWav}.
     */
    public void mismatch(String name, Path goldenDir, Path actualDir, Path expectedWav, Path actualWav, String detail,
            int blockSize) {
        Path page = root.resolve(name);
        try {
            Files.createDirectories(page);
            StringBuilder html = new StringBuilder();
            html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(esc(name))
                    .append(": mismatch</title></head>\n<body style=\"font-family: sans-serif\">\n<h1>")
                    .append(esc(name)).append(" does not match golden</h1>\n<p><a href=\"../index.html\">all results</a></p>\n")
                    .append("<p>expected (golden): <code>").append(esc(goldenDir.toString())).append("</code><br>actual (new): <code>")
                    .append(esc(actualDir.toString())).append("</code></p>\n");
            String summary = firstLine(detail);
            WavData golden = readOrNull(expectedWav);
            WavData actual = readOrNull(actualWav);
            if (golden != null && actual != null) {
                plots(html, page, golden, actual, blockSize);
            } else {
                html.append("<p>No plots: output.wav is missing or unreadable on one side.</p>\n");
            }
            html.append("<h2>Difference</h2>\n<pre>").append(esc(detail)).append("</pre>\n</body></html>\n");
            writeText(page.resolve("index.html"), html.toString());
            entries.add(new Entry(name, false, summary));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + page + ": " + e.getMessage(), e);
        }
    }

    /** Control thread. Writes {@code root/index.html} linking every scenario recorded; returns its path. */
    public Path writeIndex() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Blockwise check"
                + "</title></head>\n<body style=\"font-family: sans-serif\">\n<h1>Blockwise check</h1>\n<table border=\"1\" cellpadding=\"4\">\n"
                + "<tr><th>scenario</th><th>result</th><th>summary</th></tr>\n");
        for (Entry e : entries) {
            html.append("<tr><td>").append(e.matched() ? esc(e.name())
                    : "<a href=\"" + esc(e.name()) + "/index.html\">" + esc(e.name()) + "</a>")
                    .append("</td><td>").append(e.matched() ? "ok" : "<b>MISMATCH</b>").append("</td><td>")
                    .append(esc(e.summary())).append("</td></tr>\n");
        }
        html.append("</table>\n</body></html>\n");
        Path index = root.resolve("index.html");
        try {
            Files.createDirectories(root);
            writeText(index, html.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + index + ": " + e.getMessage(), e);
        }
        return index;
    }

    private static void plots(StringBuilder html, Path page, WavData golden, WavData actual, int blockSize)
            throws IOException {
        int rate = golden.sampleRate();
        double[] g = golden.channelData()[0];
        double[] a = actual.channelData()[0];
        long first = FirstDivergence.frame(golden, actual);
        if (first < 0) {
            html.append("<p>The audio is identical; only other files differ.</p>\n");
            return;
        }
        int half = Math.max(256, rate / 50);
        int from = (int) Math.max(0, first - half);
        int to = (int) Math.min(Math.max(g.length, a.length), first + half);
        String where = String.format(Locale.ROOT, "first difference at frame %d (%s%.6f s)", first,
                blockSize > 0 ? "block " + first / blockSize + ", " : "", first / (double) rate);
        html.append("<p>").append(esc(where)).append("</p>\n");
        png(page, "waveform.png", p -> AudioPlots.overlay(g, a, from, Math.max(to, from + 1), rate, first,
                "golden and new around the " + where, p));
        png(page, "difference.png", p -> AudioPlots.difference(g, a, rate, "new - golden, whole render", p));
        png(page, "spectrogram-golden.png", p -> AudioPlots.spectrogram(g, rate, "golden (expected)", p));
        png(page, "spectrogram-new.png", p -> AudioPlots.spectrogram(a, rate, "new (actual)", p));
        for (String img : List.of("waveform.png", "difference.png", "spectrogram-golden.png", "spectrogram-new.png")) {
            html.append("<p><img src=\"").append(img).append("\" alt=\"").append(img).append("\"></p>\n");
        }
    }

    private interface PngWriter {
        void write(Path png) throws IOException;
    }

    private static void png(Path page, String name, PngWriter w) throws IOException {
        Path tmp = page.resolve("." + name + ".tmp");
        w.write(tmp);
        Files.move(tmp, page.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeText(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static WavData readOrNull(Path wav) {
        if (!Files.isRegularFile(wav)) {
            return null;
        }
        try {
            return WavReader.read(wav);
        } catch (RuntimeException e) {
            return null; // the text difference says what is wrong with it
        }
    }

    private static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
