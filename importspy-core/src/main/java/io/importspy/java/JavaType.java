package io.importspy.java;

import io.importspy.API;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import static io.importspy.API.Status.EXPERIMENTAL;

/**
 * A Java type as written in source: {@code int}, {@code String[]}, {@code java.util.List<String>},
 * {@code Map<String, ? extends Number>}, {@code String...}.
 *
 * <p>The same record describes a type written in a contract (where {@code name} may be a simple name
 * such as {@code String}) and a type read from bytecode (where {@code name} is always a fully qualified
 * binary name such as {@code java.util.Map$Entry}, or a primitive, or a type variable).
 *
 * @param name       primitive keyword, class name (simple, qualified, or binary with {@code $}), or type variable
 * @param arguments  type arguments; empty when none are written (or the type is erased)
 * @param dimensions number of array dimensions, counting a trailing {@code ...} as one
 * @param varargs    whether the last dimension was written {@code ...}
 * @param variable   whether this is a type variable read from bytecode (contracts never set it)
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record JavaType(String name, List<TypeArgument> arguments, int dimensions, boolean varargs, boolean variable)
        implements TypeArgument {

    private static final Set<String> PRIMITIVES =
            Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double", "void");

    public JavaType {
        Objects.requireNonNull(name, "name");
        arguments = List.copyOf(arguments);
        if (dimensions < 0) {
            throw new IllegalArgumentException("negative array dimensions: " + dimensions);
        }
        if (varargs && dimensions == 0) {
            throw new IllegalArgumentException("a varargs type is an array type");
        }
    }

    /** A plain named type without arguments or dimensions. */
    public static JavaType of(String name) {
        return new JavaType(name, List.of(), 0, false, false);
    }

    /** A type variable such as {@code T}, as read from a generic signature. */
    public static JavaType typeVariable(String name) {
        return new JavaType(name, List.of(), 0, false, true);
    }

    /**
     * Parses Java source spelling, e.g. {@code Map<String, ? extends Number>[]} or {@code String...}.
     *
     * @throws IllegalArgumentException with a message that quotes the text and says what is wrong
     */
    public static JavaType parse(String text) {
        return new TypeParser(text).parseWhole();
    }

    /** Whether {@code name} is a primitive type keyword ({@code void} included). */
    public boolean isPrimitive() {
        return dimensions == 0 && PRIMITIVES.contains(name);
    }

    /** This type with {@code dims} array dimensions. */
    public JavaType withDimensions(int dims) {
        return new JavaType(name, arguments, dims, varargs && dims > 0, variable);
    }

    /** This type without type arguments, keeping array dimensions. */
    public JavaType raw() {
        return arguments.isEmpty() ? this : new JavaType(name, List.of(), dimensions, varargs, variable);
    }

    /** The simple name: the part after the last {@code .} or {@code $}. */
    public String simpleName() {
        int cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf('$'));
        return name.substring(cut + 1);
    }

    /** Source spelling; nested class names keep their binary {@code $}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name);
        if (!arguments.isEmpty()) {
            text.append('<');
            for (int i = 0; i < arguments.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(arguments.get(i));
            }
            text.append('>');
        }
        for (int i = 0; i < dimensions; i++) {
            text.append(varargs && i == dimensions - 1 ? "..." : "[]");
        }
        return text.toString();
    }
}
