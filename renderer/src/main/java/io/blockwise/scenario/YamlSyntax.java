package io.blockwise.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Everything {@link TreeReader} needs that is YAML-only, in a class of its own so that reading a
 * JSON scenario never loads Jackson's YAML module or SnakeYAML. Control thread only.
 */
final class YamlSyntax {
    private static final YAMLFactory YAML = new YAMLFactory();

    private YamlSyntax() {
    }

    /** Control thread. A parser over the YAML text {@code body}. */
    static JsonParser parser(String body) throws IOException {
        return YAML.createParser(body);
    }

    /** Control thread. True when {@code parser} (made by {@link #parser}) stands on an alias ({@code *name}). */
    static boolean isAlias(JsonParser parser) {
        return ((YAMLParser) parser).isCurrentAlias();
    }

    /**
     * Control thread. The one-line error for a YAML syntax error whose cause is {@code cause}, at
     * JSON path {@code path}, or null when the cause carries no YAML position.
     */
    static ScenarioException syntaxError(Throwable cause, Path file, String path) {
        if (!(cause instanceof MarkedYAMLException m) || m.getProblemMark() == null) {
            return null;
        }
        Mark mark = m.getProblemMark();
        String what = "invalid YAML: " + TreeReader.firstLine(m.getProblem());
        Mark ctx = m.getContextMark();
        if (m.getContext() != null && ctx != null) {
            what += " (" + TreeReader.firstLine(m.getContext()) + " at " + (ctx.getLine() + 1) + ":"
                    + (ctx.getColumn() + 1) + ")";
        }
        return ScenarioException.at(file, new SourcePosition(mark.getLine() + 1, mark.getColumn() + 1, path), what);
    }
}
