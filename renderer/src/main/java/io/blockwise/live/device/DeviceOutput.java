package io.blockwise.live.device;

import io.blockwise.render.OutputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;

/**
 * A real audio device ({@code live --device [NAME]}): a {@code javax.sound.sampled}
 * {@link SourceDataLine} fed the engine's output as signed 16-bit little-endian PCM at the
 * engine's sample rate, each mono sample written to every channel of the line.
 *
 * <p>{@link #write} blocks while the device's buffer is full: that wait is what paces a live
 * session to the device's clock. It runs on the thread that hands blocks to the device (the live
 * driver or an output thread), never on the audio thread inside {@code Engine.process()}.
 *
 * <p>Where the line comes from: with a name, the first mixer (in {@link AudioSystem#getMixerInfo}
 * order) whose name or description contains it, ignoring case, and that offers a source line for
 * the format; without one, Java Sound's default line. On Linux Java Sound reaches ALSA, so a
 * machine without a sound card plays through whatever ALSA's {@code default} device is (for
 * example a PulseAudio or PipeWire server through ALSA's {@code pulse} plugin). When nothing
 * matches, {@link OutputException} (bad input) names the mixers there are, on one line.
 */
public final class DeviceOutput implements AutoCloseable {
    private static final int BYTES_PER_SAMPLE = 2;

    private final SourceDataLine line;
    private final String mixerName;
    private final int channels;
    private final int sampleRate;
    // Written and read by the output thread only.
    private final byte[] bytes;
    private long framesWritten;

    private DeviceOutput(SourceDataLine line, String mixerName, int channels, int sampleRate, int maxFrames) {
        this.line = line;
        this.mixerName = mixerName;
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.bytes = new byte[maxFrames * channels * BYTES_PER_SAMPLE];
    }

    /**
     * Control thread. Opens and starts a line on the device whose mixer name contains
     * {@code name} (null: the default device), at {@code sampleRate}, with {@code channels}
     * channels (2 when the device refuses 1), a buffer of about {@code bufferFrames} frames,
     * accepting writes of up to {@code maxFrames} frames.
     */
    public static DeviceOutput open(String name, int sampleRate, int channels, int bufferFrames, int maxFrames) {
        if (sampleRate < 1 || channels < 1 || bufferFrames < 1 || maxFrames < 1) {
            throw new IllegalArgumentException("sampleRate " + sampleRate + ", channels " + channels + ", bufferFrames "
                    + bufferFrames + " and maxFrames " + maxFrames + " must be positive");
        }
        OutputException last = null;
        for (int ch : channels == 1 ? new int[] {1, 2} : new int[] {channels}) {
            AudioFormat format = new AudioFormat(sampleRate, 16, ch, true, false);
            try {
                return openAt(name, format, bufferFrames, maxFrames);
            } catch (OutputException e) {
                last = e;
            }
        }
        throw last;
    }

    private static DeviceOutput openAt(String name, AudioFormat format, int bufferFrames, int maxFrames) {
        DataLine.Info wanted = new DataLine.Info(SourceDataLine.class, format);
        Mixer.Info chosen = null;
        if (name != null) {
            for (Mixer.Info info : AudioSystem.getMixerInfo()) {
                if (matches(info, name) && AudioSystem.getMixer(info).isLineSupported(wanted)) {
                    chosen = info;
                    break;
                }
            }
            if (chosen == null) {
                throw new OutputException("no audio device matches '" + name + "' for " + describe(format)
                        + "; available: " + available());
            }
        }
        try {
            SourceDataLine line = chosen == null ? AudioSystem.getSourceDataLine(format)
                    : AudioSystem.getSourceDataLine(format, chosen);
            line.open(format, bufferFrames * format.getFrameSize());
            line.start();
            return new DeviceOutput(line, chosen == null ? "default" : chosen.getName(), format.getChannels(),
                    (int) format.getSampleRate(), maxFrames);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new OutputException("cannot open " + (chosen == null ? "the default audio device" : "audio device '"
                    + chosen.getName() + "'") + " for " + describe(format) + ": " + e.getMessage() + "; available: "
                    + available());
        }
    }

    private static boolean matches(Mixer.Info info, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return info.getName().toLowerCase(Locale.ROOT).contains(n)
                || info.getDescription().toLowerCase(Locale.ROOT).contains(n);
    }

    /** Any thread. The mixers that offer some source line (an output), by name. */
    public static List<String> mixers() {
        List<String> names = new ArrayList<>();
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            if (AudioSystem.getMixer(info).getSourceLineInfo(new javax.sound.sampled.Line.Info(SourceDataLine.class)).length > 0) {
                names.add(info.getName());
            }
        }
        return names;
    }

    private static String available() {
        List<String> names = mixers();
        return names.isEmpty() ? "none (Java Sound finds no output device)" : String.join(", ", names);
    }

    private static String describe(AudioFormat f) {
        return (int) f.getSampleRate() + " Hz 16-bit " + (f.getChannels() == 1 ? "mono" : f.getChannels() + " channels");
    }

    /**
     * Output thread. Converts {@code frames} mono samples from {@code samples[offset..]} (clipped
     * to [-1, 1], rounded to 16 bits) to every channel and writes them, waiting while the device's
     * buffer is full.
     */
    public void write(double[] samples, int offset, int frames) {
        if (frames * channels * BYTES_PER_SAMPLE > bytes.length) {
            throw new IllegalArgumentException(frames + " frames is more than this output was opened for");
        }
        int at = 0;
        for (int i = 0; i < frames; i++) {
            double x = samples[offset + i];
            x = x > 1 ? 1 : x < -1 ? -1 : x; // NaN stays NaN and becomes 0 below
            int v = (int) Math.round(x * 32767);
            for (int c = 0; c < channels; c++) {
                bytes[at++] = (byte) v;
                bytes[at++] = (byte) (v >> 8);
            }
        }
        int len = at;
        int done = 0;
        while (done < len) {
            done += line.write(bytes, done, len - done);
        }
        framesWritten += frames;
    }

    /** Output thread. Frames handed to the device so far. */
    public long framesWritten() {
        return framesWritten;
    }

    /** Any thread. Frames the device has played so far (its own clock). */
    public long framesPlayed() {
        return line.getLongFramePosition();
    }

    /** Any thread. The device's buffer, in frames. */
    public int bufferFrames() {
        return line.getBufferSize() / (channels * BYTES_PER_SAMPLE);
    }

    /** Any thread. The chosen device and format, for a status line. */
    public String description() {
        return mixerName + ", " + sampleRate + " Hz 16-bit " + (channels == 1 ? "mono" : channels + " channels")
                + ", buffer " + bufferFrames() + " frames (" + String.format(Locale.ROOT, "%.1f",
                        bufferFrames() * 1000.0 / sampleRate) + " ms)";
    }

    /** Output thread. Waits until the device has played everything written. */
    public void drain() {
        line.drain();
    }

    /** Control thread. Stops and closes the line (what was not yet played is dropped; {@link #drain} first to keep it). */
    @Override
    public void close() {
        line.stop();
        line.close();
    }
}
