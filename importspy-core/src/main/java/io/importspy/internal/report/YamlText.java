package io.importspy.internal.report;

import java.util.List;
import java.util.Set;

/**
 * YAML scalar spelling for the contract writer: a name plain where YAML reads it back as the same string, every
 * other string double-quoted; pure ASCII output.
 */
final class YamlText {
    /** Plain scalars that YAML 1.2 (or a YAML 1.1 reader still common in editors) would read as no string. */
    private static final Set<String> RESERVED = Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n");

    private YamlText() {
    }

    /**
     * {@code text} plain when it is a Java name or dotted name ({@code com.acme.Greeter}, {@code Outer$Inner},
     * {@code java.lang.Object...}, {@code non-sealed}) that no YAML reader takes for a boolean, null or number,
     * and safe inside a flow sequence; otherwise {@link #quote quoted}.
     */
    static String scalar(String text) {
        return plain(text) ? text : quote(text);
    }

    private static boolean plain(String text) {
        if (text.isEmpty() || RESERVED.contains(text.toLowerCase(java.util.Locale.ROOT))) {
            return false;
        }
        char first = text.charAt(0);
        if (!(first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z' || first == '_' || first == '$')) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean word = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$';
            if (!word && c != '.' && c != '-') {
                return false;
            }
        }
        return !text.endsWith("-") && !text.endsWith(".") || text.endsWith("...");
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

    /** A flow sequence of scalars, each plain where it can be: {@code [java.lang.String, "int[]"]}. */
    static String list(List<String> items) {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            list.append(i == 0 ? "" : ", ").append(scalar(items.get(i)));
        }
        return list.append(']').toString();
    }
}
