package io.blockwise.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the command line's scenario arguments name: a file; a folder, meaning every scenario file
 * directly in it, sorted by name; or {@code -}, a scenario read from standard input (named
 * {@code <stdin>} in messages, its relative paths resolved against the current folder). Control
 * thread.
 */
public final class ScenarioSources {
    /** The argument that means standard input. */
    public static final String STDIN_ARGUMENT = "-";
    /** How messages name standard input. */
    public static final Path STDIN_NAME = Path.of("<stdin>");
    /** The format's JSON Schema, which sits among the bundled scenarios but is not one. */
    public static final String SCHEMA_FILE = "schema.json";

    private ScenarioSources() {
    }

    /** One scenario to read: a file, or text that came from standard input. */
    public record Source(Path file, String text, boolean yaml) {
        /** A scenario file. */
        public static Source file(Path file) {
            return new Source(file, null, false);
        }

        /** True when the scenario came from standard input. */
        public boolean isStdin() {
            return text != null;
        }

        /** How messages name it: the path, or {@code <stdin>}. */
        public String label() {
            return file.toString();
        }

        /**
         * Control thread. Reads and validates the scenario.
         *
         * @throws ScenarioException with a one-line message
         */
        public Scenario read() {
            return text == null ? ScenarioReader.read(file) : ScenarioReader.parse(text, file, yaml);
        }
    }

    /** What one command-line argument named: its scenarios, or why it names none. */
    public record Expansion(Path argument, List<Source> sources, ScenarioException error) {
    }

    /**
     * Control thread. The scenarios {@code arguments} name, in order: folders expanded, {@code -}
     * read from {@code stdin} (at most once). A path that is neither a folder nor {@code -} is
     * passed on as a file, so that reading it reports a missing file.
     *
     * @throws ScenarioException for {@code -} given twice, unreadable standard input, or a folder
     *         without scenario files (the first such argument)
     */
    public static List<Source> expand(List<Path> arguments, InputStream stdin) {
        List<Source> out = new ArrayList<>();
        for (Expansion e : expandEach(arguments, stdin)) {
            if (e.error() != null) {
                throw e.error();
            }
            out.addAll(e.sources());
        }
        return out;
    }

    /**
     * Control thread. Like {@link #expand}, but each argument on its own, so that a command that
     * checks every argument (validate) reports each bad one and goes on; {@code -} given a second
     * time is an error of that argument.
     */
    public static List<Expansion> expandEach(List<Path> arguments, InputStream stdin) {
        List<Expansion> out = new ArrayList<>();
        boolean stdinRead = false;
        for (Path arg : arguments) {
            try {
                if (arg.toString().equals(STDIN_ARGUMENT)) {
                    if (stdinRead) {
                        throw new ScenarioException(STDIN_NAME + ": '-' is given more than once; allowed: "
                                + "standard input once per command");
                    }
                    stdinRead = true;
                    String text = readStdin(stdin);
                    out.add(new Expansion(arg, List.of(new Source(STDIN_NAME, text, !looksLikeJson(text))), null));
                } else if (Files.isDirectory(arg)) {
                    out.add(new Expansion(arg, folder(arg).stream().map(Source::file).toList(), null));
                } else {
                    out.add(new Expansion(arg, List.of(Source.file(arg)), null));
                }
            } catch (ScenarioException e) {
                out.add(new Expansion(arg, List.of(), e));
            }
        }
        return out;
    }

    /**
     * Control thread. Like {@link #expand} for commands that need files (check, bless): folders
     * expanded, {@code -} refused.
     */
    public static List<Path> files(List<Path> arguments) {
        List<Path> out = new ArrayList<>();
        for (Path arg : arguments) {
            if (arg.toString().equals(STDIN_ARGUMENT)) {
                throw new ScenarioException(STDIN_NAME + ": this command needs scenario files; allowed: "
                        + "files and folders ('-' works with render and validate)");
            }
            if (Files.isDirectory(arg)) {
                out.addAll(folder(arg));
            } else {
                out.add(arg);
            }
        }
        return out;
    }

    /**
     * Control thread. The scenario files directly in {@code folder} ({@code .json}, {@code .yaml},
     * {@code .yml}, but not {@value #SCHEMA_FILE}), sorted by name.
     *
     * @throws ScenarioException when there is none
     */
    public static List<Path> folder(Path folder) {
        List<Path> files = scenarioFilesIn(folder);
        if (files.isEmpty()) {
            throw new ScenarioException(folder + ": the folder has no scenario files; allowed: a folder with "
                    + ".json, .yaml or .yml scenarios");
        }
        return files;
    }

    /** Control thread. The scenario files directly in {@code folder}, sorted by name; maybe none. */
    public static List<Path> scenarioFilesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(ScenarioSources::isScenarioFile).sorted().toList();
        } catch (IOException e) {
            throw new ScenarioException(folder + ": cannot list the folder: " + e.getMessage(), e);
        }
    }

    /** Any thread. True for a {@code .json}, {@code .yaml} or {@code .yml} name other than {@value #SCHEMA_FILE}. */
    public static boolean isScenarioFile(Path p) {
        String n = String.valueOf(p.getFileName()).toLowerCase(Locale.ROOT);
        return (n.endsWith(".json") && !n.equals(SCHEMA_FILE)) || n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /**
     * Any thread. True when the first thing in {@code text} after blanks and {@code //} or
     * {@code /* *\/} comments is {@code {}: JSON; anything else is read as YAML.
     */
    static boolean looksLikeJson(String text) {
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("//", i)) {
                int nl = text.indexOf('\n', i);
                i = nl < 0 ? text.length() : nl + 1;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else {
                return c == '{';
            }
        }
        return true; // empty: the JSON reader says so clearly
    }

    private static String readStdin(InputStream stdin) {
        try {
            byte[] bytes = stdin.readAllBytes();
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ScenarioException(STDIN_NAME + ": cannot read: not UTF-8 text", e);
        } catch (IOException e) {
            throw new ScenarioException(STDIN_NAME + ": cannot read: " + e.getMessage(), e);
        }
    }
}
