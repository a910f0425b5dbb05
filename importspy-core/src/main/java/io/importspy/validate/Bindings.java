package io.importspy.validate;

import io.importspy.inspect.ClassFacts;
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
                    + TypeMatcher.normalize(facts.name()) + " declares " + parameters.size() + " type parameter"
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
        return new JavaType(type.name(), substituted, type.dimensions(), type.varargs(), false);
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
