package io.blockwise.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a process: SIGINT and SIGTERM during a render (a child JVM), a SIGKILL's
 * leftovers cleaned by the next run, four renders of one scenario into one folder at once, bless
 * and check at once, a full disk (a small tmpfs, when this test may mount one), and a user's file
 * in the output folder. Waits are bounded generously and only catch hangs.
 */
class ProcessLevelTest {
    @TempDir
    Path tmp;

    static String scenario(String name, String duration) {
        return "{\"format\": \"blockwise/1\", \"name\": \"" + name + "\", \"sampleRate\": 8000, \"blockSize\": 32,"
                + " \"duration\": \"" + duration + "\", \"input\": {\"type\": \"sine\", \"freq\": 440},"
                + " \"setup\": {\"chain\": [{\"type\": \"level\", \"gain\": 0.5}]},"
                + " \"events\": [{\"at\": 100, \"do\": \"setParameter\", \"stage\": 0, \"param\": \"gain\", \"value\": 1}]}";
    }

    Path write(String name, String duration) throws IOException {
        Path f = tmp.resolve(name + ".json");
        Files.writeString(f, scenario(name, duration));
        return f;
    }

    static Process start(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Blockwise.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("child-" + System.nanoTime() + ".out").toFile())
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
    }

    record Exit(int code, String err) { }

    static Exit finish(Process p) throws Exception {
        try {
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the child did not end");
            return new Exit(p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
        }
    }

    static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Waits until the child is rendering: its staging folder holds the WAV being written. */
    static Path awaitStaging(Process p, Path out, String name) throws Exception {
        for (int i = 0; i < 3000 && p.isAlive(); i++) {
            if (Files.isDirectory(out)) {
                for (String e : entries(out)) {
                    Path staging = out.resolve(e);
                    if (e.startsWith("." + name + ".") && e.endsWith(".partial") && !entries(staging).isEmpty()) {
                        return staging;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the child never started rendering (alive: " + p.isAlive() + ")");
    }

    static boolean ignores(Process p, int signal) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(p.pid()), "status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring(7).trim(), 16) & (1L << (signal - 1))) != 0;
            }
        }
        return false;
    }

    void interrupt(String signal, int number, int expectedExit) throws Exception {
        Path s = write("long", "3600s");
        Path out = tmp.resolve("out");
        Process p = start(tmp, "render", s.toString(), "-o", out.toString());
        try {
            Path staging = awaitStaging(p, out, "long");
            Assumptions.assumeFalse(ignores(p, number), "the child JVM inherited SIG" + signal + " as ignored");
            new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).start().waitFor();
            Exit e = finish(p);
            assertEquals(expectedExit, e.code, e.err);
            assertEquals("interrupted: nothing written to " + out.resolve("long") + "\n", e.err);
            assertFalse(Files.exists(staging), "staging folder removed");
            assertEquals(List.of(".long.lock"), entries(out), "nothing but the lock file");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void sigintDuringARenderRemovesItsStagingFilesAndExits130WithOneLine() throws Exception {
        interrupt("INT", 2, 130);
    }

    @Test
    void sigtermDuringARenderRemovesItsStagingFilesAndExits143WithOneLine() throws Exception {
        interrupt("TERM", 15, 143);
    }

    @Test
    void theLeftoversOfAKilledRenderAreRemovedByTheNextRender() throws Exception {
        Path s = write("long", "3600s");
        Path out = tmp.resolve("out");
        Process p = start(tmp, "render", s.toString(), "-o", out.toString());
        Path staging;
        try {
            staging = awaitStaging(p, out, "long");
        } finally {
            p.destroyForcibly();
        }
        p.waitFor(60, TimeUnit.SECONDS);
        assertTrue(Files.exists(staging), "SIGKILL leaves the staging folder behind");
        StringWriter err = new StringWriter();
        int code = Blockwise.run(new String[] {"render", write("tiny", "0.1s").toString(), "-o", out.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        assertFalse(Files.exists(staging), "the dead run's staging folder was removed");
        assertEquals(List.of(".long.lock", ".tiny.lock", "tiny"), entries(out));
    }

    @Test
    void fourRendersOfOneScenarioIntoOneFolderAtOnceAllSucceedAndLeaveWhatALoneRenderLeaves() throws Exception {
        Path s = write("tiny", "1s");
        Path out = tmp.resolve("out");
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(start(tmp, "render", s.toString(), "-o", out.toString()));
        }
        for (Process p : runs) {
            Exit e = finish(p);
            assertEquals(0, e.code, e.err);
            assertEquals("", e.err);
        }
        Path lone = tmp.resolve("lone");
        assertEquals(0, Blockwise.run(new String[] {"render", s.toString(), "-o", lone.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        assertEquals(List.of(".tiny.lock", "tiny"), entries(out));
        assertEquals(entries(lone.resolve("tiny")), entries(out.resolve("tiny")));
        for (String f : List.of("output.wav", "events.jsonl")) {
            assertArrayEquals(Files.readAllBytes(lone.resolve("tiny").resolve(f)),
                    Files.readAllBytes(out.resolve("tiny").resolve(f)), f);
        }
    }

    @Test
    void blessAndCheckOfOneScenarioCanRunAtTheSameTime() throws Exception {
        Path s = write("tiny", "1s");
        String golden = tmp.resolve("golden").toString();
        String out = tmp.resolve("out").toString();
        assertEquals(0, Blockwise.run(new String[] {"bless", s.toString(), "--golden", golden, "-o", out},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(start(tmp, "bless", s.toString(), "--golden", golden, "-o", out));
            runs.add(start(tmp, "check", s.toString(), "--golden", golden, "-o", out));
        }
        for (Process p : runs) {
            Exit e = finish(p);
            assertEquals(0, e.code, e.err);
        }
        assertEquals(List.of("events.jsonl", "output.wav"), entries(tmp.resolve("golden").resolve("tiny")),
                "no temporary copies left in golden");
    }

    @Test
    void aRenderIntoAFolderHoldingAUsersFileIsRefusedInOneLineAndTheFileKept() throws Exception {
        Path s = write("tiny", "0.1s");
        Path target = tmp.resolve("out").resolve("tiny");
        Files.createDirectories(target);
        Files.writeString(target.resolve("notes.txt"), "mine");
        Exit e = finish(start(tmp, "render", s.toString(), "-o", tmp.resolve("out").toString()));
        assertEquals(2, e.code, e.err);
        assertEquals("blockwise: " + target + " holds files a render does not write (notes.txt); nothing written:"
                + " move them away or render into another folder (-o)\n", e.err);
        assertEquals(List.of("notes.txt"), entries(target));
        assertEquals("mine", Files.readString(target.resolve("notes.txt")));
    }

    @Test
    void aFullDiskIsOneLineWithExitTwoAndLeavesNoStagingFiles() throws Exception {
        Path disk = tmp.resolve("disk");
        Files.createDirectories(disk);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        String why = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        Assumptions.assumeTrue(mount.waitFor() == 0, "cannot mount a small tmpfs here (needs root): " + why);
        try {
            Path out = disk.resolve("out");
            // 0.5 s at 8 kHz, float32 mono: output.wav needs 16058 bytes.
            Path s = write("tiny", "0.5s");
            Files.createDirectories(out);
            Files.write(out.resolve("filler"), new byte[65536 - 8192]);
            StringWriter err = new StringWriter();
            int code = Blockwise.run(new String[] {"render", s.toString(), "-o", out.toString()},
                    new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertEquals(2, code, err.toString());
            assertTrue(err.toString().matches("blockwise: cannot write " + out.resolve("tiny")
                    + ": output\\.wav needs 16080 bytes and .* has [0-9]+ free; nothing written\n"), err.toString());
            assertEquals(List.of(".tiny.lock", "filler"), entries(out), "refused up front");

            // Room for output.wav (four 4 KiB pages), none for events.jsonl: the write itself fails.
            Files.write(out.resolve("filler"), new byte[65536 - 16384]);
            err = new StringWriter();
            code = Blockwise.run(new String[] {"render", s.toString(), "-o", out.toString()},
                    new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertEquals(2, code, err.toString());
            assertEquals(1, err.toString().lines().count(), err.toString());
            assertTrue(err.toString().startsWith("blockwise: cannot write " + out.resolve("tiny") + ": "), err.toString());
            assertTrue(err.toString().contains("No space left on device"), err.toString());
            assertEquals(List.of(".tiny.lock", "filler"), entries(out), "no staging files left");
        } finally {
            Process umount = new ProcessBuilder("umount", disk.toString()).redirectErrorStream(true).start();
            String said = new String(umount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (umount.waitFor() != 0) {
                StringBuilder open = new StringBuilder();
                try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
                    for (Path fd : fds.toList()) {
                        try {
                            Path t = Files.readSymbolicLink(fd);
                            if (t.startsWith(disk)) {
                                open.append(' ').append(t);
                            }
                        } catch (IOException ignored) {
                            // closed meanwhile
                        }
                    }
                }
                // Busy (an open file somewhere): detach it so the temporary folder can go.
                new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor();
                throw new AssertionError("umount " + disk + " failed: " + said + "; files this JVM left open:" + open);
            }
        }
    }
}
