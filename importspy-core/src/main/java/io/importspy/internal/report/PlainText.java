package io.importspy.internal.report;

import io.importspy.API;

import static io.importspy.API.Status.INTERNAL;

/**
 * Text from a module, a contract or a file name made safe for a terminal or a log: control characters (C0, DEL,
 * C1, and the Unicode line and paragraph separators) shown as {@code \\uXXXX}, so that a hostile class name,
 * constant or file name cannot move the cursor, clear the screen or forge a report or log line.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class PlainText {
    private PlainText() {
    }

    /** {@code text} with every control character made visible (a line feed becomes backslash-u000a). */
    public static String visible(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
            if (control && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (control) {
                    out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                            .append(HEX[c & 0xf]);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** {@link String#valueOf} of {@code value}, made {@linkplain #visible visible}. */
    public static String visible(Object value) {
        return visible(String.valueOf(value));
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
}
