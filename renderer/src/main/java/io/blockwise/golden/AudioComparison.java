package io.blockwise.golden;

import io.blockwise.render.WavData;
import io.blockwise.render.WavReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Compares two WAV files: byte for byte first (the golden check), and when they differ, sample by
 * sample to say where and how much. Samples past the shorter file's end count as 0 against the
 * longer one; in stereo files every channel is compared and the worst is reported.
 */
public final class AudioComparison {

    private AudioComparison() { }

    /**
     * The outcome. {@code firstDifferingFrame} and {@code firstDifferingBlock} are -1 when the decoded
     * samples agree (and {@code maxAbsDifference} is 0, {@code snrDb} +infinity); a frame present in
     * one file only counts as differing. {@code firstDifferingBlock} is -1 when no block size was
     * given.
     */
    public record Result(Path expected, Path actual, boolean identicalBytes, String expectedFormat,
            String actualFormat, int expectedFrames, int actualFrames, long firstDifferingFrame,
            long firstDifferingBlock, int blockSize, double maxAbsDifference, double snrDb, int sampleRate) {

        /** Any thread. True when the files are byte for byte the same. */
        public boolean matches() {
            return identicalBytes;
        }

        /** Any thread. One paragraph for a person. */
        public String describe() {
            if (identicalBytes) {
                return actual + ": identical to " + expected + ".";
            }
            StringBuilder sb = new StringBuilder();
            sb.append("actual ").append(actual).append(": differs from expected ").append(expected).append(": ");
            if (!expectedFormat.equals(actualFormat)) {
                sb.append("format ").append(actualFormat).append(" vs expected ").append(expectedFormat).append("; ");
            }
            if (actualFrames == expectedFrames) {
                sb.append("both ").append(actualFrames).append(" frames; ");
            } else {
                sb.append(actualFrames).append(" frames vs expected ").append(expectedFrames).append("; ");
            }
            if (firstDifferingFrame < 0) {
                sb.append("the decoded samples are identical (only the header bytes differ).");
                return sb.toString();
            }
            sb.append("first difference at frame ").append(firstDifferingFrame);
            if (firstDifferingBlock >= 0) {
                sb.append(" (block ").append(firstDifferingBlock).append(" of ").append(blockSize)
                        .append(" frames)");
            }
            if (sampleRate > 0) {
                sb.append(String.format(Locale.ROOT, " at %.6f s", firstDifferingFrame / (double) sampleRate));
            }
            sb.append(String.format(Locale.ROOT, "; max |difference| %.6g (%.1f dBFS); SNR %.1f dB.",
                    maxAbsDifference, 20 * Math.log10(maxAbsDifference), snrDb));
            return sb.toString();
        }
    }

    /**
     * Control thread. Compares {@code actualWav} against {@code expectedWav}; {@code blockSize} (or 0
     * if unknown) turns the first differing frame into a block number. Unreadable WAVs throw the
     * reader's {@link io.blockwise.scenario.ScenarioException}.
     */
    public static Result compare(Path expectedWav, Path actualWav, int blockSize) {
        boolean same;
        try {
            same = Files.mismatch(expectedWav, actualWav) == -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WavData e = WavReader.read(expectedWav);
        WavData a = WavReader.read(actualWav);
        if (same) {
            return new Result(expectedWav, actualWav, true, format(e), format(a), e.frames(), a.frames(),
                    -1, -1, blockSize, 0, Double.POSITIVE_INFINITY, 0);
        }
        int frames = Math.max(e.frames(), a.frames());
        int channels = Math.max(e.channels(), a.channels());
        long first = -1;
        double maxDiff = 0;
        double signal = 0;
        double noise = 0;
        for (int c = 0; c < channels; c++) {
            double[] ec = e.channelData()[Math.min(c, e.channels() - 1)];
            double[] ac = a.channelData()[Math.min(c, a.channels() - 1)];
            for (int i = 0; i < frames; i++) {
                double x = i < ec.length ? ec[i] : 0;
                double y = i < ac.length ? ac[i] : 0;
                double d = x - y;
                boolean differs = i >= ec.length || i >= ac.length || Double.compare(x, y) != 0;
                if (differs && (first < 0 || i < first)) {
                    first = i;
                }
                maxDiff = Math.max(maxDiff, Math.abs(d));
                signal += x * x;
                noise += d * d;
            }
        }
        double snr = noise == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(signal / noise);
        long block = first >= 0 && blockSize > 0 ? first / blockSize : -1;
        return new Result(expectedWav, actualWav, false, format(e), format(a),
                e.frames(), a.frames(), first, block, blockSize, maxDiff, snr, e.sampleRate());
    }

    private static String format(WavData d) {
        return d.format() + " " + (d.channels() == 1 ? "mono" : "stereo") + " " + d.sampleRate() + " Hz";
    }
}
