package io.blockwise.render;

import io.blockwise.record.Encoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a RIFF/WAVE file of mono engine output, atomically: frames go to a temporary file in the
 * target's folder, {@link #commit()} fixes the header's sizes and renames it onto the target, and
 * anything else ({@link #abort()}, {@link #close()} without commit, an I/O error) deletes it. So
 * the target is either absent, the old file, or the complete new one; never half written.
 *
 * <p>Headers are fully deterministic: {@code float32} is WAVE_FORMAT_IEEE_FLOAT (3) with an
 * 18-byte fmt chunk ({@code cbSize} 0) and a {@code fact} chunk (58-byte header); {@code pcm16}
 * and {@code pcm24} are WAVE_FORMAT_PCM (1) with a 16-byte fmt chunk (44-byte header). An odd data
 * size gets the pad byte RIFF requires.
 *
 * <p>Beyond RIFF's 4 GiB, {@link #commit()} writes RF64 (EBU Tech 3306, the standard successor of
 * RIFF WAVE for large files) instead: {@code RF64} in place of {@code RIFF}, a {@code ds64} chunk
 * (36 bytes) right after {@code WAVE} holding the 64-bit RIFF size, data size and frame count, and
 * 0xFFFFFFFF in the 32-bit size fields it replaces (and in {@code fact}). The header's room is made
 * at commit by moving the data 36 bytes along, so files within 4 GiB keep their exact RIFF bytes;
 * only files beyond it pay one extra pass over their data.
 *
 * <p>PCM conversion: NaN becomes 0, values are clipped to [-1, 1], scaled by 2^(bits-1), rounded
 * half to even and clamped to [-2^(bits-1), 2^(bits-1) - 1], so +1.0 is full scale minus one LSB.
 * {@code float32} stores {@code (float) x} as is (NaN as the canonical quiet NaN, infinities kept).
 *
 * <p>One thread at a time (the control or writer thread); not thread safe.
 */
public final class WavWriter implements AutoCloseable {
    private static final int BUFFER_BYTES = 1 << 16;
    private static final long MAX_RIFF_SIZE = 0xFFFF_FFFFL;
    /** The {@code ds64} chunk of an RF64 file: id, size, RIFF size, data size, frame count, table length. */
    static final int DS64_BYTES = 8 + 28;
    private static final int MOVE_CHUNK = 1 << 20;

    private enum State { OPEN, COMMITTED, ABORTED }

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final int sampleRate;
    private final int channels;
    private final Encoding encoding;
    private final int headerBytes;
    private final int frameBytes;
    /** The largest RIFF size written as RIFF; beyond it RF64 ({@link #MAX_RIFF_SIZE} but in tests). */
    private final long riffLimit;
    private final byte[] bytes = new byte[BUFFER_BYTES];
    private final ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    private int fill;
    private long frames;
    private State state = State.OPEN;

    private WavWriter(Path target, Path temp, FileChannel channel, int sampleRate, int channels,
            Encoding encoding, long riffLimit) {
        this.riffLimit = riffLimit;
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.encoding = encoding;
        this.headerBytes = encoding == Encoding.FLOAT32 ? 58 : 44;
        this.frameBytes = channels * encoding.bytesPerSample();
        // Room for the header; its sizes are written at commit.
        this.fill = headerBytes;
    }

    /**
     * Control or writer thread. Opens a writer whose output will replace {@code target} at
     * {@link #commit()}. The target's folder must exist. {@code channels} is 1 or 2 (channel 2 is a
     * copy of channel 1).
     */
    public static WavWriter open(Path target, int sampleRate, int channels, Encoding encoding) {
        return open(target, sampleRate, channels, encoding, MAX_RIFF_SIZE);
    }

    /** As {@link #open(Path, int, int, Encoding)}, switching to RF64 beyond {@code riffLimit} (tests). */
    static WavWriter open(Path target, int sampleRate, int channels, Encoding encoding, long riffLimit) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("channels must be 1 or 2, got " + channels);
        }
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = null;
        try {
            // Not Files.createTempFile: that makes the file owner-only (0600) and the render's
            // outputs would keep those permissions. CREATE_NEW gives the usual umask.
            FileChannel ch = null;
            while (ch == null) {
                temp = dir.resolve(tempName(absolute.getFileName().toString()));
                try {
                    ch = FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE,
                            StandardOpenOption.CREATE_NEW);
                } catch (FileAlreadyExistsException e) {
                    temp = null;
                }
            }
            return new WavWriter(absolute, temp, ch, sampleRate, channels, encoding, riffLimit);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Control or writer thread (the owner). Frames written so far. */
    public long frames() {
        return frames;
    }

    /** Any thread. The file this writer replaces at commit (absolute). */
    public Path target() {
        return target;
    }

    /**
     * Control or writer thread. Appends {@code len} frames of {@code mono} from {@code off}. On an
     * I/O error the writer aborts (the temporary file is deleted) and the error is rethrown.
     */
    public void write(double[] mono, int off, int len) {
        requireOpen();
        if (off < 0 || len < 0 || off + len > mono.length) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", length " + mono.length);
        }
        int i = off;
        int end = off + len;
        while (i < end) {
            if (fill + frameBytes > BUFFER_BYTES) {
                flush();
            }
            int n = Math.min(end - i, (BUFFER_BYTES - fill) / frameBytes);
            switch (encoding) {
                case FLOAT32 -> putFloat32(mono, i, n);
                case PCM16 -> putPcm16(mono, i, n);
                case PCM24 -> putPcm24(mono, i, n);
                default -> throw new IllegalStateException(encoding.toString());
            }
            i += n;
        }
        frames += len;
    }

    /**
     * Control or writer thread. Writes the final header, flushes to disk and atomically renames
     * the file onto the target (replacing it). On an I/O error the writer aborts and rethrows.
     */
    public void commit() {
        requireOpen();
        try {
            long dataBytes = frames * frameBytes;
            if ((dataBytes & 1) != 0) {
                if (fill == BUFFER_BYTES) {
                    flush();
                }
                bytes[fill++] = 0;
            }
            flush();
            boolean rf64 = headerBytes - 8 + dataBytes + (dataBytes & 1) > riffLimit;
            if (rf64) {
                moveData(dataBytes + (dataBytes & 1), DS64_BYTES);
            }
            ByteBuffer header = ByteBuffer.allocate(headerBytes + (rf64 ? DS64_BYTES : 0)).order(ByteOrder.LITTLE_ENDIAN);
            writeHeader(header, dataBytes, rf64);
            header.flip();
            long pos = 0;
            while (header.hasRemaining()) {
                pos += channel.write(header, pos);
            }
            channel.force(false);
            channel.close();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            state = State.COMMITTED;
        } catch (IOException e) {
            abort();
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Control or writer thread. Discards everything written; the target is left untouched. */
    public void abort() {
        if (state != State.OPEN) {
            return;
        }
        state = State.ABORTED;
        try {
            channel.close();
        } catch (IOException ignored) {
            // The file is deleted next; nothing written to it matters.
        }
        deleteQuietly(temp);
    }

    /** Control or writer thread. Aborts unless committed. */
    @Override
    public void close() {
        abort();
    }

    /** Moves {@code bytes} of data from {@code headerBytes} to {@code headerBytes + by}, last chunk first. */
    private void moveData(long bytes, int by) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(MOVE_CHUNK);
        long end = headerBytes + bytes;
        while (end > headerBytes) {
            int n = (int) Math.min(MOVE_CHUNK, end - headerBytes);
            long from = end - n;
            chunk.clear().limit(n);
            while (chunk.hasRemaining()) {
                if (channel.read(chunk, from + chunk.position()) < 0) {
                    throw new IOException("file shorter than the data written");
                }
            }
            chunk.flip();
            while (chunk.hasRemaining()) {
                channel.write(chunk, from + by + chunk.position());
            }
            end = from;
        }
    }

    private void writeHeader(ByteBuffer h, long dataBytes, boolean rf64) {
        long pad = dataBytes & 1;
        int fmtSize = encoding == Encoding.FLOAT32 ? 18 : 16;
        int bits = encoding.bytesPerSample() * 8;
        if (rf64) {
            h.put(ascii("RF64")).putInt(-1).put(ascii("WAVE"));
            h.put(ascii("ds64")).putInt(28).putLong(headerBytes + DS64_BYTES - 8 + dataBytes + pad)
                    .putLong(dataBytes).putLong(frames).putInt(0);
        } else {
            h.put(ascii("RIFF")).putInt((int) (headerBytes - 8 + dataBytes + pad)).put(ascii("WAVE"));
        }
        h.put(ascii("fmt ")).putInt(fmtSize);
        h.putShort((short) (encoding == Encoding.FLOAT32 ? 3 : 1));
        h.putShort((short) channels);
        h.putInt(sampleRate);
        h.putInt(sampleRate * frameBytes);
        h.putShort((short) frameBytes);
        h.putShort((short) bits);
        if (encoding == Encoding.FLOAT32) {
            h.putShort((short) 0);
            // fact: frames per channel, required for non-PCM formats.
            h.put(ascii("fact")).putInt(4).putInt(rf64 ? -1 : (int) frames);
        }
        h.put(ascii("data")).putInt(rf64 ? -1 : (int) dataBytes);
    }

    // One tight loop per encoding: bytes straight into the buffer, channel 2 written as a copy.

    private void putFloat32(double[] src, int from, int n) {
        byte[] b = bytes;
        int p = fill;
        int step = frameBytes;
        boolean stereo = channels == 2;
        for (int i = from, end = from + n; i < end; i++, p += step) {
            int v = Float.floatToIntBits((float) src[i]);
            b[p] = (byte) v;
            b[p + 1] = (byte) (v >> 8);
            b[p + 2] = (byte) (v >> 16);
            b[p + 3] = (byte) (v >> 24);
            if (stereo) {
                b[p + 4] = (byte) v;
                b[p + 5] = (byte) (v >> 8);
                b[p + 6] = (byte) (v >> 16);
                b[p + 7] = (byte) (v >> 24);
            }
        }
        fill = p;
    }

    private void putPcm16(double[] src, int from, int n) {
        byte[] b = bytes;
        int p = fill;
        int step = frameBytes;
        boolean stereo = channels == 2;
        for (int i = from, end = from + n; i < end; i++, p += step) {
            int v = toPcm(src[i], 16);
            b[p] = (byte) v;
            b[p + 1] = (byte) (v >> 8);
            if (stereo) {
                b[p + 2] = (byte) v;
                b[p + 3] = (byte) (v >> 8);
            }
        }
        fill = p;
    }

    private void putPcm24(double[] src, int from, int n) {
        byte[] b = bytes;
        int p = fill;
        int step = frameBytes;
        boolean stereo = channels == 2;
        for (int i = from, end = from + n; i < end; i++, p += step) {
            int v = toPcm(src[i], 24);
            b[p] = (byte) v;
            b[p + 1] = (byte) (v >> 8);
            b[p + 2] = (byte) (v >> 16);
            if (stereo) {
                b[p + 3] = (byte) v;
                b[p + 4] = (byte) (v >> 8);
                b[p + 5] = (byte) (v >> 16);
            }
        }
        fill = p;
    }

    /** NaN to 0, clip to [-1, 1], scale, round half to even, clamp to the integer range. */
    static int toPcm(double x, int bits) {
        if (Double.isNaN(x)) {
            return 0;
        }
        double full = 1 << (bits - 1);
        double clipped = x < -1 ? -1 : (x > 1 ? 1 : x);
        double v = Math.rint(clipped * full);
        return (int) (v > full - 1 ? full - 1 : v);
    }

    private void flush() {
        try {
            buffer.position(0).limit(fill);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
            fill = 0;
        } catch (IOException e) {
            abort();
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException(target + ": writer already " + state.name().toLowerCase());
        }
    }

    /**
     * {@code .NAME.tmp-RANDOM}: hidden, in the target's folder (so the rename stays on one file
     * system), never matching a render file name. The random part only avoids collisions.
     */
    private static String tempName(String targetName) {
        return "." + targetName + ".tmp-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // Best effort: a stray temp file starts with a dot and never matches a render file.
        }
    }
}
