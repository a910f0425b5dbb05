package io.importspy.internal.report;

import io.importspy.API;

import static io.importspy.API.Status.INTERNAL;

/**
 * Text from a module, a contract or a file name made safe for a terminal or a log: control characters (C0, DEL,
 * C1, the Unicode line and paragraph separators, and the controls of text direction) shown as {@code \\uXXXX}, so
 * that a hostile class name, constant or file name cannot move the cursor, clear the screen, reverse the text
 * shown or forge a report or log line.
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
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                    || isBidiControl(c);
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

    /**
     * The Unicode controls of text direction (marks, embeddings, overrides, isolates), which make a terminal or a
     * review tool show {@code evil.jar} as something else.
     */
    private static boolean isBidiControl(char c) {
        return c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u061c';
    }

    /** {@link String#valueOf} of {@code value}, made {@linkplain #visible visible}. */
    public static String visible(Object value) {
        return visible(String.valueOf(value));
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
}
