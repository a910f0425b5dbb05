package io.importspy.validate;

import java.util.regex.Pattern;

/**
 * A file-name glob, the same on every platform: {@code *} any run of characters, {@code ?} one
 * character, {@code [abc]}/{@code [!a-z]} a character class, {@code {a,b}} alternatives, {@code \}
 * escapes. Matching is case-sensitive.
 */
final class Glob {
    private Glob() {
    }

    /** Whether {@code fileName} matches {@code glob}. */
    static boolean matches(String glob, String fileName) {
        return toPattern(glob).matcher(fileName).matches();
    }

    static Pattern toPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        boolean inClass = false;
        int groups = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                    regex.append(']');
                } else if (c == '\\' || c == '[' || c == '&' || c == '^') {
                    regex.append('\\').append(c);
                } else {
                    regex.append(c);
                }
                continue;
            }
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '[' -> {
                    inClass = true;
                    regex.append('[');
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '!') {
                        regex.append('^');
                        i++;
                    }
                }
                case '{' -> {
                    groups++;
                    regex.append("(?:");
                }
                case '}' -> {
                    if (groups > 0) {
                        groups--;
                        regex.append(')');
                    } else {
                        regex.append("\\}");
                    }
                }
                case ',' -> regex.append(groups > 0 ? "|" : ",");
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (inClass) {
            return Pattern.compile(Pattern.quote(glob));
        }
        regex.append(")".repeat(groups));
        return Pattern.compile(regex.toString());
    }
}
