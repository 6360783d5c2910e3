package io.blockwise.record;

/** Sample encoding of a WAV the renderer writes. */
public enum Encoding {
    FLOAT32("float32", 4), PCM16("pcm16", 2), PCM24("pcm24", 3);

    private final String formatName;
    private final int bytesPerSample;

    Encoding(String formatName, int bytesPerSample) {
        this.formatName = formatName;
        this.bytesPerSample = bytesPerSample;
    }

    public String formatName() {
        return formatName;
    }

    public int bytesPerSample() {
        return bytesPerSample;
    }

    /** Encoding by format name, or null. */
    public static Encoding byFormatName(String name) {
        for (Encoding e : values()) {
            if (e.formatName.equals(name)) {
                return e;
            }
        }
        return null;
    }
}
