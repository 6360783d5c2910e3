package io.blockwise.bench;

import io.blockwise.dsp.Convolver;
import io.blockwise.dsp.PitchShifter;
import io.blockwise.dsp.ProcessSpec;
import io.blockwise.dsp.RtMath;
import io.blockwise.dsp.Stage;
import io.blockwise.dsp.StageType;
import io.blockwise.engine.StageFactory;
import io.blockwise.render.WavReader;
import io.blockwise.scenario.StageSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * bench-rig's three DSP kernels, each over the whole 60 s in blocks of 128, timed by this
 * thread's CPU time (so other processes on a shared machine inflate the figures far less than
 * wall time), with a checksum of each kernel's output bits: two builds with equal checksums
 * produce the same samples. Chained as in the rig: preamp (gain 8, soft clipper) → convolver
 * (the 1 s IR × 0.2) → pitch shifter (+3 semitones). Input and IR are the peer rig's
 * ({@code /tmp/peers/in60.wav}, {@code ir1s.wav}, made by {@code bench/peers.sh} or {@code bench/peers/make_inputs.py});
 * without them, a synthetic input and IR of the same lengths.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.blockwise.bench.RigKernelTiming
 * [rounds]} (default 7, after 3 warm-up rounds). Prints per kernel the minimum and median CPU ns
 * per sample over the rounds, and the checksums. For an A/B of two builds, run each build's jar
 * alternately and compare minima (the class only needs the renderer's public API, so an older
 * jar can be timed by putting this class in front of it on the class path).
 *
 * <p>{@code RigKernelTiming math}: the same CPU-time measure, ns per call, for StrictMath's and
 * RtMath's tanh (|x| < 4), atan2 (|x|, |y| < 4), sin (|x| < 4) and cos of vocoder phase
 * advances (0..1350 rad), minimum of 9 rounds of 2^20 calls each.
 */
public final class RigKernelTiming {
    private static final int RATE = 48000;
    private static final int BLOCK = 128;
    private static final int FRAMES = 60 * RATE;
    private static final String[] NAMES = {"preamp", "convolver", "pitchShifter"};

