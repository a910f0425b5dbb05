package io.importspy.internal.yaml;

import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * The tags of plain scalars in YAML 1.2's core schema, resolved as SnakeYAML's {@code CoreScalarResolver(true)}
 * resolves them, with plain code: its regular expressions are implemented in {@code java.util.regex} with lambdas,
 * and linking the first lambda of a process costs a command-line run more than reading its whole contract.
 *
 * <p>A value resolves by its first character, as SnakeYAML's table of resolvers does: {@code tfTF} to a
 * boolean, {@code -+} and digits to an integer, else a float, {@code .} to a float, {@code $} to an environment
 * reference, {@code <<} to a merge key; then any value to null when it is empty, {@code ~}, {@code null},
 * {@code Null}, {@code NULL} or one space; else to a string. {@code CoreScalarsTest} compares the two.
 */
final class CoreScalars implements ScalarResolver {

    @Override
    public Tag resolve(String value, Boolean implicit) {
        if (!implicit) {
            return Tag.STR;
        }
        if (value.isEmpty()) {
            return Tag.NULL;
        }
        switch (value.charAt(0)) {
            case 't', 'f', 'T', 'F' -> {
                if (isBoolean(value)) {
                    return Tag.BOOL;
                }
            }
            case '-', '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                if (isInteger(value)) {
                    return Tag.INT;
                }
                if (isFloat(value)) {
                    return Tag.FLOAT;
                }
            }
            case '.' -> {
                if (isFloat(value)) {
                    return Tag.FLOAT;
                }
            }
            case '$' -> {
                if (isEnvironmentReference(value)) {
                    return Tag.ENV_TAG;
                }
            }
            case '<' -> {
                if (value.equals("<<")) {
                    return Tag.MERGE;
                }
            }
            default -> {
            }
        }
        return switch (value) {
            case "~", "null", "Null", "NULL", " " -> Tag.NULL;
            default -> Tag.STR;
        };
    }

    private static boolean isBoolean(String value) {
        return switch (value) {
            case "true", "True", "TRUE", "false", "False", "FALSE" -> true;
            default -> false;
        };
    }

    /** {@code [-+]?[0-9]+}, {@code 0o[0-7]+} or {@code 0x[0-9a-fA-F]+}. */
    private static boolean isInteger(String value) {
        if (value.length() > 2 && value.charAt(0) == '0' && (value.charAt(1) == 'o' || value.charAt(1) == 'x')) {
            boolean octal = value.charAt(1) == 'o';
            for (int i = 2; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean allowed = octal ? c >= '0' && c <= '7'
                        : digit(c) >= 0 || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
                if (!allowed) {
                    return false;
                }
            }
            return true;
        }
        int start = sign(value, 0);
        return digits(value, start) == value.length() && value.length() > start;
    }

    /**
     * {@code [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?}, {@code [-+]?\.(inf|Inf|INF)} or
     * {@code \.(nan|NaN|NAN)}.
     */
    private static boolean isFloat(String value) {
        switch (value) {
            case ".nan", ".NaN", ".NAN" -> {
                return true;
            }
            default -> {
            }
        }
        int i = sign(value, 0);
        switch (value.substring(i)) {
            case ".inf", ".Inf", ".INF" -> {
                return true;
            }
            default -> {
            }
        }
        int integral = digits(value, i);
        if (integral > i) { // [0-9]+(\.[0-9]*)?
            i = integral;
            if (i < value.length() && value.charAt(i) == '.') {
                i = digits(value, i + 1);
            }
        } else { // \.[0-9]+
            if (i >= value.length() || value.charAt(i) != '.') {
                return false;
            }
            int fraction = digits(value, i + 1);
            if (fraction == i + 1) {
                return false;
            }
            i = fraction;
        }
        if (i < value.length() && (value.charAt(i) == 'e' || value.charAt(i) == 'E')) {
            int exponent = sign(value, i + 1);
            int end = digits(value, exponent);
            if (end == exponent) {
                return false;
            }
            i = end;
        }
        return i == value.length();
    }

    /** {@code \$\{\s*\w+(:?[-?]\w*)?\s*\}}, as {@code BaseScalarResolver.ENV_FORMAT} matches a whole value. */
    static boolean isEnvironmentReference(String value) {
        if (value.length() < 4 || value.charAt(1) != '{' || value.charAt(value.length() - 1) != '}') {
            return false;
        }
        int end = value.length() - 1;
        int i = spaces(value, 2, end);
        int name = words(value, i, end);
        if (name == i) {
            return false;
        }
        i = name;
        int separator = i < end && value.charAt(i) == ':' ? i + 1 : i;
        if (separator < end && (value.charAt(separator) == '-' || value.charAt(separator) == '?')) {
            i = words(value, separator + 1, end);
        }
        return spaces(value, i, end) == end;
    }

    static int sign(String value, int at) {
        return at < value.length() && (value.charAt(at) == '-' || value.charAt(at) == '+') ? at + 1 : at;
    }

    /** The index after the ASCII digits from {@code at}. */
    static int digits(String value, int at) {
        int i = at;
        while (i < value.length() && digit(value.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static int digit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }

    /** The index after the characters of {@code \w} ({@code [a-zA-Z_0-9]}) from {@code at}, before {@code end}. */
    private static int words(String value, int at, int end) {
        int i = at;
        while (i < end) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= '0' && c <= '9')) {
                break;
            }
            i++;
        }
        return i;
    }

    /** The index after the characters of {@code \s} ({@code [ \t\n\x0B\f\r]}) from {@code at}, before {@code end}. */
    private static int spaces(String value, int at, int end) {
        int i = at;
        while (i < end) {
            char c = value.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != 0x0B && c != '\f' && c != '\r') {
                break;
            }
            i++;
        }
        return i;
    }
}
