package io.blockwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.golden.CheckFailure;
import io.blockwise.render.OutputException;
import io.blockwise.scenario.ScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One mapper from failures to exit codes and one-line messages. */
class ExitCodesTest {
    @TempDir
    Path tmp;

    static String reported(Throwable e, boolean debug, int expectedCode) {
        StringWriter err = new StringWriter();
        assertEquals(expectedCode, ExitCodes.report(e, debug, new PrintWriter(err)), e.toString());
        return err.toString();
    }

    @Test
    void anUnexpectedErrorIsOneLineSayingWhatWasBeingDoneAndThatDebugShowsTheStackWithExitThree() {
        Doing.now("rendering scenarios/x.json");
        assertEquals("blockwise: internal error while rendering scenarios/x.json: OutOfMemoryError: Java heap space;"
                + " --debug shows the stack trace\n", reported(new OutOfMemoryError("Java heap space"), false, 3));
        assertEquals("blockwise: internal error while rendering scenarios/x.json: NegativeArraySizeException:"
                + " -2147483648; --debug shows the stack trace\n",
                reported(new NegativeArraySizeException("-2147483648"), false, 3), "never a bare number");
        assertEquals("blockwise: internal error while rendering scenarios/x.json: IllegalStateException;"
                + " --debug shows the stack trace\n", reported(new IllegalStateException(), false, 3));
        String debug = reported(new OutOfMemoryError("Java heap space"), true, 3);
        assertTrue(debug.contains("\tat "), debug);
    }

    @Test
    void badInputIsTwoAndAFailedCheckIsOne() {
        assertEquals("blockwise: s.json:1:2: x: bad\n", reported(new ScenarioException("s.json:1:2: x: bad"), false, 2));
        assertEquals("blockwise: out/a holds files\n", reported(new OutputException("out/a holds files"), false, 2));
        assertEquals("blockwise: cannot write out/a: No space left on device\n", reported(new UncheckedIOException(
                "cannot write out/a: No space left on device", new IOException("No space left on device")), false, 2));
        assertEquals("blockwise: not blessing a: defects\n", reported(new CheckFailure("not blessing a: defects"), false, 1));
        assertEquals("blockwise: 1 defect(s)\n", reported(new CheckFailedException("1 defect(s)"), false, 1));
    }

    @Test
    void aMultiLineOrHugeMessageIsCutToOneLine() {
        String r = reported(new ScenarioException("first\nsecond"), false, 2);
        assertEquals("blockwise: first\n", r);
        String huge = reported(new ScenarioException("x".repeat(100_000)), false, 2);
        assertTrue(huge.length() < 1100, huge.length() + " characters");
    }

    @Test
    void validateChecksEveryFileAndPrintsOneLinePerBadFile() throws IOException {
        Path bad1 = tmp.resolve("bad1.json");
        Files.writeString(bad1, "{\"format\": \"blockwise/9\"}");
        Path good = tmp.resolve("good.json");
        Files.writeString(good, HostileInputCorpusTest.scenario("good", "{\"type\": \"silence\"}", "{\"chain\": []}"));
        Path folder = tmp.resolve("folder");
        Files.createDirectories(folder);
        BlockwiseCliTest.Run r = BlockwiseCliTest.run("validate", bad1.toString(), folder.toString(), good.toString());
        assertEquals(2, r.code());
        assertEquals(2, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(bad1 + ":1:12: format: unsupported format"), r.err());
        assertTrue(r.err().contains(folder + ": the folder has no scenario files"), r.err());
        assertTrue(r.out().startsWith(good + ": ok (good, 4800 frames"), r.out());
    }

    @Test
    void negativeOptionValuesAreUsageErrors() {
        assertEquals(2, BlockwiseCliTest.run("diff", "--block-size", "-1", "a.wav", "b.wav").code());
        assertEquals(2, BlockwiseCliTest.run("fuzz", "--tries", "-3").code());
    }
}
