package io.blockwise.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The block size a render was made with, found from its folder, so that {@code diff} names the
 * right blocks: {@code summary.json}'s {@code blockSize}, or else the event log (every event of
 * block b > 0 logged at the block's start carries frame b x blockSize). For a WAV file, its
 * folder. 0 when it cannot be told. Control thread.
 */
final class BlockSizeOf {
    private static final int MAX_LOG_LINES = 100_000;

    private BlockSizeOf() {
    }

    /** The block size of the render folder {@code path} (or of the folder holding the file {@code path}), or 0. */
    static int of(Path path) {
        Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        if (dir == null) {
            return 0;
        }
        int fromSummary = fromSummary(dir.resolve("summary.json"));
        return fromSummary > 0 ? fromSummary : fromLog(dir.resolve("events.jsonl"));
    }

    private static int fromSummary(Path summary) {
        if (!Files.isRegularFile(summary)) {
            return 0;
        }
        try {
            JsonNode n = new ObjectMapper().readTree(summary.toFile()).get("blockSize");
            return n != null && n.canConvertToInt() && n.asInt() > 0 ? n.asInt() : 0;
        } catch (IOException | RuntimeException e) {
            return 0; // not ours to judge: the log may still tell
        }
    }

    private static int fromLog(Path log) {
        if (!Files.isRegularFile(log)) {
            return 0;
        }
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader r = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String line;
            int lines = 0;
            long best = 0;
            while ((line = r.readLine()) != null && lines++ < MAX_LOG_LINES) {
                JsonNode n = json.readTree(line);
                long block = n.path("block").asLong(0);
                long frame = n.path("frame").asLong(-1);
                // Events at a block's start: frame = block x size. The render's end-of-render
                // events sit at the total frame count, which need not be a multiple: take the
                // smallest candidate, which no end-of-render line can undercut (it is the largest block).
                if (block > 0 && frame > 0 && frame % block == 0) {
                    long size = frame / block;
                    best = best == 0 ? size : Math.min(best, size);
                }
            }
            return best > 0 && best <= Integer.MAX_VALUE ? (int) best : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
