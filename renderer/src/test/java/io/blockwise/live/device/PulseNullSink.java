package io.blockwise.live.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private PulseAudio server with one null sink, {@code blockwise}, for tests on machines without
 * a sound card: started as a child process (never daemonized, so it ends with the test) with its
 * own runtime folder and socket, so it meets no other server. A child JVM given
 * {@link #environment()} plays into the sink through ALSA's {@code pulse} plugin (its
 * {@code ~/.asoundrc} makes that ALSA's default device); {@link #record} captures the sink's
 * monitor with {@code parec}. {@link #start} returns null with the reason in {@link #whyNot} when
 * the server cannot run here.
 */
final class PulseNullSink implements AutoCloseable {
    static final String SINK = "blockwise";

    private final Path root;
    private final Process server;
    private final List<Process> recorders = new ArrayList<>();

    /** Why the last {@link #start} returned null. */
    static String whyNot = "";

    private PulseNullSink(Path root, Process server) {
        this.root = root;
        this.server = server;
    }

    /** Control thread. Starts the server under {@code root} at {@code rate} Hz stereo; null (see {@link #whyNot}) if it cannot run. */
    static PulseNullSink start(Path root, int rate) throws IOException, InterruptedException {
        for (String tool : List.of("pulseaudio", "parec", "pactl")) {
            if (!onPath(tool)) {
                whyNot = tool + " is not installed (.ci/run installs pulseaudio, pulseaudio-utils, libasound2-plugins)";
                return null;
            }
        }
        Path run = Files.createDirectories(root.resolve("run"));
        Path home = Files.createDirectories(root.resolve("home"));
        Files.writeString(home.resolve(".asoundrc"), "pcm.!default { type pulse }\nctl.!default { type pulse }\n");
        Path log = root.resolve("pulse.log");
        ProcessBuilder pb = new ProcessBuilder("pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1",
                "--disallow-exit", "--use-pid-file=no", "--log-target=file:" + log,
                "-L", "module-native-protocol-unix socket=" + run.resolve("native") + " auth-anonymous=1",
                "-L", "module-null-sink sink_name=" + SINK + " rate=" + rate + " channels=2 format=s16le")
                .redirectErrorStream(true).redirectOutput(root.resolve("pulse.out").toFile());
        pb.environment().putAll(env(root));
        Process server = pb.start();
        PulseNullSink sink = new PulseNullSink(root, server);
        for (int i = 0; i < 100; i++) {
            if (!server.isAlive()) {
                whyNot = "pulseaudio exited with " + server.exitValue() + ": " + tail(log) + " " + tail(root.resolve("pulse.out"));
                return null;
            }
            if (sink.pactl("set-default-sink", SINK) == 0) {
                return sink;
            }
            Thread.sleep(100);
        }
        sink.close();
        whyNot = "pulseaudio did not answer within 10 s: " + tail(log);
        return null;
    }

    private static Map<String, String> env(Path root) {
        return Map.of("HOME", root.resolve("home").toString(), "XDG_RUNTIME_DIR", root.resolve("run").toString(),
                "PULSE_RUNTIME_PATH", root.resolve("run").toString(),
                "PULSE_SERVER", "unix:" + root.resolve("run").resolve("native"));
    }

    /** Any thread. The environment a child process needs to play into or record from the sink. */
    Map<String, String> environment() {
        return env(root);
    }

    private int pactl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("pactl"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(environment());
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    /** Control thread. Starts recording the sink's monitor into {@code wav} (16-bit stereo at {@code rate}). */
    Process record(Path wav, int rate) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("parec", "-d", SINK + ".monitor", "--file-format=wav",
                "--format=s16le", "--rate=" + rate, "--channels=2", "--latency-msec=20", wav.toString())
                .redirectErrorStream(true).redirectOutput(root.resolve("parec.out").toFile());
        pb.environment().putAll(environment());
        Process p = pb.start();
        recorders.add(p);
        return p;
    }

    /** Control thread. Stops a recording so that its WAV header is complete (parec ends on SIGTERM). */
    static void stop(Process recorder) throws InterruptedException {
        recorder.destroy();
        if (!recorder.waitFor(10, TimeUnit.SECONDS)) {
            recorder.destroyForcibly();
        }
    }

    /** Any thread. The last lines of the server's log, for a failure message. */
    String log() {
        return tail(root.resolve("pulse.log"));
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e.getMessage() + ")";
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : recorders) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }
}
