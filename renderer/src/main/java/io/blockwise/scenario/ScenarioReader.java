package io.blockwise.scenario;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Loads and validates scenario files ({@code blockwise/1}, SCENARIO-FORMAT.md) into immutable
 * {@link Scenario} records. Every problem is one {@link ScenarioException} whose message reads
 * {@code FILE:LINE:COLUMN: PATH: what is wrong; allowed: what is allowed}. Unknown keys are errors
 * everywhere (they are usually typos). Times resolve against sampleRate and blockSize whatever
 * the key order.
 */
public final class ScenarioReader {
    /** The one supported {@code format}. */
    public static final String FORMAT = "blockwise/1";
    static final List<String> KEYS = List.of("format", "name", "description", "sampleRate", "blockSize",
            "duration", "seed", "input", "output", "setup", "collector", "writer", "limits", "events");
    /** Optional top-level key naming the file's JSON Schema (for editors); ignored by the reader. */
    public static final String SCHEMA_KEY = "$schema";
    private static final List<String> ALLOWED_KEYS = java.util.stream.Stream.concat(KEYS.stream(),
            java.util.stream.Stream.of(SCHEMA_KEY)).toList();
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final int MAX_QUEUE = 1 << 20;
    private static final int MAX_CHAIN = 1024;
    /**
     * Longest name: {@code OUT/.NAME.PID-RANDOM.partial} must fit a file name (255 bytes on common
     * file systems) with room to spare.
     */
    public static final int MAX_NAME_LENGTH = 100;
    /** Longest duration: 24 hours at the scenario's rate (every frame and block count fits a long). */
    public static final long MAX_DURATION_SECONDS = 24L * 3600;
    /**
     * Largest audio-thread event ring, {@code maxMessagesPerBlock × (maxChainLength + 4)} events
     * (about 40 bytes each): limits beyond it would allocate gigabytes before block 0.
     */
    public static final long MAX_EVENT_RING = 1L << 20;

    private ScenarioReader() {
    }

