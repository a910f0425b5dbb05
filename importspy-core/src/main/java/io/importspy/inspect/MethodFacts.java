package io.importspy.inspect;

import io.importspy.API;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import static io.importspy.API.Status.EXPERIMENTAL;
import static io.importspy.API.Status.INTERNAL;

/**
 * A method or constructor declared by a class. Constructors are named {@code <init>}; static
 * initializers are not recorded.
 *
 * <p>Immutable, compared by value. Inspection makes these; to make one (a test, a rule's own facts) use
 * {@link #builder(String)}, so that a fact added later does not break the call. Inspection may make the facts
 * beyond the name on first use ({@link #deferred}): a contract asks for few of a class's methods, and a
 * validation reads most classes only for their names and supertypes; what a caller sees is the same.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class MethodFacts {
    private static final JavaType VOID = JavaType.of("void");

    private final String name;
    private final boolean synthetic;
    /** The facts beyond the name, made by {@link #source} on first use when deferred; immutable once made. */
    private Body body;
    private final Supplier<MethodFacts> source;

    /**
     * The facts beyond the name and the synthetic flag. Every field final: a body made by one thread is seen
     * whole by another that reads the reference (the racy single-check idiom of {@code String.hashCode}); two
     * threads that both make it make equal bodies.
     */
    private static final class Body {
        private final List<ParameterFacts> parameters;
        private final JavaType returnType;
        private final JavaType erasedReturn;
        private final List<JavaType> exceptions;
        private final Set<Modifier> modifiers;
        private final boolean varargs;
        private final List<AnnotationFacts> annotations;
        private final List<String> typeParameters;

        private Body(Builder builder) {
            this.parameters = List.copyOf(builder.parameters);
            this.returnType = builder.returnType;
            this.erasedReturn = builder.erasedReturn;
            this.exceptions = List.copyOf(builder.exceptions);
            this.modifiers = Set.copyOf(builder.modifiers);
            this.varargs = builder.varargs;
            this.annotations = List.copyOf(builder.annotations);
            this.typeParameters = List.copyOf(builder.typeParameters);
        }
    }

    private MethodFacts(Builder builder) {
        this.name = builder.name;
        this.synthetic = builder.synthetic;
        this.body = new Body(builder);
        this.source = null;
    }

    private MethodFacts(String name, boolean synthetic, Supplier<MethodFacts> source) {
        this.name = Objects.requireNonNull(name, "name");
        this.synthetic = synthetic;
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * Facts of the method {@code name} whose other facts {@code source} makes on their first use, once per
     * thread at most; its facts must have this name and synthetic flag. For ImportSpy's own reader of class
     * files: {@code source} must not fail, and must be safe to call from any thread.
     */
    @API(status = INTERNAL, since = "0.1.0")
    public static MethodFacts deferred(String name, boolean synthetic, Supplier<MethodFacts> source) {
        return new MethodFacts(name, synthetic, source);
    }

    private Body body() {
        Body made = body;
        if (made == null) {
            MethodFacts facts = source.get();
            if (!facts.name.equals(name) || facts.synthetic != synthetic) {
                throw new IllegalStateException("deferred facts of " + name + " made for " + facts.name);
            }
            made = facts.body();
            body = made;
        }
        return made;
    }

    /** A builder of the method {@code name} ({@code <init>} for a constructor): no parameters, {@code void}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding these facts, to change some of them. */
    public Builder toBuilder() {
        Body b = body();
        return new Builder(name).parameters(b.parameters).returns(b.returnType, b.erasedReturn).exceptions(b.exceptions)
                .modifiers(b.modifiers).varargs(b.varargs).synthetic(synthetic).annotations(b.annotations)
                .typeParameters(b.typeParameters);
    }

    /** Method name, or {@code <init>}. */
    public String name() {
        return name;
    }

    /** Parameters in order. */
    public List<ParameterFacts> parameters() {
        return body().parameters;
    }

    /** Generic return type when recorded, else erased ({@code void} for constructors). */
    public JavaType returnType() {
        return body().returnType;
    }

    /** Erased return type. */
    public JavaType erasedReturn() {
        return body().erasedReturn;
    }

    /** Declared exceptions (generic when recorded). */
    public List<JavaType> exceptions() {
        return body().exceptions;
    }

    /** Source-level modifiers ({@code default} for interface default methods). */
    public Set<Modifier> modifiers() {
        return body().modifiers;
    }

    /** Whether the last parameter is varargs. */
    public boolean varargs() {
        return body().varargs;
    }

    /** Whether the compiler generated it (bridge or synthetic). */
    public boolean synthetic() {
        return synthetic;
    }

    /** Annotations on the method. */
    public List<AnnotationFacts> annotations() {
        return body().annotations;
    }

    /**
     * The type parameters the method declares itself ({@code T} of {@code <T> T convert(T)}): a supertype's
     * type arguments never replace them.
     */
    public List<String> typeParameters() {
        return body().typeParameters;
    }

    /** Whether this is a constructor. */
    public boolean isConstructor() {
        return "<init>".equals(name);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof MethodFacts m) || !m.name.equals(name) || m.synthetic != synthetic) {
            return false;
        }
        Body a = body();
        Body b = m.body();
        return b.parameters.equals(a.parameters) && b.returnType.equals(a.returnType)
                && b.erasedReturn.equals(a.erasedReturn) && b.exceptions.equals(a.exceptions)
                && b.modifiers.equals(a.modifiers) && b.varargs == a.varargs && b.annotations.equals(a.annotations)
                && b.typeParameters.equals(a.typeParameters);
    }

    /** Combines the facts as a record does. */
    @Override
    public int hashCode() {
        Body b = body();
        int hash = name.hashCode();
        hash = hash * 31 + b.parameters.hashCode();
        hash = hash * 31 + b.returnType.hashCode();
        hash = hash * 31 + b.erasedReturn.hashCode();
        hash = hash * 31 + b.exceptions.hashCode();
        hash = hash * 31 + b.modifiers.hashCode();
        hash = hash * 31 + Boolean.hashCode(b.varargs);
        hash = hash * 31 + Boolean.hashCode(synthetic);
        hash = hash * 31 + b.annotations.hashCode();
        return hash * 31 + b.typeParameters.hashCode();
    }

    @Override
    public String toString() {
        Body b = body();
        return "MethodFacts[name=" + name + ", parameters=" + b.parameters + ", returnType=" + b.returnType
                + ", erasedReturn=" + b.erasedReturn + ", exceptions=" + b.exceptions + ", modifiers=" + b.modifiers
                + ", varargs=" + b.varargs + ", synthetic=" + synthetic + ", annotations=" + b.annotations
                + ", typeParameters=" + b.typeParameters + "]";
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
