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
 * <p>The same value describes a type written in a contract (where {@code name} may be a simple name
 * such as {@code String}) and a type read from bytecode (where {@code name} is always a fully qualified
 * binary name such as {@code java.util.Map$Entry}, or a primitive, or a type variable).
 *
 * <p>Made by its factories ({@link #of(String)}, {@link #of(String, List)}, {@link #typeVariable},
 * {@link #parse}) and changed by its {@code with…} methods; immutable, compared by value.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class JavaType implements TypeArgument {

    private static final Set<String> PRIMITIVES =
            Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double", "void");

    private final String name;
    private final List<TypeArgument> arguments;
    private final int dimensions;
    private final boolean varargs;
    private final boolean variable;

    JavaType(String name, List<? extends TypeArgument> arguments, int dimensions, boolean varargs, boolean variable) {
        this.name = Objects.requireNonNull(name, "name");
        this.arguments = List.copyOf(arguments);
        if (dimensions < 0) {
            throw new IllegalArgumentException("negative array dimensions: " + dimensions);
        }
        if (varargs && dimensions == 0) {
            throw new IllegalArgumentException("a varargs type is an array type");
        }
        this.dimensions = dimensions;
        this.varargs = varargs;
        this.variable = variable;
    }

    /** A plain named type without arguments or dimensions. */
    public static JavaType of(String name) {
        return new JavaType(name, List.of(), 0, false, false);
    }

    /** A parameterized type, {@code name<arguments>}, without dimensions. */
    public static JavaType of(String name, List<? extends TypeArgument> arguments) {
        return new JavaType(name, arguments, 0, false, false);
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

    /** Primitive keyword, class name (simple, qualified, or binary with {@code $}), or type variable. */
    public String name() {
        return name;
    }

    /** Type arguments; empty when none are written (or the type is erased). */
    public List<TypeArgument> arguments() {
        return arguments;
    }

    /** Number of array dimensions, counting a trailing {@code ...} as one. */
    public int dimensions() {
        return dimensions;
    }

    /** Whether the last dimension was written {@code ...}. */
    public boolean varargs() {
        return varargs;
    }

    /** Whether this is a type variable read from bytecode (contracts never make one). */
    public boolean variable() {
        return variable;
    }

    /** Whether {@code name} is a primitive type keyword ({@code void} included). */
    public boolean isPrimitive() {
        return dimensions == 0 && PRIMITIVES.contains(name);
    }

    /** This type with {@code dims} array dimensions. */
    public JavaType withDimensions(int dims) {
        return new JavaType(name, arguments, dims, varargs && dims > 0, variable);
    }

    /** This type with {@code types} as its type arguments. */
    public JavaType withArguments(List<? extends TypeArgument> types) {
        return new JavaType(name, types, dimensions, varargs, variable);
    }

    /**
     * This array type with its last dimension written {@code ...}.
     *
     * @throws IllegalArgumentException when this is not an array type
     */
    public JavaType asVarargs() {
        return varargs ? this : new JavaType(name, arguments, dimensions, true, variable);
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

    @Override
    public boolean equals(Object other) {
        return other instanceof JavaType type && type.name.equals(name) && type.arguments.equals(arguments)
                && type.dimensions == dimensions && type.varargs == varargs && type.variable == variable;
    }

    /** Combines the components as a record does, so that hash-ordered collections keep their order. */
    @Override
    public int hashCode() {
        int hash = name.hashCode();
        hash = hash * 31 + arguments.hashCode();
        hash = hash * 31 + Integer.hashCode(dimensions);
        hash = hash * 31 + Boolean.hashCode(varargs);
        return hash * 31 + Boolean.hashCode(variable);
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
