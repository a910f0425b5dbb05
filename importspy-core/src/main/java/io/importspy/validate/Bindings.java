package io.importspy.validate;

import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.FieldFacts;
import io.importspy.inspect.MethodFacts;
import io.importspy.inspect.ParameterFacts;
import io.importspy.java.Modifier;
import io.importspy.java.JavaType;
import io.importspy.java.TypeArgument;
import io.importspy.java.Wildcard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the type parameters of one class stand for where the checked class reaches it through its
 * supertypes: bound to type arguments ({@code E = java.lang.String} in {@code ArrayList<String>}),
 * raw (reached without type arguments, so every supertype above is erased, JLS 4.8), or unknown
 * (the class files disagree, e.g. a supertype compiled against another version of a generic class).
 */
final class Bindings {
    private final Map<String, TypeArgument> arguments;
    private final boolean raw;
    private final Optional<String> unknown;

    private Bindings(Map<String, TypeArgument> arguments, boolean raw, Optional<String> unknown) {
        this.arguments = arguments;
        this.raw = raw;
        this.unknown = unknown;
    }

    /** The checked class itself: its type parameters stand for themselves. */
    static Bindings start() {
        return new Bindings(Map.of(), false, Optional.empty());
    }

    /** Bindings that cannot be worked out, and why. */
    static Bindings unknown(String reason) {
        return new Bindings(Map.of(), false, Optional.of(reason));
    }

    /** The bindings of {@code facts}'s type parameters where a subtype wrote it as {@code seen}. */
    static Bindings of(ClassFacts facts, JavaType seen) {
        List<String> parameters = facts.typeParameters();
        List<TypeArgument> written = seen.arguments();
        if (written.isEmpty()) {
            return new Bindings(Map.of(), !parameters.isEmpty(), Optional.empty());
        }
        if (written.size() != parameters.size()) {
            return unknown("its subtypes write " + Texts.type(seen) + ", but the class file of "
                    + facts.name() + " declares " + parameters.size() + " type parameter"
                    + (parameters.size() == 1 ? "" : "s") + " (" + String.join(", ", parameters) + ")");
        }
        Map<String, TypeArgument> arguments = new HashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            arguments.put(parameters.get(i), written.get(i));
        }
        return new Bindings(arguments, false, Optional.empty());
    }

    /** Why the bindings are unknown; empty when they are known. */
    Optional<String> unknown() {
        return unknown;
    }

    /**
     * A direct supertype as the class declares it, with the type variables substituted: raw bindings give
     * the erased supertype. Only call when the bindings are known.
     */
    JavaType apply(JavaType supertype) {
        return raw ? JavaType.of(supertype.name()) : substitute(supertype);
    }

    /**
     * A method of the class these bindings belong to as the checked class inherits it: parameter, return and
     * exception types with the class's type variables substituted ({@code add(E)} of {@code ArrayList<String>}
     * becomes {@code add(java.lang.String)}, with that erasure too); erased when reached raw (JLS 4.8);
     * unchanged when the bindings are unknown, and for static methods (they cannot use the class's type
     * variables; a type variable of theirs is their own). A type variable the method declares itself is its
     * own too, even where it shadows one of the class's ({@code <T> T convert(T)} in {@code Box<T>} stays
     * {@code convert(T)} in {@code Box<String>}), as javac sees it.
     */
    MethodFacts member(MethodFacts method) {
        if (unknown.isPresent() || method.modifiers().contains(Modifier.STATIC) || !raw && arguments.isEmpty()) {
            return method;
        }
        Bindings own = shadowedBy(method.typeParameters());
        List<ParameterFacts> parameters = new ArrayList<>();
        for (ParameterFacts p : method.parameters()) {
            parameters.add(new ParameterFacts(p.name(), own.member(p.type(), p.erasure()),
                    own.erasure(p.type(), p.erasure())));
        }
        List<JavaType> exceptions = new ArrayList<>();
        for (JavaType e : method.exceptions()) {
            exceptions.add(own.member(e, JavaType.of(e.name())));
        }
        return method.toBuilder().parameters(parameters)
                .returns(own.member(method.returnType(), method.erasedReturn()),
                        own.erasure(method.returnType(), method.erasedReturn()))
                .exceptions(exceptions).build();
    }

    /** These bindings without the type variables a method declares itself (they stand for themselves). */
    private Bindings shadowedBy(List<String> methodTypeParameters) {
        if (raw || methodTypeParameters.isEmpty()) {
            return this;
        }
        Map<String, TypeArgument> remaining = new HashMap<>(arguments);
        methodTypeParameters.forEach(remaining::remove);
        return new Bindings(remaining, false, unknown);
    }

    /** A field of the class these bindings belong to as the checked class inherits it; see {@link #member(MethodFacts)}. */
    FieldFacts member(FieldFacts field) {
        if (unknown.isPresent() || field.modifiers().contains(Modifier.STATIC) || !raw && arguments.isEmpty()) {
            return field;
        }
        return new FieldFacts(field.name(), member(field.type(), field.erasure()), erasure(field.type(), field.erasure()),
                field.modifiers(), field.constant(), field.annotations());
    }

    private JavaType member(JavaType type, JavaType erasure) {
        return raw ? erasure : substitute(type);
    }

    /**
     * The erasure of a member type after substitution: that of the bound type when a type variable was bound
     * ({@code R} bound to {@code StringBuilder} erases to {@code StringBuilder}, not {@code Object}); the
     * declared erasure otherwise.
     */
    private JavaType erasure(JavaType type, JavaType erasure) {
        JavaType substituted = member(type, erasure);
        if (raw || substituted.variable() || substituted.equals(type)) {
            return erasure;
        }
        JavaType bound = JavaType.of(substituted.name()).withDimensions(substituted.dimensions());
        return erasure.varargs() && bound.dimensions() > 0 ? bound.asVarargs() : bound;
    }

    private JavaType substitute(JavaType type) {
        if (type.variable()) {
            TypeArgument bound = arguments.get(type.name());
            return bound instanceof JavaType t ? t.withDimensions(t.dimensions() + type.dimensions()) : type;
        }
        if (type.arguments().isEmpty()) {
            return type;
        }
        List<TypeArgument> substituted = new ArrayList<>();
        for (TypeArgument argument : type.arguments()) {
            substituted.add(substitute(argument));
        }
        return type.withArguments(substituted);
    }

    private TypeArgument substitute(TypeArgument argument) {
        if (argument instanceof Wildcard wildcard) {
            return new Wildcard(wildcard.variance(), wildcard.bound().map(this::substitute));
        }
        JavaType type = (JavaType) argument;
        TypeArgument bound = type.variable() ? arguments.get(type.name()) : null;
        if (bound instanceof Wildcard && type.dimensions() == 0) {
            return bound;
        }
        return substitute(type);
    }
}
