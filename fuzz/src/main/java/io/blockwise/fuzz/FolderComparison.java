package io.blockwise.fuzz;

import io.blockwise.render.WavData;
import io.blockwise.render.WavReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Byte-for-byte comparison of two render folders, reporting the first difference the way a
 * person would look for it: the first differing line of {@code events.jsonl}, the first differing
 * frame (and block) of a WAV. Control thread.
 */
final class FolderComparison {
    /** Every deterministic file: all but {@code summary.json} (timings). */
    static final Predicate<String> DETERMINISTIC = name -> !name.equals("summary.json");
    /** The audio only: {@code output.wav} and the takes. */
    static final Predicate<String> AUDIO = name -> name.endsWith(".wav");

    private FolderComparison() {
    }

    /** The first difference between the files of {@code a} and {@code b} that {@code which} selects, or empty. */
    static Optional<String> firstDifference(Path a, Path b, Predicate<String> which, int blockSize) {
        List<String> namesA = names(a, which);
        List<String> namesB = names(b, which);
        if (!namesA.equals(namesB)) {
            return Optional.of("the files differ: " + namesA + " vs " + namesB);
        }
        for (String name : namesA) {
            byte[] x = read(a.resolve(name));
            byte[] y = read(b.resolve(name));
            if (Arrays.equals(x, y)) {
                continue;
            }
            if (name.endsWith(".jsonl")) {
                return Optional.of(name + " differs: " + firstDifferentLine(x, y));
            }
            if (name.endsWith(".wav")) {
                return Optional.of(name + " differs: " + firstDifferentFrame(a.resolve(name), b.resolve(name), blockSize));
            }
            return Optional.of(name + " differs");
        }
        return Optional.empty();
    }

    private static String firstDifferentLine(byte[] x, byte[] y) {
        String[] lx = new String(x, StandardCharsets.UTF_8).split("\n", -1);
        String[] ly = new String(y, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.max(lx.length, ly.length); i++) {
            String p = i < lx.length ? lx[i] : "(end of file)";
            String q = i < ly.length ? ly[i] : "(end of file)";
            if (!p.equals(q)) {
                return "first differing line " + (i + 1) + ": " + p + " vs " + q;
            }
        }
        return "they differ";
    }

    private static String firstDifferentFrame(Path x, Path y, int blockSize) {
        WavData dx = WavReader.read(x);
        WavData dy = WavReader.read(y);
        if (dx.frames() != dy.frames() || dx.channels() != dy.channels()) {
            return dx.frames() + " vs " + dy.frames() + " frames, " + dx.channels() + " vs " + dy.channels() + " channels";
        }
        for (int i = 0; i < dx.frames(); i++) {
            for (int c = 0; c < dx.channels(); c++) {
                double p = dx.channelData()[c][i];
                double q = dy.channelData()[c][i];
                if (Double.doubleToLongBits(p) != Double.doubleToLongBits(q)) {
                    return "first differing frame " + i + " (block " + i / blockSize + "): " + p + " vs " + q;
                }
            }
        }
        return "the samples agree but the bytes differ (header)";
    }

    private static List<String> names(Path folder, Predicate<String> which) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(which).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
