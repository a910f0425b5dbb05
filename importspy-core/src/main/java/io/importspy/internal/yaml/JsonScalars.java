package io.importspy.internal.yaml;

import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * The tags of plain scalars in YAML 1.2's JSON schema, resolved as SnakeYAML's {@code JsonScalarResolver} resolves
 * them, with plain code (see {@link CoreScalars} for why): {@code tf} to a boolean, {@code -} and digits to an
 * integer, else a float, {@code .} to a float, {@code $} to an environment reference; then any value to null when it
 * is empty or {@code null}; else to a string. {@code CoreScalarsTest} compares the two.
 */
final class JsonScalars implements ScalarResolver {

    @Override
    public Tag resolve(String value, Boolean implicit) {
        if (!implicit) {
            return Tag.STR;
        }
        if (value.isEmpty() || value.equals("null")) {
            return Tag.NULL;
        }
        switch (value.charAt(0)) {
            case 't', 'f' -> {
                if (value.equals("true") || value.equals("false")) {
                    return Tag.BOOL;
                }
            }
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
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
                if (CoreScalars.isEnvironmentReference(value)) {
                    return Tag.ENV_TAG;
                }
            }
            default -> {
            }
        }
        return Tag.STR;
    }

    /** {@code -?(0|[1-9][0-9]*)}. */
    private static boolean isInteger(String value) {
        int start = value.charAt(0) == '-' ? 1 : 0;
        return integral(value, start) == value.length();
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]*)?([eE][-+]?[0-9]+)?}, {@code -?\.inf} or {@code \.nan}. */
    private static boolean isFloat(String value) {
        if (value.equals(".inf") || value.equals("-.inf") || value.equals(".nan")) {
            return true;
        }
        int i = integral(value, value.charAt(0) == '-' ? 1 : 0);
        if (i < 0) {
            return false;
        }
        if (i < value.length() && value.charAt(i) == '.') {
            i = CoreScalars.digits(value, i + 1);
        }
        if (i < value.length() && (value.charAt(i) == 'e' || value.charAt(i) == 'E')) {
            int exponent = CoreScalars.sign(value, i + 1);
            int end = CoreScalars.digits(value, exponent);
            if (end == exponent) {
                return false;
            }
            i = end;
        }
        return i == value.length();
    }

    /** The index after {@code 0|[1-9][0-9]*} from {@code at}, or -1 when there is none. */
    private static int integral(String value, int at) {
        if (at >= value.length() || value.charAt(at) < '0' || value.charAt(at) > '9') {
            return -1;
        }
        return value.charAt(at) == '0' ? at + 1 : CoreScalars.digits(value, at);
    }
}
