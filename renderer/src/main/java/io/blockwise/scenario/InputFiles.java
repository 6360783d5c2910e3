package io.blockwise.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Function;

/**
 * Reads the files a user hands over (scenarios, WAV inputs, IRs, {@code diff} arguments) safely:
 * only regular files (a directory, FIFO, device or socket is refused before it is opened, so a
 * FIFO never blocks and {@code /dev/zero} is never read), and only up to a size cap checked before
 * anything is allocated. Control thread.
 */
public final class InputFiles {
    /**
     * Largest scenario file: room for hundreds of thousands of events (a live capture of a minute
     * with 8 churn threads holds about 80,000, 8 MB written compactly; parsed, about 10 times that).
     */
    public static final long MAX_SCENARIO_BYTES = 32L << 20;
    /**
     * Largest WAV file read whole (inputs, IRs, {@code diff}): 256 MiB, decoded to at most 1 GiB of
     * samples (16-bit mono). Longer inputs are refused up front rather than running out of memory.
     */
    public static final long MAX_WAV_BYTES = 256L << 20;

    private InputFiles() {
    }

    /**
     * Control thread. The bytes of {@code file}, at most {@code cap} of them. Problems become
     * {@code error.apply(what)}, where {@code what} is one line without the file name: {@code "no
     * such file"}, {@code "not a regular file (a directory)"}, {@code "too large (N bytes); allowed:
     * at most M bytes"}, {@code "cannot read: reason"}.
     */
    public static byte[] read(Path file, long cap, Function<String, ? extends RuntimeException> error) {
        BasicFileAttributes a = attributes(file, error);
        if (!a.isRegularFile()) {
            throw error.apply(notRegular(a));
        }
        if (a.size() > cap) {
            throw error.apply(tooLarge(a.size(), cap));
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
            if (bytes.length > cap) {
                throw error.apply(tooLarge(bytes.length, cap)); // it grew while being read
            }
            return bytes;
        } catch (IOException e) {
            throw error.apply("cannot read: " + reason(e));
        }
    }

    /**
     * Control thread. Refuses {@code file} unless it is a regular file of at most {@code cap}
     * bytes, without opening it; messages as {@link #read}.
     */
    public static void requireRegular(Path file, long cap, Function<String, ? extends RuntimeException> error) {
        BasicFileAttributes a = attributes(file, error);
        if (!a.isRegularFile()) {
            throw error.apply(notRegular(a));
        }
        if (a.size() > cap) {
            throw error.apply(tooLarge(a.size(), cap));
        }
    }

    /** Any thread. An I/O exception as a short reason: {@code "Permission denied"}, ... */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String m = e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        // java.nio messages are "PATH: reason" or "PATH -> PATH: reason"; keep the reason.
        String line = m.lines().findFirst().orElse(m);
        int colon = line.lastIndexOf(": ");
        return colon >= 0 && colon + 2 < line.length() ? line.substring(colon + 2) : line;
    }

    private static BasicFileAttributes attributes(Path file, Function<String, ? extends RuntimeException> error) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw error.apply("no such file");
        } catch (IOException e) {
            throw error.apply("cannot read: " + reason(e));
        }
    }

    private static String notRegular(BasicFileAttributes a) {
        return "not a regular file (" + (a.isDirectory() ? "a directory" : "a FIFO, device or socket")
                + ")";
    }

    private static String tooLarge(long size, long cap) {
        return "too large (" + size + " bytes); allowed: at most " + cap + " bytes (" + (cap >> 20) + " MiB)";
    }
}
