package io.importspy.inspect;

import io.importspy.API;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import static io.importspy.API.Status.EXPERIMENTAL;

/**
 * A method or constructor declared by a class. Constructors are named {@code <init>}; static
 * initializers are not recorded.
 *
 * <p>Immutable, compared by value. Inspection makes these; to make one (a test, a rule's own facts) use
 * {@link #builder(String)}, so that a fact added later does not break the call.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class MethodFacts {
    private static final JavaType VOID = JavaType.of("void");

    private final String name;
    private final List<ParameterFacts> parameters;
    private final JavaType returnType;
    private final JavaType erasedReturn;
    private final List<JavaType> exceptions;
    private final Set<Modifier> modifiers;
    private final boolean varargs;
    private final boolean synthetic;
    private final List<AnnotationFacts> annotations;
    private final List<String> typeParameters;

    private MethodFacts(Builder builder) {
        this.name = builder.name;
        this.parameters = List.copyOf(builder.parameters);
        this.returnType = builder.returnType;
        this.erasedReturn = builder.erasedReturn;
        this.exceptions = List.copyOf(builder.exceptions);
        this.modifiers = Set.copyOf(builder.modifiers);
        this.varargs = builder.varargs;
        this.synthetic = builder.synthetic;
        this.annotations = List.copyOf(builder.annotations);
        this.typeParameters = List.copyOf(builder.typeParameters);
    }

    /** A builder of the method {@code name} ({@code <init>} for a constructor): no parameters, {@code void}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding these facts, to change some of them. */
    public Builder toBuilder() {
        return new Builder(name).parameters(parameters).returns(returnType, erasedReturn).exceptions(exceptions)
                .modifiers(modifiers).varargs(varargs).synthetic(synthetic).annotations(annotations)
                .typeParameters(typeParameters);
    }

    /** Method name, or {@code <init>}. */
    public String name() {
        return name;
    }

    /** Parameters in order. */
    public List<ParameterFacts> parameters() {
        return parameters;
    }

    /** Generic return type when recorded, else erased ({@code void} for constructors). */
    public JavaType returnType() {
        return returnType;
    }

    /** Erased return type. */
    public JavaType erasedReturn() {
        return erasedReturn;
    }

    /** Declared exceptions (generic when recorded). */
    public List<JavaType> exceptions() {
        return exceptions;
    }

    /** Source-level modifiers ({@code default} for interface default methods). */
    public Set<Modifier> modifiers() {
        return modifiers;
    }

    /** Whether the last parameter is varargs. */
    public boolean varargs() {
        return varargs;
    }

    /** Whether the compiler generated it (bridge or synthetic). */
    public boolean synthetic() {
        return synthetic;
    }

    /** Annotations on the method. */
    public List<AnnotationFacts> annotations() {
        return annotations;
    }

    /**
     * The type parameters the method declares itself ({@code T} of {@code <T> T convert(T)}): a supertype's
     * type arguments never replace them.
     */
    public List<String> typeParameters() {
        return typeParameters;
    }

    /** Whether this is a constructor. */
    public boolean isConstructor() {
        return "<init>".equals(name);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MethodFacts m && m.name.equals(name) && m.parameters.equals(parameters)
                && m.returnType.equals(returnType) && m.erasedReturn.equals(erasedReturn)
                && m.exceptions.equals(exceptions) && m.modifiers.equals(modifiers) && m.varargs == varargs
                && m.synthetic == synthetic && m.annotations.equals(annotations)
                && m.typeParameters.equals(typeParameters);
    }

    /** Combines the facts as a record does. */
    @Override
    public int hashCode() {
        int hash = name.hashCode();
        hash = hash * 31 + parameters.hashCode();
        hash = hash * 31 + returnType.hashCode();
        hash = hash * 31 + erasedReturn.hashCode();
        hash = hash * 31 + exceptions.hashCode();
        hash = hash * 31 + modifiers.hashCode();
        hash = hash * 31 + Boolean.hashCode(varargs);
        hash = hash * 31 + Boolean.hashCode(synthetic);
        hash = hash * 31 + annotations.hashCode();
        return hash * 31 + typeParameters.hashCode();
    }

    @Override
    public String toString() {
        return "MethodFacts[name=" + name + ", parameters=" + parameters + ", returnType=" + returnType
                + ", erasedReturn=" + erasedReturn + ", exceptions=" + exceptions + ", modifiers=" + modifiers
                + ", varargs=" + varargs + ", synthetic=" + synthetic + ", annotations=" + annotations
                + ", typeParameters=" + typeParameters + "]";
    }

    /** Builds {@link MethodFacts}; every fact not set keeps its default (none, {@code void}, {@code false}). */
    public static final class Builder {
        private final String name;
        private List<ParameterFacts> parameters = List.of();
        private JavaType returnType = VOID;
        private JavaType erasedReturn = VOID;
        private List<JavaType> exceptions = List.of();
        private Set<Modifier> modifiers = Set.of();
        private boolean varargs;
        private boolean synthetic;
        private List<AnnotationFacts> annotations = List.of();
        private List<String> typeParameters = List.of();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** The parameters, in order. */
        public Builder parameters(List<ParameterFacts> parameters) {
            this.parameters = Objects.requireNonNull(parameters, "parameters");
            return this;
        }

        /** The return type as declared (generic when recorded) and erased. */
        public Builder returns(JavaType returnType, JavaType erasedReturn) {
            this.returnType = Objects.requireNonNull(returnType, "returnType");
            this.erasedReturn = Objects.requireNonNull(erasedReturn, "erasedReturn");
            return this;
        }

        /** The declared exceptions. */
        public Builder exceptions(List<JavaType> exceptions) {
            this.exceptions = Objects.requireNonNull(exceptions, "exceptions");
            return this;
        }

        /** The source-level modifiers. */
        public Builder modifiers(Set<Modifier> modifiers) {
            this.modifiers = Objects.requireNonNull(modifiers, "modifiers");
            return this;
        }

        /** Whether the last parameter is varargs. */
        public Builder varargs(boolean varargs) {
            this.varargs = varargs;
            return this;
        }

        /** Whether the compiler generated the method (bridge or synthetic). */
        public Builder synthetic(boolean synthetic) {
            this.synthetic = synthetic;
            return this;
        }

        /** The annotations on the method. */
        public Builder annotations(List<AnnotationFacts> annotations) {
            this.annotations = Objects.requireNonNull(annotations, "annotations");
            return this;
        }

        /** The type parameters the method declares itself. */
        public Builder typeParameters(List<String> typeParameters) {
            this.typeParameters = Objects.requireNonNull(typeParameters, "typeParameters");
            return this;
        }

        /** The facts. */
        public MethodFacts build() {
            return new MethodFacts(this);
        }
    }
}
