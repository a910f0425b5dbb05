package io.importspy.validate;

import io.importspy.inspect.AnnotationFacts;
import io.importspy.java.JavaType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Compares YAML values (String, Boolean, Long/BigInteger, Double, List, Map) with compiled constants
 * and annotation element values, and spells both for reports.
 */
final class Values {
    private static final Pattern QUALIFIED = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)+");

    private Values() {
    }

    /**
     * Whether a YAML value equals a field's compiled constant: numbers by numeric value across types,
     * booleans, strings (a YAML scalar by its text), chars as one-character strings.
     */
    static boolean constantEquals(Object yaml, Object constant, JavaType fieldErasure) {
        Object actual = constant;
        if (constant instanceof Integer i && fieldErasure.isPrimitive()) {
            // class files store boolean and char constants as int
            if ("boolean".equals(fieldErasure.name())) {
                actual = i != 0;
            } else if ("char".equals(fieldErasure.name())) {
                actual = (char) i.intValue();
            }
        }
        if (actual instanceof Boolean b) {
            return yaml instanceof Boolean y && y.equals(b);
        }
        if (actual instanceof Character c) {
            return yaml instanceof String s && s.equals(String.valueOf(c));
        }
        if (actual instanceof String s) {
            return !(yaml instanceof List || yaml instanceof Map) && s.equals(text(yaml));
        }
        if (actual instanceof Number n) {
            return yaml instanceof Number y && numericEquals(y, n);
        }
        return false;
    }

    /**
     * Whether a YAML value equals an annotation element value, compared as text after normalization:
     * numbers by value, a string against an enum constant name or a class literal (simple or qualified
     * name), a list element-wise against an array, a scalar against a one-element array.
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
            return yaml instanceof String s && TypeMatcher.nameMatches(s, nested.type());
        }
        if (yaml instanceof Number y && fact instanceof Number n) {
            return numericEquals(y, n);
        }
        if (text(yaml).equals(text(fact))) {
            return true;
        }
        if (yaml instanceof String expected && fact instanceof String actual && QUALIFIED.matcher(actual).matches()) {
            String name = expected.endsWith(".class") ? expected.substring(0, expected.length() - 6) : expected;
            return !name.isEmpty() && TypeMatcher.nameMatches(name, actual);
        }
        return false;
    }

    private static boolean numericEquals(Number yaml, Number constant) {
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
            return "@" + TypeMatcher.normalize(nested.type()) + nested.values().entrySet().stream()
                    .map(e -> e.getKey() + " = " + java(e.getValue())).collect(Collectors.joining(", ", "(", ")"));
        }
        return String.valueOf(value);
    }
}
