package io.importspy.enforce;

import io.importspy.java.JavaType;
import io.importspy.java.Modifier;
import io.importspy.java.TypeArgument;
import io.importspy.java.Wildcard;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reflection types and modifier bits in ImportSpy's Java vocabulary. */
final class LiveTypes {
    private LiveTypes() {
    }

    /** {@code type} as a {@link JavaType}: binary names, generic arguments, wildcards, type variables, arrays. */
    static JavaType javaType(Type type) {
        if (type instanceof Class<?> c) {
            int dims = 0;
            while (c.isArray()) {
                c = c.getComponentType();
                dims++;
            }
            return JavaType.of(c.getName()).withDimensions(dims);
        }
        if (type instanceof ParameterizedType p) {
            List<TypeArgument> arguments = new ArrayList<>();
            for (Type argument : p.getActualTypeArguments()) {
                arguments.add(argument instanceof WildcardType w ? wildcard(w) : javaType(argument));
            }
            return JavaType.of(((Class<?>) p.getRawType()).getName(), arguments);
        }
        if (type instanceof GenericArrayType a) {
            JavaType component = javaType(a.getGenericComponentType());
            return component.withDimensions(component.dimensions() + 1);
        }
        if (type instanceof TypeVariable<?> v) {
            return JavaType.typeVariable(v.getName());
        }
        if (type instanceof WildcardType w) {
            // A wildcard outside type arguments does not occur in declarations; use its upper bound.
            return javaType(w.getUpperBounds()[0]);
        }
        throw new IllegalArgumentException("unsupported reflection type '" + type + "'");
    }

    static JavaType varargs(JavaType type) {
        return type.dimensions() > 0 ? type.asVarargs() : type;
    }

    private static Wildcard wildcard(WildcardType w) {
        if (w.getLowerBounds().length > 0) {
            return new Wildcard(Wildcard.Variance.SUPER, Optional.of(javaType(w.getLowerBounds()[0])));
        }
        Type upper = w.getUpperBounds().length == 0 ? Object.class : w.getUpperBounds()[0];
        return upper == Object.class ? Wildcard.unbounded()
                : new Wildcard(Wildcard.Variance.EXTENDS, Optional.of(javaType(upper)));
    }

    /** Source-level modifiers from reflection bits. */
    static Set<Modifier> modifiers(int bits) {
        Set<Modifier> modifiers = EnumSet.noneOf(Modifier.class);
        add(modifiers, java.lang.reflect.Modifier.isPublic(bits), Modifier.PUBLIC);
        add(modifiers, java.lang.reflect.Modifier.isProtected(bits), Modifier.PROTECTED);
        add(modifiers, java.lang.reflect.Modifier.isPrivate(bits), Modifier.PRIVATE);
        add(modifiers, java.lang.reflect.Modifier.isStatic(bits), Modifier.STATIC);
        add(modifiers, java.lang.reflect.Modifier.isFinal(bits), Modifier.FINAL);
        add(modifiers, java.lang.reflect.Modifier.isAbstract(bits), Modifier.ABSTRACT);
        add(modifiers, java.lang.reflect.Modifier.isSynchronized(bits), Modifier.SYNCHRONIZED);
        add(modifiers, java.lang.reflect.Modifier.isNative(bits), Modifier.NATIVE);
        add(modifiers, java.lang.reflect.Modifier.isTransient(bits), Modifier.TRANSIENT);
        add(modifiers, java.lang.reflect.Modifier.isVolatile(bits), Modifier.VOLATILE);
        return modifiers;
    }

    private static void add(Set<Modifier> modifiers, boolean present, Modifier modifier) {
        if (present) {
            modifiers.add(modifier);
        }
    }

    /** A live value as a constant a contract can compare: boxed primitives and strings only. */
    static Optional<Object> constant(Object value) {
        return value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Boolean || value instanceof Character || value instanceof Double
                || value instanceof Float || value instanceof Short || value instanceof Byte
                ? Optional.of(value) : Optional.empty();
    }
}
