package io.blockwise.dsp;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Test instrument: bytes allocated by the current thread, exact to the byte
 * ({@code com.sun.management.ThreadMXBean}), which itself allocates nothing once called.
 */
public final class ThreadAllocation {
    private static final com.sun.management.ThreadMXBean BEAN =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static {
        BEAN.setThreadAllocatedMemoryEnabled(true);
        bytes(); // first call links the native method
    }

    /** Strong references to the interned constants, so the string table keeps them. */
    private static final List<String> INTERNED = new ArrayList<>();

    private ThreadAllocation() {
    }

    /**
     * Interns every string constant of {@code classes}, read from their class files. When a
     * thread's counters request a C2 compilation of a method, HotSpot first resolves the string
     * constants of the method's class on that thread, allocating the ones not yet interned (see
     * DESIGN.md, "Facts measured"): a one-off 50 to 150 bytes that depends on when the JIT gets
     * there, not on the code under test. Interning them first makes the measurement exact.
     * Superclasses are included.
     */
    public static synchronized void internStringConstants(Class<?>... classes) {
        for (Class<?> start : classes) {
            for (Class<?> c = start; c != null && c != Object.class; c = c.getSuperclass()) {
                internOne(c);
            }
        }
    }

    private static void internOne(Class<?> c) {
        String resource = c.getName().replace('.', '/') + ".class";
        ClassLoader loader = c.getClassLoader() == null ? ClassLoader.getSystemClassLoader() : c.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no class file for " + c.getName());
            }
            for (String constant : stringConstants(new DataInputStream(in))) {
                INTERNED.add(constant.intern());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CONSTANT_String values of a class file's constant pool (JVMS 4.4). */
    private static List<String> stringConstants(DataInputStream in) throws IOException {
        in.readInt(); // magic
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] strings = new int[count];
        int n = 0;
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 8 -> strings[n++] = in.readUnsignedShort();
                case 7, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // eight-byte constants take two slots
                }
                default -> throw new IOException("constant pool tag " + tag);
            }
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            result.add(utf8[strings[i]]);
        }
        return result;
    }

    /** Bytes the current thread has allocated so far. */
    public static long bytes() {
        return BEAN.getCurrentThreadAllocatedBytes();
    }
}
