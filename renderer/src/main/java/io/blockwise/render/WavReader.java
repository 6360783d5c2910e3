package io.blockwise.render;

import io.blockwise.scenario.InputFiles;
import io.blockwise.scenario.ScenarioException;
import io.blockwise.scenario.SourcePosition;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Reads RIFF/WAVE files (and their 64-bit successor RF64, also spelled BW64, whose sizes live in a
 * {@code ds64} chunk): PCM 16/24/32-bit integer and IEEE float 32/64-bit, plain or
 * WAVE_FORMAT_EXTENSIBLE with those subformats, mono or stereo. Only regular files of at most
 * {@link InputFiles#MAX_WAV_BYTES} are read (checked before anything is allocated). Unknown chunks are skipped
 * (honouring RIFF's pad byte after odd-sized chunks); the chunk walk goes by the file's length, not
 * the RIFF size, which streaming writers often leave wrong. Integer samples are scaled by
 * 2^-(bits-1) so full scale is [-1, 1).
 *
 * <p>Every problem is a {@link ScenarioException} whose message is one line naming the file, what is
 * wrong and, where it helps, what is allowed.
 */
public final class WavReader {
    /** The formats this reader takes, for error messages. */
    public static final String ALLOWED = "PCM 16/24/32-bit, float 32/64-bit, mono or stereo";

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    /** The last 14 bytes of KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT (the first 2 are the format tag). */
    private static final byte[] SUBTYPE_TAIL = {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0,
            0x38, (byte) 0x9B, 0x71};

    private WavReader() { }

    /** Control thread. Reads {@code file}; errors are prefixed {@code FILE: }. NaN and infinities are kept. */
    public static WavData read(Path file) {
        return read(file, false, what -> new ScenarioException(file + ": " + what));
    }

    /**
     * Control thread. Reads {@code file}, named in {@code scenarioFile} at {@code where}; errors read
     * {@code SCENARIOFILE:LINE:COLUMN: PATH: FILE: what}. An input holding NaN or an infinity is
     * refused, naming its first such frame.
     */
    public static WavData readChecked(Path file, SourcePosition where, Path scenarioFile) {
        return read(file, true, what -> ScenarioException.at(scenarioFile, where, file + ": " + what));
    }

    private static WavData read(Path file, boolean finiteOnly, Function<String, ScenarioException> error) {
        byte[] bytes = InputFiles.read(file, InputFiles.MAX_WAV_BYTES, error);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int len = bytes.length;
        boolean rf64 = len >= 12 && (id(bytes, 0).equals("RF64") || id(bytes, 0).equals("BW64"));
        if (len < 12 || !(rf64 || id(bytes, 0).equals("RIFF")) || !id(bytes, 8).equals("WAVE")) {
            throw error.apply("not a WAV file (no RIFF/WAVE or RF64/WAVE header)");
        }
        long ds64DataBytes = -1;
        if (rf64) {
            if (len < 12 + 8 + 28 || !id(bytes, 12).equals("ds64")
                    || Integer.toUnsignedLong(b.getInt(16)) < 28) {
                throw error.apply("RF64 file without a ds64 chunk first");
            }
            ds64DataBytes = b.getLong(12 + 8 + 8);
        }
        Fmt fmt = null;
        int dataOffset = -1;
        long dataBytes = 0;
        long pos = 12;
        while (pos + 8 <= len) {
            String id = id(bytes, (int) pos);
            long size = Integer.toUnsignedLong(b.getInt((int) pos + 4));
            long body = pos + 8;
            if (rf64 && id.equals("data") && size == 0xFFFF_FFFFL) {
                size = ds64DataBytes; // the real size lives in ds64
                if (size < 0) {
                    throw error.apply("RF64 ds64 chunk gives a negative data size");
                }
            }
            if (id.equals("fmt ") && fmt == null) {
                if (size > len - body) {
                    throw error.apply("truncated fmt chunk");
                }
                fmt = Fmt.parse(b, (int) body, size, error);
            } else if (id.equals("data") && dataOffset < 0) {
                if (fmt == null) {
                    throw error.apply("data chunk before fmt chunk");
                }
                if (size > len - body) {
                    throw error.apply("truncated data chunk (" + size + " bytes declared, "
                            + (len - body) + " present)");
                }
                dataOffset = (int) body;
                dataBytes = size;
            }
            if (size > len - body) {
                break; // a chunk running past the end (a streaming writer's leftover) ends the walk
            }
            pos = body + size + (size & 1);
        }
        if (fmt == null) {
            throw error.apply("no fmt chunk");
        }
        if (dataOffset < 0) {
            throw error.apply("no data chunk");
        }
        if (dataBytes % fmt.blockAlign != 0) {
            throw error.apply("truncated data chunk (" + dataBytes + " bytes is not a whole number of "
                    + fmt.blockAlign + "-byte frames)");
        }
        int frames = (int) (dataBytes / fmt.blockAlign);
        double[][] samples = decode(b, dataOffset, frames, fmt);
        if (finiteOnly && fmt.isFloat) {
            requireFinite(samples, error);
        }
        return new WavData(fmt.sampleRate, fmt.channels, frames, samples, fmt.describe());
    }

    /** Refuses the first frame holding NaN or an infinity (the earliest frame, then the lowest channel). */
    private static void requireFinite(double[][] samples, Function<String, ScenarioException> error) {
        int frames = samples.length == 0 ? 0 : samples[0].length;
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < samples.length; c++) {
                double v = samples[c][i];
                if (!Double.isFinite(v)) {
                    throw error.apply("frame " + i + " (channel " + (c + 1) + ") is " + v
                            + "; allowed: finite samples");
                }
            }
        }
    }

    private static double[][] decode(ByteBuffer b, int offset, int frames, Fmt fmt) {
        int ch = fmt.channels;
        int sampleBytes = fmt.bits / 8;
        double[][] out = new double[ch][frames];
        for (int c = 0; c < ch; c++) {
            double[] dst = out[c];
            int p = offset + c * sampleBytes;
            for (int i = 0; i < frames; i++, p += fmt.blockAlign) {
                dst[i] = sample(b, p, fmt);
            }
        }
        return out;
    }

    private static double sample(ByteBuffer b, int p, Fmt fmt) {
        if (fmt.isFloat) {
            return fmt.bits == 32 ? b.getFloat(p) : b.getDouble(p);
        }
        return switch (fmt.bits) {
            case 16 -> b.getShort(p) / 32768.0;
            case 24 -> ((b.get(p) & 0xFF) | (b.get(p + 1) & 0xFF) << 8 | b.get(p + 2) << 16) / 8388608.0;
            default -> b.getInt(p) / 2147483648.0;
        };
    }

    private static String id(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
    }

    /** The validated fields of a fmt chunk. */
    private record Fmt(boolean isFloat, int bits, int channels, int sampleRate, int blockAlign) {

        static Fmt parse(ByteBuffer b, int at, long size, Function<String, ScenarioException> error) {
            if (size < 16) {
                throw error.apply("fmt chunk too short (" + size + " bytes, at least 16 needed)");
            }
            int tag = b.getShort(at) & 0xFFFF;
            int channels = b.getShort(at + 2) & 0xFFFF;
            long sampleRate = Integer.toUnsignedLong(b.getInt(at + 4));
            int blockAlign = b.getShort(at + 12) & 0xFFFF;
            int bits = b.getShort(at + 14) & 0xFFFF;
            if (tag == FORMAT_EXTENSIBLE) {
                if (size < 40) {
                    throw error.apply("WAVE_FORMAT_EXTENSIBLE fmt chunk too short (" + size
                            + " bytes, 40 needed)");
                }
                tag = b.getShort(at + 24) & 0xFFFF;
                for (int i = 0; i < SUBTYPE_TAIL.length; i++) {
                    if (b.get(at + 26 + i) != SUBTYPE_TAIL[i]) {
                        throw error.apply("unsupported WAVE_FORMAT_EXTENSIBLE subformat (not PCM or IEEE float); allowed: "
                                + ALLOWED);
                    }
                }
            }
            boolean supported = (tag == FORMAT_PCM && (bits == 16 || bits == 24 || bits == 32))
                    || (tag == FORMAT_FLOAT && (bits == 32 || bits == 64));
            if (!supported) {
                String tagName = tag == FORMAT_PCM ? bits + "-bit PCM"
                        : tag == FORMAT_FLOAT ? bits + "-bit float"
                        : "format tag 0x" + String.format("%04X", tag) + " (" + bits + "-bit)";
                throw error.apply("unsupported WAV encoding " + tagName + "; allowed: " + ALLOWED);
            }
            if (channels != 1 && channels != 2) {
                throw error.apply("unsupported channel count " + channels + "; allowed: " + ALLOWED);
            }
            if (sampleRate == 0 || sampleRate > Integer.MAX_VALUE) {
                throw error.apply("invalid sample rate " + sampleRate);
            }
            if (blockAlign != channels * bits / 8) {
                throw error.apply("inconsistent fmt chunk: block align " + blockAlign + " for "
                        + channels + " channel(s) of " + bits + " bits");
            }
            return new Fmt(tag == FORMAT_FLOAT, bits, channels, (int) sampleRate, blockAlign);
        }

        String describe() {
            return (isFloat ? "float " : "PCM ") + bits + "-bit";
        }
    }
}
