package io.importspy.validate;

import io.importspy.inspect.AnnotationFacts;
import io.importspy.internal.contract.ScalarValue;
import io.importspy.java.JavaType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compares YAML values ({@link ScalarValue}s, or lists of them; bare String, Boolean, Long/BigInteger and
 * Double too) with compiled constants and annotation element values, and spells both for reports.
 *
 * <p>Where the compiled value is text (a {@code String} or {@code char} constant, a string element, an enum
 * constant, a class literal), a scalar is compared by the text the contract writes, whatever YAML reads it
 * as: {@code value: 1.0} equals {@code "1.0"}. Where it is a number, by numeric value ({@code 10} equals
 * {@code 10L}; a decimal means the {@code float} or {@code double} nearest to it, as a Java literal does),
 * with {@code float} and {@code double} alike in that the sign of a zero counts: {@code -0.0} is not
 * {@code 0.0}, as {@code Float.equals} and {@code Double.equals} have it.
 */
final class Values {
    private Values() {
    }

    /**
     * Whether a YAML value equals a field's compiled constant: numbers by numeric value across types,
     * booleans, strings and chars by the scalar's text as written.
     */
    static boolean constantEquals(Object yaml, Object constant, JavaType fieldErasure) {
        Object actual = compiled(constant, fieldErasure);
        Object typed = typed(yaml);
        if (actual instanceof Boolean b) {
            return typed instanceof Boolean y && y.equals(b);
        }
        if (actual instanceof Character c) {
            return isScalar(typed) && source(yaml).equals(String.valueOf(c));
        }
        if (actual instanceof String s) {
            return isScalar(typed) && s.equals(source(yaml));
        }
        if (actual instanceof Number n) {
            return typed instanceof Number y && numericEquals(y, n, source(yaml));
        }
        return false;
    }

    /**
     * Why a mismatch of a YAML value with a constant may come from how YAML reads the value rather than from
     * the value itself: a quoted number or boolean against a numeric or boolean constant, or an unquoted
     * scalar YAML reads as a number or boolean against a text constant. Empty when it does not.
     */
    static Optional<String> ambiguity(Object yaml, Object constant, JavaType fieldErasure) {
        Object actual = compiled(constant, fieldErasure);
        if (!(yaml instanceof ScalarValue scalar)) {
            return Optional.empty();
        }
        boolean textual = actual instanceof String || actual instanceof Character;
        if (!textual && scalar.value() instanceof String) {
            return Optional.of("the contract quotes " + scalar + ", so it is text, and the constant is a "
                    + (actual instanceof Boolean ? "boolean" : "number") + ": write it unquoted");
        }
        if (textual && !(scalar.value() instanceof String)) {
            return Optional.of("YAML reads the unquoted " + scalar.text() + " as a "
                    + (scalar.value() instanceof Boolean ? "boolean" : "number")
                    + "; it was compared as the text written, \"" + scalar.text() + "\"");
        }
        return Optional.empty();
    }

