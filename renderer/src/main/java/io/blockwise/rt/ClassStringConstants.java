package io.blockwise.rt;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the string constants ({@code CONSTANT_String} entries) of a class file with nothing but
 * the class-file format (JVMS 4.4), so they can be interned before the audio thread starts.
 *
 * <p>Why: when a thread's invocation counter asks C2 to compile a method, HotSpot first resolves
 * every string constant of that method's class on the requesting thread, creating the Strings
 * not yet in the intern table. On the audio thread that shows up as one-off 56 to 144 byte
 * allocations in whatever block happens to trigger a compile. Interning those constants first
 * (and keeping them strongly reachable) turns each resolution into a table lookup.
 */
public final class ClassStringConstants {
    private ClassStringConstants() {
    }

    /** Control thread. The string constants of the class file in {@code in}. */
    public static List<String> read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        data.readUnsignedShort();
        data.readUnsignedShort();
        int count = data.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] stringRefs = new int[count];
        int strings = 0;
        for (int i = 1; i < count; i++) {
            int tag = data.readUnsignedByte();
            switch (tag) {
                case 1: // Utf8
                    utf8[i] = readModifiedUtf8(data);
                    break;
                case 8: // String
                    stringRefs[strings++] = data.readUnsignedShort();
                    break;
                case 7: case 16: case 19: case 20: // Class, MethodType, Module, Package
                    data.skipBytes(2);
                    break;
                case 15: // MethodHandle
                    data.skipBytes(3);
                    break;
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                    data.skipBytes(4);
                    break;
                case 5: case 6: // Long, Double take two slots
                    data.skipBytes(8);
                    i++;
                    break;
                default:
                    throw new IOException("unknown constant pool tag " + tag);
            }
        }
        List<String> result = new ArrayList<>(strings);
        for (int i = 0; i < strings; i++) {
            result.add(utf8[stringRefs[i]]);
        }
        return result;
    }

    private static String readModifiedUtf8(DataInputStream data) throws IOException {
        int length = data.readUnsignedShort();
        byte[] bytes = new byte[length + 2];
        bytes[0] = (byte) (length >>> 8);
        bytes[1] = (byte) length;
        data.readFully(bytes, 2, length);
        return new DataInputStream(new ByteArrayInputStream(bytes)).readUTF();
    }
}