    private RigKernelTiming() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("math")) {
            math();
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        double[] input = input();
        double[] ir = ir();
        Stage preamp = StageFactory.build(StageSpec.defaults(StageType.PREAMP).with(0, 8).withChoice(0),
                new ProcessSpec(RATE, BLOCK));
        Convolver convolver = new Convolver(ir, BLOCK);
        PitchShifter shifter = new PitchShifter(3, RATE, BLOCK);
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        double[] a = new double[FRAMES];
        double[] b = new double[FRAMES];
        long[][] cpu = new long[NAMES.length][rounds];
        long[] checksum = new long[NAMES.length];
        for (int r = -3; r < rounds; r++) {
            preamp.reset();
            convolver.reset();
            shifter.reset();
            System.arraycopy(input, 0, a, 0, FRAMES);
            for (int k = 0; k < NAMES.length; k++) {
                long start = bean.getCurrentThreadCpuTime();
                for (int off = 0; off < FRAMES; off += BLOCK) {
                    switch (k) {
                        case 0 -> preamp.process(a, off, BLOCK);
                        case 1 -> convolver.process(a, b, off, BLOCK);
                        default -> shifter.process(b, off, BLOCK);
                    }
                }
                long used = bean.getCurrentThreadCpuTime() - start;
                double[] out = k == 0 ? a : b;
                if (r >= 0) {
                    cpu[k][r] = used;
                }
                checksum[k] = checksum(out);
            }
        }
        System.out.printf(Locale.ROOT, "%-13s %10s %10s  %s%n", "kernel", "min ns/smp", "med ns/smp", "checksum");
        long totalMin = 0;
        for (int k = 0; k < NAMES.length; k++) {
            long[] s = cpu[k].clone();
            Arrays.sort(s);
            totalMin += s[0];
            System.out.printf(Locale.ROOT, "%-13s %10.2f %10.2f  %016x%n", NAMES[k], (double) s[0] / FRAMES,
                    (double) s[rounds / 2] / FRAMES, checksum[k]);
        }
        System.out.printf(Locale.ROOT, "%-13s %10.2f%n", "sum of minima", (double) totalMin / FRAMES);
    }

    private static final String[] MATH = {"StrictMath.tanh", "RtMath.tanh", "StrictMath.atan2", "RtMath.atan2",
        "StrictMath.sin", "RtMath.sin", "StrictMath.cos(phase)", "RtMath.cos(phase)", "RtMath.sinCos(phase)"};

    private static void math() {
        int n = 1 << 20;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] phase = new double[n];
        SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble(-4, 4);
            y[i] = random.nextDouble(-4, 4);
            phase[i] = random.nextDouble(0, 1350);
        }
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        double[] both = new double[2];
        long[] best = new long[MATH.length];
        Arrays.fill(best, Long.MAX_VALUE);
        double sink = 0;
        for (int round = 0; round < 12; round++) {
            for (int f = 0; f < MATH.length; f++) {
                long start = bean.getCurrentThreadCpuTime();
                double s = mathLoop(f, x, y, phase, both);
                long used = bean.getCurrentThreadCpuTime() - start;
                sink += s;
                if (round >= 3) {
                    best[f] = Math.min(best[f], used);
                }
            }
        }
        for (int f = 0; f < MATH.length; f++) {
            System.out.printf(Locale.ROOT, "%-22s %6.2f ns/call%n", MATH[f], (double) best[f] / n);
        }
        System.out.println("(sum " + sink + ")");
    }

    /** One loop per function, so that each is compiled on its own, as in a caller. */
    private static double mathLoop(int f, double[] x, double[] y, double[] phase, double[] both) {
        double s = 0;
        int n = x.length;
        switch (f) {
            case 0 -> { for (int i = 0; i < n; i++) { s += StrictMath.tanh(x[i]); } }
            case 1 -> { for (int i = 0; i < n; i++) { s += RtMath.tanh(x[i]); } }
            case 2 -> { for (int i = 0; i < n; i++) { s += StrictMath.atan2(y[i], x[i]); } }
            case 3 -> { for (int i = 0; i < n; i++) { s += RtMath.atan2(y[i], x[i]); } }
            case 4 -> { for (int i = 0; i < n; i++) { s += StrictMath.sin(x[i]); } }
            case 5 -> { for (int i = 0; i < n; i++) { s += RtMath.sin(x[i]); } }
            case 6 -> { for (int i = 0; i < n; i++) { s += StrictMath.cos(phase[i]); } }
            case 7 -> { for (int i = 0; i < n; i++) { s += RtMath.cos(phase[i]); } }
            default -> {
                for (int i = 0; i < n; i++) {
                    RtMath.sinCos(phase[i], both);
                    s += both[0] + both[1];
                }
            }
        }
        return s;
    }

    private static long checksum(double[] x) {
        long h = 1125899906842597L;
        for (double v : x) {
            h = 31 * h + Double.doubleToLongBits(v);
        }
        return h;
    }

    private static double[] input() {
        Path wav = Path.of("/tmp/peers/in60.wav");
        if (Files.isReadable(wav)) {
            return Arrays.copyOf(WavReader.read(wav).channelData()[0], FRAMES);
        }
        double[] x = new double[FRAMES];
        for (int n = 0; n < FRAMES; n++) {
            double t = (double) (n % RATE) / RATE; // a plucked note a second
            x[n] = 0.5 * StrictMath.exp(-3 * t) * (StrictMath.sin(2 * Math.PI * 110 * t)
                    + 0.5 * StrictMath.sin(2 * Math.PI * 220 * t) + 0.3 * StrictMath.sin(2 * Math.PI * 330 * t));
        }
        return x;
    }

    private static double[] ir() {
        Path wav = Path.of("/tmp/peers/ir1s.wav");
        double[] ir = Files.isReadable(wav) ? WavReader.read(wav).channelData()[0].clone()
                : ConvolverBlockTiming.ir(RATE);
        for (int i = 0; i < ir.length; i++) {
            ir[i] *= 0.2;
        }
        return ir;
    }
}
