package io.importspy.inspect;

import io.importspy.API;
import io.importspy.java.ClassKind;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.importspy.API.Status.EXPERIMENTAL;

/**
 * What a class file (or a live class) says about one class.
 *
 * <p>Supertypes are recorded twice: erased ({@link #superclass()}, {@link #interfaces()}: binary names, as
 * the class file's {@code super_class} and {@code interfaces} items hold them) and generic
 * ({@link #genericSuperclass()}, {@link #genericInterfaces()}: as the class's Signature attribute writes them,
 * e.g. {@code java.util.ArrayList<java.lang.String>}). A class without a Signature attribute has generic
 * supertypes equal to its erased ones, without type arguments.
 *
 * <p>Immutable, compared by value. Inspection makes these; to make one (a test, a rule's own facts) use
 * {@link #builder}, so that a fact added later does not break the call.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ClassFacts {
    private final String name;
    private final Origin origin;
    private final ClassKind kind;
    private final Set<Modifier> modifiers;
    private final Optional<String> superclass;
    private final List<String> interfaces;
    private final List<String> typeParameters;
    private final Optional<JavaType> genericSuperclass;
    private final List<JavaType> genericInterfaces;
    private final List<AnnotationFacts> annotations;
    private final List<FieldFacts> fields;
    private final List<MethodFacts> methods;
    private final int classFileMajor;

    private ClassFacts(Builder b) {
        this.name = b.name;
        this.origin = b.origin;
        this.kind = b.kind;
        this.modifiers = Set.copyOf(b.modifiers);
        this.superclass = b.superclass;
        this.interfaces = List.copyOf(b.interfaces);
        this.typeParameters = List.copyOf(b.typeParameters);
        this.genericSuperclass = b.genericSuperclass != null ? b.genericSuperclass : superclass.map(JavaType::of);
        this.genericInterfaces = List.copyOf(b.genericInterfaces != null ? b.genericInterfaces : erased(interfaces));
        this.annotations = List.copyOf(b.annotations);
        this.fields = List.copyOf(b.fields);
        this.methods = List.copyOf(b.methods);
        this.classFileMajor = b.classFileMajor;
        if (!superclass.equals(genericSuperclass.map(JavaType::name))) {
            throw new IllegalArgumentException("generic superclass " + genericSuperclass.orElse(null) + " of "
                    + name + " does not name its superclass " + superclass.orElse(null));
        }
        if (!interfaces.equals(names(genericInterfaces))) {
            throw new IllegalArgumentException("generic interfaces " + genericInterfaces + " of " + name
                    + " do not name its interfaces " + interfaces);
        }
    }

    private static List<JavaType> erased(List<String> names) {
        List<JavaType> types = new ArrayList<>(names.size());
        for (String name : names) {
            types.add(JavaType.of(name));
        }
        return types;
    }

    private static List<String> names(List<JavaType> types) {
        List<String> names = new ArrayList<>(types.size());
        for (JavaType type : types) {
            names.add(type.name());
        }
        return names;
    }

    /**
     * A builder of the class {@code name} read from {@code origin}: no modifiers, supertypes, members or
     * annotations until set; generic supertypes equal to the erased ones unless set.
     */
    public static Builder builder(String name, Origin origin, ClassKind kind) {
        return new Builder(name, origin, kind);
    }

    /** A builder holding these facts, to change some of them. */
    public Builder toBuilder() {
        return new Builder(name, origin, kind).modifiers(modifiers).superclass(superclass).interfaces(interfaces)
                .typeParameters(typeParameters).genericSupertypes(genericSuperclass, genericInterfaces)
                .annotations(annotations).fields(fields).methods(methods).classFileMajor(classFileMajor);
    }

    /** Binary name with dots for packages and {@code $} for nesting ({@code a.b.Outer$Inner}). */
    public String name() {
        return name;
    }

    /** Where these facts were read. */
    public Origin origin() {
        return origin;
    }

    /** Class, interface, enum, record or annotation. */
    public ClassKind kind() {
        return kind;
    }

    /** Source-level modifiers (for nested classes, from the InnerClasses attribute). */
    public Set<Modifier> modifiers() {
        return modifiers;
    }

    /** Binary name of the direct superclass; empty for {@code java.lang.Object} and interfaces. */
    public Optional<String> superclass() {
        return superclass;
    }

    /** Binary names of directly implemented (or extended) interfaces. */
    public List<String> interfaces() {
        return interfaces;
    }

    /**
     * Names of the class's own type parameters, in declaration order ({@code E} of {@code ArrayList<E>});
     * empty for a class that is not generic.
     */
    public List<String> typeParameters() {
        return typeParameters;
    }

    /** The direct superclass with its type arguments; present exactly when {@link #superclass()} is. */
    public Optional<JavaType> genericSuperclass() {
        return genericSuperclass;
    }

    /** The direct interfaces with their type arguments, in the order (naming the classes) of {@link #interfaces()}. */
    public List<JavaType> genericInterfaces() {
        return genericInterfaces;
    }

    /** Annotations on the class. */
    public List<AnnotationFacts> annotations() {
        return annotations;
    }

    /** Declared fields. */
    public List<FieldFacts> fields() {
        return fields;
    }

    /** Declared methods and constructors. */
    public List<MethodFacts> methods() {
        return methods;
    }

    /** Class-file major version (61 for Java 17); 0 for live classes. */
    public int classFileMajor() {
        return classFileMajor;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClassFacts c && c.name.equals(name) && c.origin == origin && c.kind == kind
                && c.modifiers.equals(modifiers) && c.superclass.equals(superclass) && c.interfaces.equals(interfaces)
                && c.typeParameters.equals(typeParameters) && c.genericSuperclass.equals(genericSuperclass)
                && c.genericInterfaces.equals(genericInterfaces) && c.annotations.equals(annotations)
                && c.fields.equals(fields) && c.methods.equals(methods) && c.classFileMajor == classFileMajor;
    }

    /** Combines the facts as a record does. */
    @Override
    public int hashCode() {
        int hash = name.hashCode();
        for (Object part : List.of(origin, kind, modifiers, superclass, interfaces, typeParameters, genericSuperclass,
                genericInterfaces, annotations, fields, methods)) {
            hash = hash * 31 + part.hashCode();
        }
        return hash * 31 + Integer.hashCode(classFileMajor);
    }

    @Override
    public String toString() {
        return "ClassFacts[name=" + name + ", origin=" + origin + ", kind=" + kind + ", modifiers=" + modifiers
                + ", superclass=" + superclass + ", interfaces=" + interfaces + ", typeParameters=" + typeParameters
                + ", genericSuperclass=" + genericSuperclass + ", genericInterfaces=" + genericInterfaces
                + ", annotations=" + annotations + ", fields=" + fields + ", methods=" + methods
                + ", classFileMajor=" + classFileMajor + "]";
    }

    /** Builds {@link ClassFacts}; every fact not set keeps its default (none, empty, 0). */
    public static final class Builder {
        private final String name;
        private final Origin origin;
        private final ClassKind kind;
        private Set<Modifier> modifiers = Set.of();
        private Optional<String> superclass = Optional.empty();
        private List<String> interfaces = List.of();
        private List<String> typeParameters = List.of();
        private Optional<JavaType> genericSuperclass;
        private List<JavaType> genericInterfaces;
        private List<AnnotationFacts> annotations = List.of();
        private List<FieldFacts> fields = List.of();
        private List<MethodFacts> methods = List.of();
        private int classFileMajor;

        private Builder(String name, Origin origin, ClassKind kind) {
            this.name = Objects.requireNonNull(name, "name");
            this.origin = Objects.requireNonNull(origin, "origin");
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        /** The source-level modifiers. */
        public Builder modifiers(Set<Modifier> modifiers) {
            this.modifiers = Objects.requireNonNull(modifiers, "modifiers");
            return this;
        }

        /** The binary name of the direct superclass; empty for {@code java.lang.Object} and interfaces. */
        public Builder superclass(Optional<String> superclass) {
            this.superclass = Objects.requireNonNull(superclass, "superclass");
            return this;
        }

        /** The binary names of the direct interfaces. */
        public Builder interfaces(List<String> interfaces) {
            this.interfaces = Objects.requireNonNull(interfaces, "interfaces");
            return this;
        }

        /** The names of the class's own type parameters. */
        public Builder typeParameters(List<String> typeParameters) {
            this.typeParameters = Objects.requireNonNull(typeParameters, "typeParameters");
            return this;
        }

        /**
         * The supertypes with their type arguments; they must name the erased {@link #superclass} and
         * {@link #interfaces}, which {@link #build()} checks.
         */
        public Builder genericSupertypes(Optional<JavaType> superclass, List<JavaType> interfaces) {
            this.genericSuperclass = Objects.requireNonNull(superclass, "superclass");
            this.genericInterfaces = Objects.requireNonNull(interfaces, "interfaces");
            return this;
        }

        /** The annotations on the class. */
        public Builder annotations(List<AnnotationFacts> annotations) {
            this.annotations = Objects.requireNonNull(annotations, "annotations");
            return this;
        }

        /** The declared fields. */
        public Builder fields(List<FieldFacts> fields) {
            this.fields = Objects.requireNonNull(fields, "fields");
            return this;
        }

        /** The declared methods and constructors. */
        public Builder methods(List<MethodFacts> methods) {
            this.methods = Objects.requireNonNull(methods, "methods");
            return this;
        }

        /** The class-file major version; 0 for a live class. */
        public Builder classFileMajor(int classFileMajor) {
            this.classFileMajor = classFileMajor;
            return this;
        }

        /**
         * The facts.
         *
         * @throws IllegalArgumentException when the generic supertypes do not name the erased ones
         */
        public ClassFacts build() {
            return new ClassFacts(this);
        }
    }
}
