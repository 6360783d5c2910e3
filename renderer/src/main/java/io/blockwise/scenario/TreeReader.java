package io.blockwise.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Node} tree from Jackson's streaming parser, keeping every value's line, column
 * and JSON path. Duplicate keys, syntax errors, YAML aliases and non-finite numbers become
 * one-line {@link ScenarioException}s. Control thread only; one instance per parse.
 */
final class TreeReader {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

    private final Path file;
    private final boolean yaml;
    private final JsonParser parser;
    // The path of the value being read, so that a syntax error can say where it happened.
    private String path = Node.ROOT;

    private TreeReader(Path file, boolean yaml, JsonParser parser) {
        this.file = file;
        this.yaml = yaml;
        this.parser = parser;
    }

    /** Control thread. The root object of {@code text}. */
    static Node.Obj parse(String text, Path file, boolean yaml) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        JsonParser parser = null;
        TreeReader reader = null;
        try {
            parser = yaml ? YamlSyntax.parser(body) : JSON.createParser(body);
            reader = new TreeReader(file, yaml, parser);
            if (parser.nextToken() == null) {
                throw ScenarioException.at(file, new SourcePosition(1, 1, Node.ROOT),
                        "the file is empty; allowed: a scenario object");
            }
            Node root = reader.value();
            if (!(root instanceof Node.Obj)) {
                throw ScenarioException.at(file, root.pos(), Node.describe(root)
                        + " is not an object; allowed: a scenario object {\"format\": \"blockwise/1\", ...}");
            }
            if (parser.nextToken() != null) {
                throw ScenarioException.at(file, reader.here(Node.ROOT),
                        "unexpected content after the scenario object; allowed: one "
                                + (yaml ? "YAML document" : "JSON object"));
            }
            return (Node.Obj) root;
        } catch (JsonProcessingException e) {
            throw reader == null ? new ScenarioException(file + ": " + firstLine(e.getOriginalMessage()))
                    : reader.syntaxError(e);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read: " + firstLine(e.getMessage()), e);
        } finally {
            closeQuietly(parser);
        }
    }

    private Node value() throws IOException {
        SourcePosition pos = here(path);
        if (yaml && YamlSyntax.isAlias(parser)) {
            throw ScenarioException.at(file, pos, "YAML alias *" + parser.getText()
                    + " is not supported; allowed: values written out in full");
        }
        switch (parser.currentToken()) {
            case START_OBJECT:
                return object(pos);
            case START_ARRAY:
                return array(pos);
            case VALUE_STRING:
                return new Node.Str(pos, parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return number(pos);
            case VALUE_TRUE:
                return new Node.Bool(pos, true);
            case VALUE_FALSE:
                return new Node.Bool(pos, false);
            case VALUE_NULL:
                return new Node.Null(pos);
            default:
                throw ScenarioException.at(file, pos, "unsupported value " + parser.currentToken()
                        + "; allowed: objects, lists, strings, numbers, true, false, null");
        }
    }

    private Node.Obj object(SourcePosition pos) throws IOException {
        String parent = path;
        Map<String, Node> fields = new LinkedHashMap<>();
        Map<String, SourcePosition> keys = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            path = Node.child(parent, key);
            SourcePosition keyPos = here(path);
            SourcePosition first = keys.get(key);
            if (first != null) {
                throw ScenarioException.at(file, keyPos, "duplicate key " + Node.quote(key)
                        + " (first at " + first.lineColumn() + "); allowed: each key once per object");
            }
            parser.nextToken();
            fields.put(key, value());
            keys.put(key, keyPos);
            path = parent;
        }
        return new Node.Obj(pos, Collections.unmodifiableMap(fields), Collections.unmodifiableMap(keys));
    }

    private Node.Arr array(SourcePosition pos) throws IOException {
        String parent = path;
        List<Node> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            path = Node.item(parent, items.size());
            items.add(value());
            path = parent;
        }
        return new Node.Arr(pos, Collections.unmodifiableList(items));
    }

    private Node number(SourcePosition pos) throws IOException {
        String text = parser.getText();
        BigDecimal value;
        try {
            value = parser.getDecimalValue();
        } catch (JsonProcessingException | NumberFormatException e) {
            // YAML's .inf and .nan: the format has no use for them.
            throw ScenarioException.at(file, pos, text + " is not a finite number; allowed: finite numbers");
        }
        return new Node.Num(pos, value, parser.currentToken() == JsonToken.VALUE_NUMBER_INT, text);
    }

    private SourcePosition here(String at) {
        JsonLocation loc = parser.currentTokenLocation();
        return new SourcePosition(Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()), at);
    }

    /** Jackson's multi-line messages cut down to what is wrong and where. */
    private ScenarioException syntaxError(JsonProcessingException e) {
        ScenarioException yamlError = yaml ? YamlSyntax.syntaxError(e.getCause(), file, path) : null;
        if (yamlError != null) {
            return yamlError;
        }
        JsonLocation loc = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        String what = (yaml ? "invalid YAML: " : "invalid JSON: ") + essence(e.getOriginalMessage());
        return ScenarioException.at(file, new SourcePosition(Math.max(1, loc.getLineNr()),
                Math.max(1, loc.getColumnNr()), path), what);
    }

    private static String essence(String message) {
        String s = firstLine(message)
                .replaceAll("\\s*\\(start marker at \\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]\\)",
                        " (opened at $1:$2)")
                .replaceAll("\\(\\(CTRL-CHAR, code (\\d+)\\)\\)", "(control character $1)")
                .replaceAll(" \\(code \\d+\\)", "")
                .replaceAll("\\s*\\[Source: [^\\]]*\\]", "");
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // Reading from a String: nothing to release.
            }
        }
    }
}
