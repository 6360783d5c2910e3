package io.blockwise.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link ClassStringConstants} reads exactly the string literals a class was written with, and
 * {@link StringConstantInterner} reads exactly the classes its prefixes name. (What interning is
 * for, no allocation when a cold JVM compiles on the audio thread, is checked in a fresh JVM by
 * {@code FreshJvmRenderTest}.)
 */
class StringConstantInternerTest {

    /** A class whose constant pool holds three strings between longs and doubles (two slots each). */
    static final class Fixture {
        static long big() {
            return 1234567890123L;
        }

        static String first() {
            return "alpha-constant";
        }

        static double huge() {
            return 3.25e100;
        }

        static String second() {
            return "\u00fcn\u00efc\u00f6d\u00e9 \u20ac and a NUL \u0000 inside";
        }

        static long other() {
            return -9876543210987L;
        }

        static String third() {
            return "omega";
        }
    }

    private static InputStream classFile(Class<?> c) {
        String name = c.getName().replace('.', '/') + ".class";
        return c.getClassLoader().getResourceAsStream(name);
    }

    @Test
    void readsExactlyTheStringLiteralsOfAClassWhateverConstantsSitBetweenThem() throws IOException {
        List<String> got;
        try (InputStream in = classFile(Fixture.class)) {
            got = ClassStringConstants.read(in);
        }
        assertEquals(Set.of("alpha-constant", "\u00fcn\u00efc\u00f6d\u00e9 \u20ac and a NUL \u0000 inside", "omega"),
                new HashSet<>(got));
        assertEquals(3, got.size(), "each literal once: " + got);
    }

    @Test
    void refusesWhatIsNotAClassFile() {
        byte[] notAClass = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBF, 0, 0, 0, 0};
        assertThrows(IOException.class, () -> ClassStringConstants.read(new ByteArrayInputStream(notAClass)));
    }

    @Test
    void internsEveryClassUnderItsPrefixesOnceAndNoOther() throws Exception {
        // The test classes' folder: this class and its nested Fixture are the ones under the prefix.
        Path folder = Path.of(StringConstantInternerTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String prefix = "io/blockwise/rt/StringConstantInternerTest";
        long expected;
        try (Stream<Path> files = Files.walk(folder.resolve("io/blockwise/rt"))) {
            expected = files.filter(p -> p.getFileName().toString().startsWith("StringConstantInternerTest")
                    && p.toString().endsWith(".class")).count();
        }
        assertEquals(2, expected, "this class and its Fixture");
        int before = StringConstantInterner.classesRead();
        int keptBefore = StringConstantInterner.stringsKept();
        // Two anchors in the same folder: it is read once.
        StringConstantInterner.internPackages(List.of(StringConstantInternerTest.class, SpscRingTest.class), List.of(prefix));
        assertEquals(expected, StringConstantInterner.classesRead() - before);
        assertEquals(true, StringConstantInterner.stringsKept() - keptBefore >= 3, "at least the Fixture's three");
    }

    @Test
    void internsTheJdkClassesNamedByAPathPrefixWithoutEnteringSubFolders() throws IOException {
        Path folder = FileSystems.getFileSystem(URI.create("jrt:/")).getPath("/modules", "java.base", "java/lang");
        long expected;
        try (Stream<Path> files = Files.list(folder)) {
            expected = files.filter(p -> p.getFileName().toString().startsWith("StrictMath")
                    && p.getFileName().toString().endsWith(".class")).count();
        }
        int before = StringConstantInterner.classesRead();
        StringConstantInterner.internJdk("java.base", "java/lang/StrictMath");
        assertEquals(expected, StringConstantInterner.classesRead() - before);
        int after = StringConstantInterner.classesRead();
        StringConstantInterner.internJdk("java.base", "java/lang/NoSuchClassPrefixAtAll");
        StringConstantInterner.internJdk("java.base", "java/nosuchfolder/X");
        assertEquals(after, StringConstantInterner.classesRead(), "nothing under a prefix that names nothing");
    }
}
