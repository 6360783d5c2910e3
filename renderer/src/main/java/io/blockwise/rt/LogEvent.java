package io.blockwise.rt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One line of {@code events.jsonl}: {@code block}, {@code frame}, {@code thread}, {@code event},
 * then the event's own fields in the order they were added. Control thread only.
 */
public final class LogEvent {
    private final long block;
    private final long frame;
    private final String thread;
    private final String event;
    private final List<Field> fields = new ArrayList<>(4);

    /** Control thread. */
    public LogEvent(long block, long frame, String thread, String event) {
        this.block = block;
        this.frame = frame;
        this.thread = thread;
        this.event = event;
    }

    public long block() {
        return block;
    }

    public long frame() {
        return frame;
    }

    public String thread() {
        return thread;
    }

    public String event() {
        return event;
    }

    public List<Field> fields() {
        return Collections.unmodifiableList(fields);
    }

    /** The value of field {@code key} (String, Long, Boolean, BigDecimal or null), or null when absent. */
    public Object get(String key) {
        for (Field f : fields) {
            if (f.key.equals(key)) {
                return f.value;
            }
        }
        return null;
    }

    /** True when the field is present (even with a null value). */
    public boolean has(String key) {
        for (Field f : fields) {
            if (f.key.equals(key)) {
                return true;
            }
        }
        return false;
    }

    public LogEvent str(String key, String value) {
        fields.add(new Field(key, value));
        return this;
    }

    public LogEvent num(String key, long value) {
        fields.add(new Field(key, value));
        return this;
    }

    public LogEvent bool(String key, boolean value) {
        fields.add(new Field(key, value));
        return this;
    }

    /** A decimal rounded half-even to {@code decimals} places, written without exponent. */
    public LogEvent dec(String key, double value, int decimals) {
        fields.add(new Field(key, BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN)));
        return this;
    }

    /** The JSON line, without the newline. */
    public String toJson() {
        StringBuilder sb = new StringBuilder(96);
        sb.append("{\"block\":").append(block).append(",\"frame\":").append(frame)
                .append(",\"thread\":");
        Json.string(sb, thread);
        sb.append(",\"event\":");
        Json.string(sb, event);
        for (Field f : fields) {
            sb.append(',');
            Json.string(sb, f.key);
            sb.append(':');
            Json.value(sb, f.value);
        }
        return sb.append('}').toString();
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** One key and value. */
    public record Field(String key, Object value) { }
}
