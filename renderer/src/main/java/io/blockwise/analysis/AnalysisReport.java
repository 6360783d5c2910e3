package io.blockwise.analysis;

import io.blockwise.render.WavData;
import io.blockwise.render.WavReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What {@code blockwise analyze} says about a WAV file: its shape, level statistics per channel and
 * overall, and the glitches of every channel (sorted by frame, then channel). The file is
 * {@link #clean()} when it has no glitch and no NaN/Inf sample.
 */
public record AnalysisReport(String file, int sampleRate, int channels, int frames, String format,
        double quantum, SignalStats overall, List<SignalStats> perChannel, List<Glitch> glitches) {

    /**
     * Control thread. Reads and analyses {@code wav}; a file that is missing, unreadable or not a
     * supported WAV throws {@link io.blockwise.scenario.ScenarioException} (from {@link WavReader}).
     */
    public static AnalysisReport analyze(Path wav) {
        return of(wav.toString(), WavReader.read(wav));
    }

    /** Any thread. Analyses decoded samples; {@code name} names them in the report. */
    public static AnalysisReport of(String name, WavData data) {
        double quantum = quantum(data.format());
        List<SignalStats> per = new ArrayList<>();
        List<Glitch> glitches = new ArrayList<>();
        for (int c = 0; c < data.channels(); c++) {
            double[] x = data.channelData()[c];
            per.add(SignalStats.of(new double[][] {x}, quantum));
            glitches.addAll(GlitchDetector.detect(x, c, data.sampleRate(), quantum));
        }
        glitches.sort(Comparator.comparingInt(Glitch::frame).thenComparingInt(Glitch::channel));
        return new AnalysisReport(name, data.sampleRate(), data.channels(), data.frames(), data.format(),
                quantum, SignalStats.of(data.channelData(), quantum), List.copyOf(per), List.copyOf(glitches));
    }

    /**
     * Any thread. The step of an encoding as {@link WavData#format()} names it: 2^-15 for
     * {@code PCM 16-bit}, 2^-23 for 24-bit, 2^-31 for 32-bit, and 2^-24 (float32's relative step at
     * full scale) for float and unknown encodings.
     */
    public static double quantum(String format) {
        return switch (format) {
            case "PCM 16-bit" -> 0x1p-15;
            case "PCM 24-bit" -> 0x1p-23;
            case "PCM 32-bit" -> 0x1p-31;
            default -> 0x1p-24;
        };
    }

    /** Any thread. True when there is no glitch and no NaN/Inf sample. */
    public boolean clean() {
        return glitches.isEmpty() && overall.nonFinite() == 0;
    }

    /** Any thread. The report as text, one fact a line. */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s: %d Hz, %d channel(s), %d frames (%.3f s), %s%n", file,
                sampleRate, channels, frames, frames / (double) sampleRate, format));
        for (int c = 0; c < perChannel.size(); c++) {
            b.append(line("channel " + c, perChannel.get(c)));
        }
        if (channels > 1) {
            b.append(line("all", overall));
        }
        b.append(glitches.size()).append(glitches.size() == 1 ? " glitch" : " glitches").append('\n');
        for (Glitch g : glitches) {
            b.append(String.format(Locale.ROOT, "  frame %d (%.4f s) channel %d: %s, size %.4g %s%n",
                    g.frame(), g.frame() / (double) sampleRate, g.channel(), g.kind().label(), g.size(),
                    g.kind().unit()));
        }
        return b.toString();
    }

    private static String line(String what, SignalStats s) {
        String nan = s.nonFinite() == 0 ? "0" : s.nonFinite() + " (first at frame " + s.firstNonFiniteFrame() + ")";
        return String.format(Locale.ROOT, "%s: peak %.4f (%s dBFS), RMS %.4f (%s dBFS), DC %+.6f, clipped %d, NaN/Inf %s%n",
                what, s.peak(), db(s.peak()), s.rms(), db(s.rms()), s.dc(), s.clipped(), nan);
    }

    private static String db(double linear) {
        return linear > 0 ? String.format(Locale.ROOT, "%.1f", SignalStats.dbfs(linear)) : "-inf";
    }
}
