package io.blockwise.scenario;

import java.util.List;

/**
 * One object of the file being read: its keys checked against what is allowed (so a typo is an
 * error, not a silent default), required keys demanded. Control thread only.
 */
final class Fields {
    private final ReadContext ctx;
    private final Node.Obj obj;
    private final String context;

    /** {@code context} completes messages, e.g. {@code " for a preamp stage"} or {@code " in output"}. */
    Fields(ReadContext ctx, Node.Obj obj, String context) {
        this.ctx = ctx;
        this.obj = obj;
        this.context = context;
    }

    /** The object {@code node}, or an error saying {@code allowed}. */
    static Fields of(ReadContext ctx, Node node, String context, String allowed) {
        return new Fields(ctx, Values.object(ctx, node, allowed), context);
    }

    /** Fails on the first key, in file order, that is not in {@code allowed}. */
    Fields allow(List<String> allowed) {
        for (var e : obj.keys().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw ctx.error(e.getValue(), "unknown key " + Node.quote(e.getKey()) + context
                        + "; allowed: " + String.join(", ", allowed));
            }
        }
        return this;
    }

    /** The value of {@code key}, or null when absent. */
    Node get(String key) {
        return obj.fields().get(key);
    }

    /** True when {@code key} is present (even as null). */
    boolean has(String key) {
        return obj.fields().containsKey(key);
    }

    /** The value of {@code key}; absent is an error at the object. */
    Node require(String key) {
        Node n = obj.fields().get(key);
        if (n == null) {
            throw ctx.error(obj, "missing required key " + Node.quote(key) + context);
        }
        return n;
    }

    /** The object itself. */
    Node.Obj node() {
        return obj;
    }
}
