package io.blockwise.scenario;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The reader's own tree of a scenario file: every value keeps where it was written (line, column,
 * JSON path), which Jackson's tree model forgets, and objects keep their keys in file order.
 * Immutable once built; control thread only.
 */
sealed interface Node {

    /** Where this value starts in the file, and its JSON path. */
    SourcePosition pos();

    /** An object: values by key in file order, and where each key was written. */
    record Obj(SourcePosition pos, Map<String, Node> fields, Map<String, SourcePosition> keys)
            implements Node { }

    /** A list. */
    record Arr(SourcePosition pos, List<Node> items) implements Node { }

    /** A string. */
    record Str(SourcePosition pos, String value) implements Node { }

    /**
     * A finite number, exactly as written ({@code value}); {@code integral} when the file wrote an
     * integer token (so {@code 2.0} is not an integer); {@code text} as written, for messages.
     */
    record Num(SourcePosition pos, BigDecimal value, boolean integral, String text) implements Node {
        /** The nearest double (BigDecimal's conversion is correctly rounded); never -0.0. */
        double asDouble() {
            return value.doubleValue() + 0.0;
        }
    }

    /** {@code true} or {@code false}. */
    record Bool(SourcePosition pos, boolean value) implements Node { }

    /** {@code null} (YAML {@code ~} too). */
    record Null(SourcePosition pos) implements Node { }

    /** The path of the root. */
    String ROOT = "$";

    /** Keys that can be written after a dot; any other key is written {@code ["a b"]}. */
    Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Path of {@code key} inside the object at {@code parent}: top-level keys are bare. */
    static String child(String parent, String key) {
        if (!SIMPLE_KEY.matcher(key).matches()) {
            return parent + "[" + quote(key) + "]";
        }
        return ROOT.equals(parent) ? key : parent + "." + key;
    }

    /** Path of item {@code i} of the list at {@code parent}. */
    static String item(String parent, int i) {
        return parent + "[" + i + "]";
    }

    /** How a message shows a value: numbers as written, strings quoted, containers by kind. */
    static String describe(Node n) {
        if (n instanceof Str s) {
            return quote(s.value());
        } else if (n instanceof Num num) {
            String t = num.text();
            return t.length() <= 40 ? t : t.substring(0, 30) + "... (" + t.length() + " characters)";
        } else if (n instanceof Bool b) {
            return Boolean.toString(b.value());
        } else if (n instanceof Null) {
            return "null";
        } else if (n instanceof Obj) {
            return "an object";
        }
        return "a list";
    }

    /** {@code s} as a JSON string literal (control characters escaped), cut at 60 characters. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        int end = Math.min(s.length(), 60);
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (end < s.length()) {
            sb.append("...");
        }
        return sb.append('"').toString();
    }
}
