package io.blockwise.scenario;

import io.blockwise.dsp.ChoiceSpec;
import io.blockwise.dsp.Numbers;
import io.blockwise.dsp.ParamSpec;
import io.blockwise.dsp.StageType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads stages ({@code chain} entries and message payloads) against {@link StageType}'s table:
 * the type, the bypass flag, each numeric parameter in range (defaults filled in), the enumerated
 * setting, and for {@code eq} its 16 {@code bands}. Control thread only.
 */
final class StageReader {
    /** Key of the eq stage's gains. */
    static final String BANDS = "bands";
    /** The one parameter that also takes a time string; a bare number is milliseconds. */
    static final String TIME_PARAM = "time";

    private StageReader() {
    }

    /** A list of stages no longer than {@code limits.maxChainLength}. */
    static List<StageSpec> chain(ReadContext ctx, Node n) {
        List<Node> items = Values.list(ctx, n, "a list of stages");
        if (items.size() > ctx.maxChainLength()) {
            throw ctx.error(n, "chain has " + items.size() + " stages; allowed: at most "
                    + ctx.maxChainLength() + " (limits.maxChainLength)");
        }
        List<StageSpec> chain = new ArrayList<>();
        for (Node item : items) {
            chain.add(read(ctx, item));
        }
        return chain;
    }

    /** One stage object. */
    static StageSpec read(ReadContext ctx, Node n) {
        Fields untyped = Fields.of(ctx, n, " for a stage", "a stage object like {\"type\": \"preamp\"}");
        Node typeNode = untyped.require("type");
        String name = Values.string(ctx, typeNode, StageType.allowedNames());
        StageType type = StageType.byFormatName(name);
        if (type == null) {
            throw ctx.error(typeNode, "unknown stage type " + Node.quote(name) + "; allowed: "
                    + StageType.allowedNames());
        }
        Fields f = new Fields(ctx, untyped.node(), " for a " + name + " stage").allow(keys(type));
        boolean bypassed = f.get("bypassed") != null && Values.bool(ctx, f.get("bypassed"));
        StageSpec spec = StageSpec.defaults(type).withBypassed(bypassed);
        if (type == StageType.EQ) {
            Node bands = f.get(BANDS);
            return bands == null ? spec : bands(ctx, spec, bands);
        }
        for (int i = 0; i < type.paramCount(); i++) {
            ParamSpec p = type.param(i);
            Node v = f.get(p.name());
            if (v != null) {
                String label = name + "." + p.name();
                spec = spec.with(i, p.name().equals(TIME_PARAM) ? millis(ctx, v, label, p)
                        : Values.number(ctx, v, label, p.min(), p.max()));
            }
        }
        ChoiceSpec choice = type.choice();
        if (choice != null && f.get(choice.name()) != null) {
            spec = spec.withChoice(Values.choice(ctx, f.get(choice.name()),
                    name + "." + choice.name(), choice.values()));
        }
        return spec;
    }

    /**
     * A delay time in milliseconds: a bare number is milliseconds, a string is a time value
     * converted to milliseconds at the sample rate (after rounding to whole frames).
     */
    static double millis(ReadContext ctx, Node n, String label, ParamSpec p) {
        if (n instanceof Node.Str s) {
            double ms = TimeValues.millis(TimeValues.read(ctx, n), ctx.sampleRate());
            if (!p.accepts(ms)) {
                throw ctx.error(n, label + " " + Node.quote(s.value()) + " (" + Numbers.plain(ms)
                        + " ms) is out of range " + p.range() + " ms");
            }
            return ms;
        }
        if (!(n instanceof Node.Num)) {
            throw ctx.error(n, Node.describe(n) + " is not a number or a time; allowed: milliseconds "
                    + p.range() + " or a time string like \"250ms\"");
        }
        return Values.number(ctx, n, label, p.min(), p.max());
    }

    /** The keys a stage of {@code type} takes, in the order messages list them. */
    static List<String> keys(StageType type) {
        List<String> keys = new ArrayList<>(List.of("type", "bypassed"));
        if (type == StageType.EQ) {
            keys.add(BANDS);
            return keys;
        }
        for (ParamSpec p : type.params()) {
            keys.add(p.name());
        }
        if (type.choice() != null) {
            keys.add(type.choice().name());
        }
        return keys;
    }

    private static StageSpec bands(ReadContext ctx, StageSpec spec, Node n) {
        String allowed = "exactly " + StageType.EQ_BANDS + " gains in dB, each "
                + StageType.EQ.param(0).range();
        List<Node> items = Values.list(ctx, n, allowed);
        if (items.size() != StageType.EQ_BANDS) {
            throw ctx.error(n, "eq.bands has " + items.size() + " values; allowed: " + allowed);
        }
        StageSpec out = spec;
        for (int i = 0; i < items.size(); i++) {
            ParamSpec p = StageType.EQ.param(i);
            out = out.with(i, Values.number(ctx, items.get(i), "eq.bands[" + i + "]", p.min(), p.max()));
        }
        return out;
    }
}
