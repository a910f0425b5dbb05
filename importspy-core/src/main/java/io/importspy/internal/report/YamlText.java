package io.importspy.internal.report;

import java.util.List;
import java.util.stream.Collectors;

/** YAML scalar spelling for the contract writer: every string double-quoted, pure ASCII output. */
final class YamlText {
    private YamlText() {
    }

    /**
     * {@code text} as a YAML double-quoted scalar. Everything outside printable ASCII is escaped
     * ({@code \n}, {@code \t}, {@code \\uXXXX}, {@code \\UXXXXXXXX}), so the result survives any output
     * encoding and no line break, tab or byte-order mark is folded or dropped by a YAML reader.
     *
     * @throws IllegalArgumentException when {@code text} holds a lone surrogate, which YAML cannot represent
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                throw new IllegalArgumentException("a lone surrogate at index " + i + " cannot be written in YAML");
            }
            i += Character.charCount(cp);
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (cp >= 0x20 && cp < 0x7f) {
                        out.appendCodePoint(cp);
                    } else if (cp <= 0xffff) {
                        out.append(String.format("\\u%04x", cp));
                    } else {
                        out.append(String.format("\\U%08x", cp));
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Whether {@link #quote} can write {@code text} (it has no lone surrogate). */
    static boolean writable(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** A flow sequence of quoted strings: {@code ["a", "b"]}. */
    static String list(List<String> items) {
        return items.stream().map(YamlText::quote).collect(Collectors.joining(", ", "[", "]"));
    }
}
