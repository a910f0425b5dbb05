package io.importspy.report;

/**
 * Escapes text for XML 1.0 content and attribute values. Markup characters become entities; characters
 * XML 1.0 forbids (controls other than tab, CR, LF; U+FFFE, U+FFFF; lone surrogates) cannot be written
 * even as references, so they become the visible text {@code \\u0001}; DEL and C1 controls, legal but
 * invisible, become character references.
 */
final class XmlText {
    private XmlText() {
    }

    /** Text for element content: {@code & < >} escaped, so {@code ]]>} cannot occur. */
    static String content(String text) {
        return escape(text, false);
    }

    /** Text for a double- or single-quoted attribute value; tab, CR and LF are kept through normalization. */
    static String attribute(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean attribute) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\'' -> out.append(attribute ? "&apos;" : "'");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || c == '\uFFFE' || c == '\uFFFF' || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (c >= 0x7f && c <= 0x9f) {
                        out.append("&#x").append(Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