    /**
     * Control thread. Reads a {@code .json} (comments {@code //} and {@code /* *\/} allowed) or a
     * {@code .yaml}/{@code .yml} scenario (by the file name's extension; anything else is JSON).
     *
     * @throws ScenarioException with a one-line message
     */
    public static Scenario read(Path file) {
        byte[] bytes = InputFiles.read(file, InputFiles.MAX_SCENARIO_BYTES,
                what -> new ScenarioException(file + ": cannot read: " + what));
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ScenarioException(file + ": cannot read: not UTF-8 text" + encodingHint(bytes), e);
        }
        String fileName = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return parse(text, file, fileName.endsWith(".yaml") || fileName.endsWith(".yml"));
    }

    /**
     * Control thread. Same as {@link #read}, from text; {@code file} is only used for messages and
     * to resolve relative paths (against its folder).
     *
     * @throws ScenarioException with a one-line message
     */
    public static Scenario parse(String text, Path file, boolean yaml) {
        Node.Obj root = TreeReader.parse(text, file, yaml);
        ReadContext ctx = ReadContext.of(file);
        Fields f = new Fields(ctx, root, "");
        format(ctx, f.require("format"));
        f.allow(ALLOWED_KEYS);
        if (f.get(SCHEMA_KEY) != null) {
            Values.string(ctx, f.get(SCHEMA_KEY), "a string: the path or URL of a JSON Schema, for editors");
        }
        String name = name(ctx, f.require("name"));
        String description = f.get("description") == null ? ""
                : Values.string(ctx, f.get("description"), "a string");
        int rate = Values.integer(ctx, f.require("sampleRate"), "sampleRate", 8000, 192000);
        int block = Values.integer(ctx, f.require("blockSize"), "blockSize", 1, 8192);
        ctx = ctx.withTiming(rate, block, 0);
        Node durationNode = f.require("duration");
        long duration = TimeValues.readPositive(ctx, durationNode, "duration");
        if (duration > MAX_DURATION_SECONDS * rate) {
            throw ctx.error(durationNode, "duration " + duration + " frames is longer than "
                    + MAX_DURATION_SECONDS / 3600 + " hours; allowed: 1.." + MAX_DURATION_SECONDS * rate
                    + " frames at " + rate + " Hz");
        }
        ctx = ctx.withTiming(rate, block, duration);
        long seed = f.get("seed") == null ? 0
                : Values.integer(ctx, f.get("seed"), "seed", Long.MIN_VALUE, Long.MAX_VALUE);
        Scenario.Limits limits = f.get("limits") == null ? Scenario.Limits.DEFAULT : limits(ctx, f.get("limits"));
        ctx = ctx.withMaxChainLength(limits.maxChainLength());
        List<SourceSpec> inputs = SourceReader.inputs(ctx, f.require("input"));
        Scenario.Output output = f.get("output") == null ? Scenario.Output.DEFAULT : output(ctx, f.get("output"));
        EngineSetup setup = f.get("setup") == null ? EngineSetup.empty() : SetupReader.read(ctx, f.get("setup"));
        Scenario.Schedule collector = f.get("collector") == null ? Scenario.Schedule.EVERY_BLOCK
                : schedule(ctx, f.get("collector"), "collector");
        Scenario.Schedule writer = f.get("writer") == null ? Scenario.Schedule.EVERY_BLOCK
                : schedule(ctx, f.get("writer"), "writer");
        List<TimedMessage> events = f.get("events") == null ? List.of() : EventReader.read(ctx, f.get("events"));
        return new Scenario(file, name, description, rate, block, duration, seed, inputs, output, setup,
                collector, writer, limits, events);
    }

    private static void format(ReadContext ctx, Node n) {
        if (!(n instanceof Node.Str s) || !s.value().equals(FORMAT)) {
            throw ctx.error(n, "unsupported format " + Node.describe(n) + "; supported: " + Node.quote(FORMAT));
        }
    }

    private static String name(ReadContext ctx, Node n) {
        String allowed = "a string matching [a-z0-9][a-z0-9-]* (lowercase letters, digits and '-', "
                + "not starting with '-')";
        String name = Values.string(ctx, n, allowed);
        if (name.length() > MAX_NAME_LENGTH) {
            throw ctx.error(n, "name has " + name.length() + " characters; allowed: " + allowed + ", at most "
                    + MAX_NAME_LENGTH + " characters");
        }
        if (!NAME.matcher(name).matches()) {
            throw ctx.error(n, Node.quote(name) + " is not a valid name; allowed: " + allowed);
        }
        return name;
    }

    private static Scenario.Limits limits(ReadContext ctx, Node n) {
        Fields f = Fields.of(ctx, n, " in limits", "an object like {\"queueCapacity\": 64}")
                .allow(List.of("queueCapacity", "maxMessagesPerBlock", "maxChainLength"));
        Scenario.Limits d = Scenario.Limits.DEFAULT;
        Scenario.Limits l = new Scenario.Limits(
                f.get("queueCapacity") == null ? d.queueCapacity()
                        : Values.integer(ctx, f.get("queueCapacity"), "queueCapacity", 1, MAX_QUEUE),
                f.get("maxMessagesPerBlock") == null ? d.maxMessagesPerBlock()
                        : Values.integer(ctx, f.get("maxMessagesPerBlock"), "maxMessagesPerBlock", 1, MAX_QUEUE),
                f.get("maxChainLength") == null ? d.maxChainLength()
                        : Values.integer(ctx, f.get("maxChainLength"), "maxChainLength", 1, MAX_CHAIN));
        long ring = (long) l.maxMessagesPerBlock() * (l.maxChainLength() + 4);
        if (ring > MAX_EVENT_RING) {
            Node at = f.get("maxMessagesPerBlock") != null ? f.get("maxMessagesPerBlock") : n;
            throw ctx.error(at, "maxMessagesPerBlock " + l.maxMessagesPerBlock() + " with maxChainLength "
                    + l.maxChainLength() + " would size the audio thread's event ring at " + ring
                    + " events; allowed: maxMessagesPerBlock x (maxChainLength + 4) at most " + MAX_EVENT_RING);
        }
        return l;
    }

    /** Names a likely encoding of text that is not UTF-8, from its byte order mark. */
    private static String encodingHint(byte[] b) {
        if (b.length >= 2 && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) || (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF))) {
            return " (it starts with a UTF-16 or UTF-32 byte order mark); allowed: UTF-8";
        }
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == (byte) 0xFE && b[3] == (byte) 0xFF) {
            return " (it starts with a UTF-32 byte order mark); allowed: UTF-8";
        }
        return "; allowed: UTF-8";
    }

    private static Scenario.Output output(ReadContext ctx, Node n) {
        Fields f = Fields.of(ctx, n, " in output", "an object like {\"encoding\": \"pcm16\", \"channels\": 2}")
                .allow(List.of("encoding", "channels"));
        Scenario.Output d = Scenario.Output.DEFAULT;
        return new Scenario.Output(
                f.get("encoding") == null ? d.encoding() : EventReader.encoding(ctx, f.get("encoding")),
                f.get("channels") == null ? d.channels() : Values.oneOf(ctx, f.get("channels"), "channels", 1, 2));
    }

    /** {@code collector} takes everyBlocks and stalls; {@code writer} only stalls. */
    private static Scenario.Schedule schedule(ReadContext ctx, Node n, String role) {
        boolean collector = role.equals("collector");
        Fields f = Fields.of(ctx, n, " in " + role, collector
                ? "an object like {\"everyBlocks\": 1, \"stalls\": [{\"from\": time, \"to\": time}]}"
                : "an object like {\"stalls\": [{\"from\": time, \"to\": time}]}")
                .allow(collector ? List.of("everyBlocks", "stalls") : List.of("stalls"));
        int every = f.get("everyBlocks") == null ? 1
                : Values.integer(ctx, f.get("everyBlocks"), "everyBlocks", 1, Integer.MAX_VALUE);
        List<Scenario.Stall> stalls = new ArrayList<>();
        if (f.get("stalls") != null) {
            for (Node item : Values.list(ctx, f.get("stalls"), "a list of {\"from\": time, \"to\": time}")) {
                Fields s = Fields.of(ctx, item, " for a stall", "{\"from\": time, \"to\": time}")
                        .allow(List.of("from", "to"));
                long from = TimeValues.read(ctx, s.require("from"));
                Node toNode = s.require("to");
                long to = TimeValues.read(ctx, toNode);
                if (to < from) {
                    throw ctx.error(toNode, "stall ends at frame " + to + ", before it starts at frame "
                            + from + "; allowed: to >= from");
                }
                stalls.add(new Scenario.Stall(from, to));
            }
        }
        return new Scenario.Schedule(every, stalls);
    }
}
