package io.blockwise.render;

/**
 * The decoded samples of a WAV file: {@code channelData[c][frame]} in [-1, 1) for PCM (float
 * files as stored), plus the file's rate, channel count, frame count and a description of its
 * encoding ({@code "PCM 16-bit"}, {@code "float 32-bit"}, ...). The arrays are not copied.
 */
public record WavData(int sampleRate, int channels, int frames, double[][] channelData, String format) {

    public WavData {
        if (channelData.length != channels) {
            throw new IllegalArgumentException(channels + " channels but " + channelData.length + " arrays");
        }
        for (double[] c : channelData) {
            if (c.length != frames) {
                throw new IllegalArgumentException(frames + " frames but a channel of " + c.length);
            }
        }
    }

    /** Any thread. Data of unknown encoding. */
    public WavData(int sampleRate, int channels, int frames, double[][] channelData) {
        this(sampleRate, channels, frames, channelData, "unknown");
    }

    /** Any thread. A new array: the average of the channels. */
    public double[] mono() {
        if (channels == 1) {
            return channelData[0].clone();
        }
        double[] out = new double[frames];
        for (int i = 0; i < frames; i++) {
            double sum = 0;
            for (double[] c : channelData) {
                sum += c[i];
            }
            out[i] = sum / channels;
        }
        return out;
    }
}
