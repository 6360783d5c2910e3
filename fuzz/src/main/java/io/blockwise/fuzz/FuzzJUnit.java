package io.blockwise.fuzz;

import io.blockwise.golden.JUnitXml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fuzz run as JUnit XML cases: one per property, failed with the minimal scenario (its path and
 * its text) when the property failed. Control thread.
 */
public final class FuzzJUnit {
    private static final int MAX_SCENARIO_CHARS = 20_000;

    private FuzzJUnit() {
    }

    /** The cases of {@code report}, in the properties' order. */
    public static List<JUnitXml.Case> cases(Fuzzer.Report report) {
        List<JUnitXml.Case> cases = new ArrayList<>();
        for (FuzzProperty p : FuzzProperty.values()) {
            Fuzzer.Failure f = report.failure(p).orElse(null);
            if (f == null) {
                cases.add(new JUnitXml.Case(p.label(), true, "", "", 0));
                continue;
            }
            StringBuilder detail = new StringBuilder(f.line()).append("\nseed ").append(report.seed());
            for (Path file : f.files()) {
                detail.append("\n\n").append(file).append(":\n").append(text(file));
            }
            cases.add(new JUnitXml.Case(p.label(), false, f.message(), detail.toString(), 0));
        }
        return cases;
    }

    private static String text(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            return s.length() <= MAX_SCENARIO_CHARS ? s : s.substring(0, MAX_SCENARIO_CHARS) + "\n...";
        } catch (IOException e) {
            return "(cannot read: " + e.getMessage() + ")";
        }
    }
}