    /**
     * Whether a YAML value equals an annotation element value: numbers by value, text (strings, enum
     * constant names, class literals by simple or qualified name) by the scalar's text as written, a list
     * element-wise against an array, a scalar against a one-element array.
     */
    static boolean annotationEquals(Object yaml, Object fact) {
        if (yaml instanceof List<?> expected) {
            if (fact instanceof List<?> actual) {
                if (expected.size() != actual.size()) {
                    return false;
                }
                for (int i = 0; i < expected.size(); i++) {
                    if (!annotationEquals(expected.get(i), actual.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            return expected.size() == 1 && annotationEquals(expected.get(0), fact);
        }
        if (fact instanceof List<?> actual) {
            return actual.size() == 1 && annotationEquals(yaml, actual.get(0));
        }
        if (yaml instanceof Map<?, ?> expected) {
            return fact instanceof AnnotationFacts nested && expected.entrySet().stream().allMatch(e ->
                    nested.values().containsKey(String.valueOf(e.getKey()))
                            && annotationEquals(e.getValue(), nested.values().get(String.valueOf(e.getKey()))));
        }
        if (fact instanceof AnnotationFacts nested) {
            return typed(yaml) instanceof String && TypeMatcher.nameMatches(source(yaml), nested.type());
        }
        Object typed = typed(yaml);
        if (typed instanceof Number y && fact instanceof Number n) {
            return numericEquals(y, n, source(yaml));
        }
        if (fact instanceof String actual) {
            String expected = source(yaml);
            if (expected.equals(actual)) {
                return true;
            }
            if (typed instanceof String && isQualifiedName(actual)) {
                String name = expected.endsWith(".class") ? expected.substring(0, expected.length() - 6) : expected;
                return !name.isEmpty() && TypeMatcher.nameMatches(name, actual);
            }
            return false;
        }
        return text(typed).equals(text(fact));
    }

    /** Class files store boolean and char constants as int: the value the field's type gives them. */
    private static Object compiled(Object constant, JavaType fieldErasure) {
        if (constant instanceof Integer i && fieldErasure.isPrimitive()) {
            if ("boolean".equals(fieldErasure.name())) {
                return i != 0;
            } else if ("char".equals(fieldErasure.name())) {
                return (char) i.intValue();
            }
        }
        return constant;
    }

    /** YAML's reading of a value. */
    private static Object typed(Object yaml) {
        return yaml instanceof ScalarValue scalar ? scalar.value() : yaml;
    }

    /** A value's text as the contract writes it. */
    private static String source(Object yaml) {
        return yaml instanceof ScalarValue scalar ? scalar.text() : text(yaml);
    }

    private static boolean isScalar(Object typed) {
        return !(typed instanceof List || typed instanceof Map);
    }

    /** Numeric equality; {@code written} (the YAML text) tells a negative zero that YAML reads as {@code 0}. */
    private static boolean numericEquals(Number yaml, Number constant, String written) {
        if ((constant instanceof Float || constant instanceof Double) && constant.doubleValue() == 0
                && yaml.doubleValue() == 0) {
            boolean negative = yaml instanceof Double d ? Double.compare(d, 0.0) < 0 : written.startsWith("-");
            return negative == (Double.compare(constant.doubleValue(), 0.0) < 0);
        }
        if (constant instanceof Float f && !(yaml instanceof Long) && !(yaml instanceof BigInteger)) {
            // as javac does with a literal: the YAML number means the float nearest to it (0.1 is 0.1f)
            return Float.compare(yaml.floatValue(), f) == 0;
        }
        BigDecimal expected = decimal(yaml);
        BigDecimal actual = decimal(constant);
        if (expected == null || actual == null) {
            return Double.compare(yaml.doubleValue(), constant.doubleValue()) == 0;
        }
        return expected.compareTo(actual) == 0;
    }

    /** The exact decimal value as written (floats by their shortest decimal text); null for NaN/infinity. */
    private static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal d) {
            return d;
        }
        if (number instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (number instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? null : new BigDecimal(Float.toString(f));
        }
        if (number instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : new BigDecimal(Double.toString(d));
        }
        return BigDecimal.valueOf(number.longValue());
    }

    /** The plain text of a scalar: numbers without trailing zeros, chars as strings. */
    private static String text(Object value) {
        if (value instanceof Number n) {
            BigDecimal d = decimal(n);
            return d == null ? n.toString() : d.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    /** A YAML value as a contract reader recognizes it: strings quoted, lists in brackets. */
    static String yaml(Object value) {
        if (value instanceof ScalarValue scalar) {
            return scalar.toString();
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Values::yaml).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + yaml(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }

    /** A compiled value as a Java literal: {@code "text"}, {@code 'c'}, {@code 10L}, {@code 1.5f}. */
    static String java(Object value) {
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof Character c) {
            return "'" + c + "'";
        }
        if (value instanceof Long l) {
            return l + "L";
        }
        if (value instanceof Float f) {
            return f + "f";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Values::java).collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof AnnotationFacts nested) {
            return "@" + nested.type() + nested.values().entrySet().stream()
                    .map(e -> e.getKey() + " = " + java(e.getValue())).collect(Collectors.joining(", ", "(", ")"));
        }
        return String.valueOf(value);
    }

    /**
     * Whether {@code text} is a qualified name of two or more segments, each a letter, {@code _} or {@code $}, then
     * letters, numbers, {@code _} or {@code $}: {@code [\p{L}_$][\p{L}\p{N}_$]*(\.[\p{L}_$][\p{L}\p{N}_$]*)+},
     * with plain code ({@code java.util.regex} implements such classes with lambdas, whose first link costs a
     * command-line run milliseconds).
     */
    static boolean isQualifiedName(String text) {
        int segments = 0;
        boolean start = true;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '.') {
                if (start) {
                    return false;
                }
                start = true;
                continue;
            }
            boolean part = Character.isLetter(c) || c == '_' || c == '$';
            if (!start && !part) {
                int type = Character.getType(c);
                part = type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                        || type == Character.OTHER_NUMBER;
            }
            if (!part) {
                return false;
            }
            if (start) {
                segments++;
                start = false;
            }
        }
        return !start && segments >= 2;
    }
}
