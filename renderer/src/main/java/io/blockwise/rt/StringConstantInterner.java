package io.blockwise.rt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Interns the string constants of every class that can run on the audio thread and keeps them
 * strongly reachable for the life of the JVM (see {@link ClassStringConstants} for why). Classes
 * are found by location: the packages under given prefixes in the code sources (jars or folders)
 * of given classes, the whole code source of a class, or JDK classes by path prefix in the
 * {@code jrt:} file system. Control thread, before the audio thread starts.
 */
public final class StringConstantInterner {
    // Written by control under the class lock; never read: it only keeps the interned strings alive.
    private static final List<String> KEPT = new ArrayList<>();
    private static int classesRead;

    private StringConstantInterner() {
    }

    /** Control thread. Interns the constants of every class in the jar or folder holding {@code anchor}. */
    public static synchronized void internCodeSourceOf(Class<?> anchor) {
        Path location = location(anchor);
        if (location != null) {
            internUnder(location, List.of(""), anchor.getName());
        }
    }

    /**
     * Control thread. Interns the constants of the classes whose resource name starts with one of
     * {@code prefixes} (e.g. {@code io/blockwise/dsp/}) in the jars or folders holding
     * {@code anchors}. Each jar or folder is read once, however many anchors it holds (a shaded
     * jar holds them all), and only the classes under the prefixes are parsed.
     */
    public static synchronized void internPackages(List<Class<?>> anchors, List<String> prefixes) {
        Set<Path> locations = new LinkedHashSet<>();
        for (Class<?> anchor : anchors) {
            Path location = location(anchor);
            if (location != null) {
                locations.add(location);
            }
        }
        for (Path location : locations) {
            internUnder(location, prefixes, location.toString());
        }
    }

    private static Path location(Class<?> anchor) {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean under(String resourceName, List<String> prefixes) {
        for (String p : prefixes) {
            if (resourceName.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static void internUnder(Path location, List<String> prefixes, String what) {
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class")).sorted()::iterator) {
                        String name = location.relativize(p).toString().replace(java.io.File.separatorChar, '/');
                        if (under(name, prefixes)) {
                            try (InputStream in = Files.newInputStream(p)) {
                                intern(in);
                            }
                        }
                    }
                }
            } else {
                try (ZipFile zip = new ZipFile(location.toFile())) {
                    List<? extends ZipEntry> entries = java.util.Collections.list(zip.entries());
                    for (ZipEntry e : entries) {
                        String name = e.getName();
                        if (name.endsWith(".class") && !name.startsWith("META-INF/") && under(name, prefixes)) {
                            try (InputStream in = zip.getInputStream(e)) {
                                intern(in);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classes of " + what, e);
        }
    }

    /**
     * Control thread. Interns the constants of the JDK classes in {@code module} whose path starts
     * with {@code prefix} (e.g. {@code java.base}, {@code java/lang/StrictMath}); sub-folders are
     * not entered.
     */
    public static synchronized void internJdk(String module, String prefix) {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        Path modulePath = jrt.getPath("/modules", module);
        int slash = prefix.lastIndexOf('/');
        Path folder = modulePath.resolve(prefix.substring(0, slash));
        String namePrefix = prefix.substring(slash + 1);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(namePrefix) && name.endsWith(".class")) {
                    try (InputStream in = Files.newInputStream(p)) {
                        intern(in);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JDK classes " + module + "/" + prefix, e);
        }
    }

    /** Any thread. Number of classes read so far. */
    public static synchronized int classesRead() {
        return classesRead;
    }

    /** Any thread. Number of strings kept. */
    public static synchronized int stringsKept() {
        return KEPT.size();
    }

    private static void intern(InputStream in) throws IOException {
        for (String s : ClassStringConstants.read(in)) {
            KEPT.add(s.intern());
        }
        classesRead++;
    }
}
