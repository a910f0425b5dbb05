package io.importspy.internal.report;

import io.importspy.API;

import static io.importspy.API.Status.INTERNAL;

/**
 * A small hand-written JSON writer: indented output (or, {@link #compact}, one line for JSON Lines), strings
 * escaped per RFC 8259 and safe for JavaScript.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class JsonText {
    private final StringBuilder out = new StringBuilder();
    private final boolean indent;
    private int depth;
    private boolean first = true;
    private boolean afterName;

    /** A writer of indented JSON, two spaces a level. */
    public JsonText() {
        this(true);
    }

    private JsonText(boolean indent) {
        this.indent = indent;
    }

    /** A writer of JSON on one line, without a space after a name or a comma: a JSON Lines record. */
    public static JsonText compact() {
        return new JsonText(false);
    }

    public JsonText beginObject() {
        return open('{');
    }

    public JsonText endObject() {
        return close('}');
    }

    public JsonText beginArray() {
        return open('[');
    }

    public JsonText endArray() {
        return close(']');
    }

    /** Starts a member of the current object; follow with a value. */
    public JsonText name(String name) {
        separate();
        quote(name);
        out.append(indent ? ": " : ":");
        afterName = true;
        return this;
    }

    public JsonText value(String value) {
        separateValue();
        if (value == null) {
            out.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    /** A value already written as JSON (by another {@code JsonText}), inserted as it is. */
    public JsonText json(String value) {
        separateValue();
        out.append(value);
        return this;
    }

    public JsonText value(boolean value) {
        separateValue();
        out.append(value);
        return this;
    }

    public JsonText value(long value) {
        separateValue();
        out.append(value);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private JsonText open(char bracket) {
        separateValue();
        out.append(bracket);
        depth++;
        first = true;
        return this;
    }

    private JsonText close(char bracket) {
        depth--;
        if (!first) {
            newline();
        }
        out.append(bracket);
        first = false;
        return this;
    }

    private void separateValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        separate();
    }

    private void separate() {
        if (out.length() == 0) {
            first = false;
            return;
        }
        if (!first) {
            out.append(',');
        }
        newline();
        first = false;
    }

    private void newline() {
        if (!indent) {
            return;
        }
        out.append('\n');
        out.append("  ".repeat(depth));
    }

    private void quote(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || loneSurrogate(text, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Whether the char at {@code i} is half of a surrogate pair without its other half. */
    private static boolean loneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }
}
