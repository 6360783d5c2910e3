package io.blockwise.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Dropouts as runs of exact zeros inside sound: a run of at least {@value #MIN_MS} ms and at most
 * {@value #MAX_MS} ms of samples equal to 0, with sound on both sides (peak above
 * {@value GlitchDetector#SILENCE_DBFS} dBFS over the {@value #SIDE_MS} ms before and after), entered
 * abruptly (the peak over the last {@value #ENTRY_MS} ms before the run is within 20 dB of the peak
 * over the {@value #SIDE_MS} ms before it: a fade into silence is not a dropout). The 1 ms minimum
 * sits above the zeros a quantised sine has around its zero crossings (about 12 frames for a 20 Hz
 * sine at -60 dBFS in 16-bit PCM); longer runs are pauses, not dropouts.
 */
final class ZeroRuns {
    static final double MIN_MS = 1;
    static final double MAX_MS = 250;
    static final double SIDE_MS = 20;
    static final double ENTRY_MS = 5;

    private ZeroRuns() { }

    /** Any thread. The dropouts of {@code x} as [start, end) frame intervals. */
    static List<int[]> find(double[] x, int sampleRate) {
        int min = Levels.frames(MIN_MS, sampleRate);
        int max = Levels.frames(MAX_MS, sampleRate);
        int side = Levels.frames(SIDE_MS, sampleRate);
        int entry = Levels.frames(ENTRY_MS, sampleRate);
        double sound = Levels.fromDb(GlitchDetector.SILENCE_DBFS);
        List<int[]> out = new ArrayList<>();
        int n = 0;
        while (n < x.length) {
            if (x[n] != 0) {
                n++;
                continue;
            }
            int start = n;
            while (n < x.length && x[n] == 0) {
                n++;
            }
            int len = n - start;
            if (len < min || len > max || n == x.length) {
                continue;
            }
            double before = Levels.peak(x, start - side, start);
            double after = Levels.peak(x, n, n + side);
            double justBefore = Levels.peak(x, start - entry, start);
            if (before >= sound && after >= sound && justBefore >= before * Levels.fromDb(-20)) {
                out.add(new int[] {start, n});
            }
        }
        return out;
    }
}
